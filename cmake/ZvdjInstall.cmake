# Install rules: headers, libzvdj.a, libzvdj.so (C ABI), the zvdj command, the CMake
# package (zvdj::zvdj, zvdj::zvdj_shared) and zvdj.pc.
include(CMakePackageConfigHelpers)

set(ZVDJ_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/zvdj" CACHE STRING
  "Where zvdjConfig.cmake is installed")

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/zvdj
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

set(_zvdj_install_targets zvdj)
if(TARGET zvdj_shared)
  list(APPEND _zvdj_install_targets zvdj_shared)
endif()
install(TARGETS ${_zvdj_install_targets} EXPORT zvdjTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
          NAMELINK_COMPONENT devel
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET zvdj_cli)
  # RPATH of the installed command: the library folder of its own prefix
  # ($ORIGIN, so a moved prefix still works) and the folders of non-system
  # libraries it was linked with (e.g. an Abseil in its own prefix).
  file(RELATIVE_PATH _zvdj_bin_to_lib "/${CMAKE_INSTALL_BINDIR}" "/${CMAKE_INSTALL_LIBDIR}")
  set_target_properties(zvdj_cli PROPERTIES
    INSTALL_RPATH "$ORIGIN/${_zvdj_bin_to_lib}"
    INSTALL_RPATH_USE_LINK_PATH TRUE)
  install(TARGETS zvdj_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()

install(EXPORT zvdjTargets NAMESPACE zvdj:: FILE zvdjTargets.cmake
  DESTINATION ${ZVDJ_INSTALL_CMAKEDIR} COMPONENT devel)
# Build-tree export, so a parent project can re-export targets that link zvdj.
export(EXPORT zvdjTargets NAMESPACE zvdj::
  FILE ${PROJECT_BINARY_DIR}/zvdjTargets.cmake)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/zvdjConfig.cmake.in
  ${PROJECT_BINARY_DIR}/zvdjConfig.cmake
  INSTALL_DESTINATION ${ZVDJ_INSTALL_CMAKEDIR})
# 0.x releases may break the API between minors; SameMinorVersion until 1.0.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_zvdj_compat SameMinorVersion)
else()
  set(_zvdj_compat SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/zvdjConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${_zvdj_compat})
install(FILES ${PROJECT_BINARY_DIR}/zvdjConfig.cmake
              ${PROJECT_BINARY_DIR}/zvdjConfigVersion.cmake
  DESTINATION ${ZVDJ_INSTALL_CMAKEDIR} COMPONENT devel)

# pkg-config: the prefix is derived from the .pc file's own location
# (${pcfiledir}), so `cmake --install --prefix DIR` and moved installs work.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(ZVDJ_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(ZVDJ_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  string(REGEX REPLACE "[^/]+" ".." _zvdj_up "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
  set(ZVDJ_PC_PREFIX "\${pcfiledir}/${_zvdj_up}")
  set(ZVDJ_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(ZVDJ_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(ZVDJ_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# zvdj.pc: the shared C library only (no Abseil needed by its users);
# zvdj-static.pc: libzvdj.a with Abseil in Requires.private.
configure_file(${PROJECT_SOURCE_DIR}/cmake/zvdj.pc.in ${PROJECT_BINARY_DIR}/zvdj.pc @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/zvdj-static.pc.in
  ${PROJECT_BINARY_DIR}/zvdj-static.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/zvdj.pc ${PROJECT_BINARY_DIR}/zvdj-static.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT devel)
