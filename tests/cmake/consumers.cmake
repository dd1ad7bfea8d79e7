# Packaging tests: install into a prefix inside the build tree, then build
# outside projects against it (find_package, pkg-config) and one that pulls the
# source tree in with add_subdirectory.
set(_zvdj_prefix ${PROJECT_BINARY_DIR}/consumer-prefix)
set(_zvdj_consumers ${PROJECT_SOURCE_DIR}/tests/consumers)

if(ZVDJ_INSTALL AND TARGET zvdj_shared AND TARGET zvdj_cli)
  add_test(NAME consumer_install
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DPREFIX=${_zvdj_prefix}
            -DLIBDIR=${CMAKE_INSTALL_LIBDIR} -DSHARED=ON -DABI=${ZVDJ_ABI_VERSION}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/scripts/install.cmake)
  set_tests_properties(consumer_install PROPERTIES FIXTURES_SETUP zvdj_installed
    RESOURCE_LOCK zvdj_install_prefix)

  add_test(NAME consumer_find_package
    COMMAND ${CMAKE_COMMAND} -DSOURCE=${_zvdj_consumers}/find_package
            -DBINARY=${PROJECT_BINARY_DIR}/consumer-find-package
            -DGENERATOR=${CMAKE_GENERATOR}
            "-DOPTIONS=-DCMAKE_PREFIX_PATH=${_zvdj_prefix}|-DCMAKE_BUILD_TYPE=Release|-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}|-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
            "-DRUN=consumer_cpp|consumer_c|consumer_c_static"
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/scripts/consumer.cmake)
  set_tests_properties(consumer_find_package PROPERTIES FIXTURES_REQUIRED zvdj_installed
    RESOURCE_LOCK zvdj_install_prefix TIMEOUT 900)

  find_program(ZVDJ_PKG_CONFIG pkg-config)
  if(ZVDJ_PKG_CONFIG)
    add_test(NAME consumer_pkg_config
      COMMAND sh ${_zvdj_consumers}/pkg_config/build_and_run.sh ${CMAKE_C_COMPILER}
              ${_zvdj_prefix}/${CMAKE_INSTALL_LIBDIR}/pkgconfig
              ${_zvdj_consumers}/common/consumer.c
              ${PROJECT_BINARY_DIR}/consumer-pkg-config)
    set_tests_properties(consumer_pkg_config PROPERTIES FIXTURES_REQUIRED zvdj_installed
      RESOURCE_LOCK zvdj_install_prefix)
  endif()
endif()

# Compiles the whole library again inside the consumer (no optimisation, every
# core, to keep it short).
cmake_host_system_information(RESULT _zvdj_cores QUERY NUMBER_OF_LOGICAL_CORES)
add_test(NAME consumer_add_subdirectory
  COMMAND ${CMAKE_COMMAND} -DSOURCE=${_zvdj_consumers}/add_subdirectory
          -DBINARY=${PROJECT_BINARY_DIR}/consumer-add-subdirectory
          -DGENERATOR=${CMAKE_GENERATOR}
          "-DOPTIONS=-DZVDJ_SOURCE_DIR=${PROJECT_SOURCE_DIR}|-DCMAKE_BUILD_TYPE=|-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}|-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}|-DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}"
          "-DRUN=consumer_cpp|consumer_c" -DJOBS=${_zvdj_cores}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/scripts/consumer.cmake)
set_tests_properties(consumer_add_subdirectory PROPERTIES TIMEOUT 3600 LABELS slow)
