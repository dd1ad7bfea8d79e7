# The Python module's unittest suite, run against the shared library of this
# build tree (the pandas and install tests, test_frames.py and test_install.py,
# run with pytest in scripts/run-tests.sh).
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND TARGET zvdj_shared)
  add_test(NAME python_zvdj
    COMMAND ${Python3_EXECUTABLE} -m unittest discover -s ${PROJECT_SOURCE_DIR}/python/tests -p "test_[!fi]*.py"
            -t ${PROJECT_SOURCE_DIR}/python/tests -v
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/python)
  set_tests_properties(python_zvdj PROPERTIES ENVIRONMENT
    "ZVDJ_LIBRARY=$<TARGET_FILE:zvdj_shared>;PYTHONPATH=${PROJECT_SOURCE_DIR}/python;PYTHONDONTWRITEBYTECODE=1;ZVDJ_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endif()
