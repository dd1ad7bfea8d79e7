# Warnings for the project's own targets; -Werror when ZVDJ_WERROR is on (CI).
function(zvdj_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
    -Wno-missing-field-initializers)  # designated initializers may omit fields
  if(ZVDJ_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
