# The size rule (scripts/check-sizes.py): no function over 120 lines and no
# file over 900 lines in src/ and include/. The tree passes, and the check
# finds violations in made-up trees. It needs only the system Python.
if(EXISTS /usr/bin/python3)
  set(_zvdj_size_python /usr/bin/python3)
else()
  find_package(Python3 COMPONENTS Interpreter)
  set(_zvdj_size_python ${Python3_EXECUTABLE})
endif()
if(_zvdj_size_python)
  add_test(NAME source_size_limits
    COMMAND ${_zvdj_size_python} ${PROJECT_SOURCE_DIR}/scripts/check-sizes.py ${PROJECT_SOURCE_DIR})
  add_test(NAME source_size_limits_self_test
    COMMAND ${_zvdj_size_python} ${PROJECT_SOURCE_DIR}/scripts/check-sizes.py --self-test)
  set_tests_properties(source_size_limits source_size_limits_self_test PROPERTIES
    ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
