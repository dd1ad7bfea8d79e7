# Checks the layering of the library (run by the build; see ZvdjLayers.cmake):
#
#   cmake -DMANIFEST=<build>/zvdj_layers.cmake -DSOURCE_DIR=<tree> [-DSTAMP=f] -P check_layers.cmake
#
# - every #include "zvdj/..." in a layer's folder, and in each public header,
#   names a header of the same layer or of a layer below it: a public header
#   (include/zvdj/<name>) by the layer that lists it in HDRS, a private one
#   (src/zvdj/<layer>/<name>) by its folder;
# - every public header belongs to exactly one layer;
# - every .cc in a layer's folder is in that layer's SRCS, and src/zvdj/ holds
#   nothing outside the layer folders (a file there would not be built).
# All violations are listed; the exit status is nonzero when there is one.
cmake_minimum_required(VERSION 3.25)
foreach(var MANIFEST SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_layers.cmake: -D${var}=... is required")
  endif()
endforeach()
include("${MANIFEST}")

set(errors "")
macro(_layer_error text)
  string(APPEND errors "  ${text}\n")
endmacro()

# Which layer owns each public header.
foreach(layer IN LISTS ZVDJ_LAYERS)
  foreach(hdr IN LISTS ZVDJ_LAYER_${layer}_HDRS)
    if(DEFINED _owner_${hdr})
      _layer_error("include/zvdj/${hdr} is listed by both ${_owner_${hdr}} and ${layer}")
    endif()
    set(_owner_${hdr} ${layer})
  endforeach()
endforeach()

# Checks the zvdj includes of FILE (shown as REL) against what LAYER may include.
function(_check_includes file rel layer)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]zvdj/[^\">]+[\">]")
  set(allowed ${ZVDJ_LAYER_${layer}_ALLOWED})
  foreach(line IN LISTS lines)
    string(REGEX MATCH "zvdj/[^\">]+" inc "${line}")
    string(REGEX REPLACE "^zvdj/" "" name "${inc}")
    set(target "")
    if(name MATCHES "^([a-z_]+)/")
      if(CMAKE_MATCH_1 IN_LIST ZVDJ_LAYERS)
        set(target ${CMAKE_MATCH_1})
      endif()
    elseif(DEFINED _owner_${name})
      set(target ${_owner_${name}})
    endif()
    if(target STREQUAL "")
      _layer_error("${rel}: includes ${inc}, which belongs to no layer")
    elseif(NOT target IN_LIST allowed)
      string(REPLACE ";" ", " allowed_text "${allowed}")
      _layer_error("${rel}: includes ${inc} (layer ${target}); ${layer} may include only ${allowed_text}")
    endif()
  endforeach()
  set(errors "${errors}" PARENT_SCOPE)
endfunction()

# Public headers: each in one layer, each including only what its layer may.
file(GLOB public RELATIVE "${SOURCE_DIR}/include/zvdj" "${SOURCE_DIR}/include/zvdj/*")
foreach(hdr IN LISTS public)
  if(NOT DEFINED _owner_${hdr})
    _layer_error("include/zvdj/${hdr} is in no layer's HDRS (cmake/ZvdjLayers.cmake, CMakeLists.txt)")
  else()
    _check_includes("${SOURCE_DIR}/include/zvdj/${hdr}" "include/zvdj/${hdr}" ${_owner_${hdr}})
  endif()
endforeach()

# Each layer's folder.
set(layer_dirs "")
foreach(layer IN LISTS ZVDJ_LAYERS)
  set(dir "${ZVDJ_LAYER_${layer}_DIR}")
  list(APPEND layer_dirs "${dir}")
  file(GLOB files RELATIVE "${SOURCE_DIR}/${dir}" "${SOURCE_DIR}/${dir}/*")
  foreach(name IN LISTS files)
    set(path "${SOURCE_DIR}/${dir}/${name}")
    if(IS_DIRECTORY "${path}")
      _layer_error("${dir}/${name}/: a layer has no subfolders")
      continue()
    endif()
    if(name MATCHES "\\.cc$" AND NOT name IN_LIST ZVDJ_LAYER_${layer}_SRCS)
      _layer_error("${dir}/${name} is not in the SRCS of layer ${layer}, so it is not built")
    endif()
    if(name MATCHES "\\.(cc|h|hpp|inc)$")
      _check_includes("${path}" "${dir}/${name}" ${layer})
    endif()
  endforeach()
  foreach(src IN LISTS ZVDJ_LAYER_${layer}_SRCS)
    if(NOT EXISTS "${SOURCE_DIR}/${dir}/${src}")
      _layer_error("${dir}/${src} is in the SRCS of layer ${layer} but does not exist")
    endif()
  endforeach()
endforeach()

# Nothing in src/zvdj/ outside the layer folders.
file(GLOB top RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/src/zvdj/*")
foreach(entry IN LISTS top)
  if(NOT entry IN_LIST layer_dirs)
    _layer_error("${entry} is in no layer folder; move it into the folder of its layer")
  endif()
endforeach()

if(NOT errors STREQUAL "")
  message(FATAL_ERROR "Layering violated (a layer includes only layers below it; "
    "see the README's layout section):\n${errors}")
endif()
if(DEFINED STAMP)
  file(TOUCH "${STAMP}")
endif()
