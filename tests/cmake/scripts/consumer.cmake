# Configures, builds and runs an outside project.
# cmake -DSOURCE=dir -DBINARY=dir -DGENERATOR=g [-DOPTIONS=a|b] [-DJOBS=n]
#       -DRUN=exe1|exe2 -P consumer.cmake
string(REPLACE "|" ";" options "${OPTIONS}")
string(REPLACE "|" ";" run "${RUN}")
if(NOT JOBS)
  set(JOBS 2)
endif()
file(REMOVE_RECURSE "${BINARY}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${BINARY} -G ${GENERATOR} ${options}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring ${SOURCE} failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY} --parallel ${JOBS}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${SOURCE} failed")
endif()
foreach(exe IN LISTS run)
  execute_process(COMMAND ${BINARY}/${exe} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${exe} failed (${rc})")
  endif()
endforeach()
