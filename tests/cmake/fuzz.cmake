# Fuzz targets: every tests/fuzz/<name>_fuzzer.cc.
#
# With clang and ZVDJ_FUZZ=ON they are libFuzzer executables (the library gets
# coverage instrumentation; scripts/fuzz.sh adds ASan and UBSan and runs them).
# Otherwise they are linked with a small replay driver. Either way each one is
# registered as the CTest `fuzz_corpus.<name>`, which runs its seed and regression
# corpus tests/fuzz/corpus/<name>/ once (no fuzzing), so inputs that once crashed
# stay fixed.
option(ZVDJ_FUZZ "Build libFuzzer targets (clang only)" OFF)

file(GLOB _zvdj_fuzzers CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/fuzz/*_fuzzer.cc")
set(_zvdj_libfuzzer OFF)
if(ZVDJ_FUZZ)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(_zvdj_libfuzzer ON)
    # The static library has no sources of its own: instrument the layers.
    foreach(_layer IN LISTS ZVDJ_LAYER_TARGETS)
      target_compile_options(${_layer} PRIVATE -fsanitize=fuzzer-no-link)
    endforeach()
  else()
    message(WARNING "ZVDJ_FUZZ needs clang; building corpus replay drivers instead")
  endif()
endif()

foreach(src ${_zvdj_fuzzers})
  get_filename_component(_target ${src} NAME_WE)     # period_fuzzer
  string(REGEX REPLACE "_fuzzer$" "" _name ${_target})  # period
  if(_zvdj_libfuzzer)
    add_executable(${_target} ${src})
    target_compile_options(${_target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${_target} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${_target} ${src} ${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cc)
  endif()
  target_include_directories(${_target} PRIVATE ${PROJECT_SOURCE_DIR}/src
                                                ${PROJECT_SOURCE_DIR}/tests/fuzz)
  target_link_libraries(${_target} PRIVATE zvdj)
  zvdj_set_warnings(${_target})
  set(_corpus "${PROJECT_SOURCE_DIR}/tests/fuzz/corpus/${_name}")
  if(EXISTS "${_corpus}")
    add_test(NAME fuzz_corpus.${_name} COMMAND ${_target} -runs=0 "${_corpus}")
    set_tests_properties(fuzz_corpus.${_name} PROPERTIES LABELS "fuzz" TIMEOUT 300)
  endif()
endforeach()
