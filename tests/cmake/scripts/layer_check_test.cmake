# Runs the layering check on the source tree (it must pass) and on copies of it
# with one fault each (it must fail and name the fault).
#   cmake -DMANIFEST=... -DSOURCE_DIR=... -DCHECK=... -DWORK_DIR=... -P layer_check_test.cmake
cmake_minimum_required(VERSION 3.25)

function(run_check tree out_rc out_text)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -DMANIFEST=${MANIFEST} -DSOURCE_DIR=${tree} -P ${CHECK}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${out_rc} "${rc}" PARENT_SCOPE)
  set(${out_text} "${out}${err}" PARENT_SCOPE)
endfunction()

run_check("${SOURCE_DIR}" rc text)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the check fails on the source tree itself:\n${text}")
endif()

# A fresh copy of the parts the check reads.
function(fresh_copy tree)
  file(REMOVE_RECURSE "${tree}")
  file(COPY "${SOURCE_DIR}/src" DESTINATION "${tree}")
  file(COPY "${SOURCE_DIR}/include" DESTINATION "${tree}")
endfunction()

# Applies one fault to a copy and expects the check to fail with EXPECT.
set(n 0)
macro(expect_failure what expect)
  math(EXPR n "${n} + 1")
  set(tree "${WORK_DIR}/case${n}")
  fresh_copy("${tree}")
  cmake_language(CALL ${what} "${tree}")
  run_check("${tree}" rc text)
  if(rc EQUAL 0)
    message(FATAL_ERROR "case ${n} (${what}): the check passed but should fail")
  endif()
  string(FIND "${text}" "${expect}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "case ${n} (${what}): expected '${expect}' in:\n${text}")
  endif()
  message(STATUS "case ${n} (${what}): rejected as expected")
endmacro()

# core is the lowest layer: a public header of stats is above it.
function(core_includes_public_stats_header tree)
  file(APPEND "${tree}/src/zvdj/core/date.cc" "#include \"zvdj/trend.hpp\"\n")
endfunction()
expect_failure(core_includes_public_stats_header
  "src/zvdj/core/date.cc: includes zvdj/trend.hpp (layer stats); core may include only core")

# A private header of a higher layer, included by a lower one.
function(io_includes_capi_private_header tree)
  file(APPEND "${tree}/src/zvdj/io/dataset_io.cc" "#include \"zvdj/capi/c_api_internal.h\"\n")
endfunction()
expect_failure(io_includes_capi_private_header
  "src/zvdj/io/dataset_io.cc: includes zvdj/capi/c_api_internal.h (layer capi)")

# A public header may include only its own layer and those below.
function(public_header_includes_higher_layer tree)
  file(APPEND "${tree}/include/zvdj/records.hpp" "#include \"zvdj/indicators.hpp\"\n")
endfunction()
expect_failure(public_header_includes_higher_layer
  "include/zvdj/records.hpp: includes zvdj/indicators.hpp (layer engine)")

# The engine may not reach up into stats.
function(engine_includes_stats tree)
  file(APPEND "${tree}/src/zvdj/engine/regions.cc" "#include \"zvdj/survival.hpp\"\n")
endfunction()
expect_failure(engine_includes_stats "includes zvdj/survival.hpp (layer stats); engine may")

# A public header no layer owns.
function(unassigned_public_header tree)
  file(WRITE "${tree}/include/zvdj/orphan.hpp" "#pragma once\n")
endfunction()
expect_failure(unassigned_public_header "include/zvdj/orphan.hpp is in no layer's HDRS")

# A source left in src/zvdj/ outside the layer folders would not be built.
function(source_outside_layers tree)
  file(WRITE "${tree}/src/zvdj/stray.cc" "int stray;\n")
endfunction()
expect_failure(source_outside_layers "src/zvdj/stray.cc is in no layer folder")

# A source in a layer folder but not in its SRCS would not be built.
function(source_not_listed tree)
  file(WRITE "${tree}/src/zvdj/core/unlisted.cc" "int unlisted;\n")
endfunction()
expect_failure(source_not_listed "src/zvdj/core/unlisted.cc is not in the SRCS of layer core")

file(REMOVE_RECURSE "${WORK_DIR}")
