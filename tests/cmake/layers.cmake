# The layering check (cmake/check_layers.cmake) passes on the tree and fails
# on copies of it that break the rule.
add_test(NAME layer_check_rejects_wrong_includes
  COMMAND ${CMAKE_COMMAND} -DMANIFEST=${ZVDJ_LAYER_MANIFEST}
          -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
          -DCHECK=${PROJECT_SOURCE_DIR}/cmake/check_layers.cmake
          -DWORK_DIR=${CMAKE_CURRENT_BINARY_DIR}/layer_check_test
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/scripts/layer_check_test.cmake)
