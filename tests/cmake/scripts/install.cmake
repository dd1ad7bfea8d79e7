# Installs the build tree into a fresh PREFIX and checks the installed layout.
# cmake -DBUILD_DIR=dir -DPREFIX=dir -DLIBDIR=lib -DSHARED=ON|OFF -P install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed")
endif()
set(expected
  include/zvdj/zvdj.h include/zvdj/version.h include/zvdj/dataset.hpp
  ${LIBDIR}/libzvdj.a ${LIBDIR}/cmake/zvdj/zvdjConfig.cmake
  ${LIBDIR}/cmake/zvdj/zvdjConfigVersion.cmake ${LIBDIR}/cmake/zvdj/zvdjTargets.cmake
  ${LIBDIR}/pkgconfig/zvdj.pc ${LIBDIR}/pkgconfig/zvdj-static.pc bin/zvdj)
if(SHARED)
  list(APPEND expected ${LIBDIR}/libzvdj.so ${LIBDIR}/libzvdj.so.${ABI})
endif()
foreach(f IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB_RECURSE private "${PREFIX}/include/zvdj/internal/*")
if(private)
  message(FATAL_ERROR "private headers installed: ${private}")
endif()
message(STATUS "installed into ${PREFIX}")
