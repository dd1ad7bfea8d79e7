# C API tests that are not gtest executables: the strict C99 header test and the
# check that the shared library exports only zvdj_* symbols.
if(TARGET zvdj_shared)
  add_executable(c_api_header_test ${CMAKE_CURRENT_SOURCE_DIR}/c_api_header_test.c)
  set_target_properties(c_api_header_test PROPERTIES
    C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  target_compile_options(c_api_header_test PRIVATE -Wall -Wextra -pedantic -Werror)
  target_link_libraries(c_api_header_test PRIVATE zvdj_shared m)
  add_test(NAME c_api_header_test COMMAND c_api_header_test)

  add_test(NAME c_api_exports_only_zvdj_symbols
    COMMAND ${CMAKE_COMMAND} -DNM=${CMAKE_NM} -DLIBRARY=$<TARGET_FILE:zvdj_shared>
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/scripts/check_exports.cmake)
endif()
