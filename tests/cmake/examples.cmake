# The examples under examples/ are built and run on the sample data.
set(_zvdj_sample ${PROJECT_SOURCE_DIR}/examples/data/kernindicatoren_sample.csv)

if(TARGET zvdj_shared)
  add_executable(example_c_trends ${PROJECT_SOURCE_DIR}/examples/c/trends.c)
  set_target_properties(example_c_trends PROPERTIES C_STANDARD 99 C_EXTENSIONS OFF)
  target_compile_options(example_c_trends PRIVATE -Wall -Wextra -pedantic -Werror)
  target_link_libraries(example_c_trends PRIVATE zvdj_shared m)
  add_test(NAME example_c_trends COMMAND example_c_trends ${_zvdj_sample})
  set_tests_properties(example_c_trends PROPERTIES
    PASS_REGULAR_EXPRESSION "2016JJ00 -> 2019JJ00: \\+77%")
endif()

add_executable(example_cpp_trends ${PROJECT_SOURCE_DIR}/examples/cpp/trends.cpp)
target_link_libraries(example_cpp_trends PRIVATE zvdj)
zvdj_set_warnings(example_cpp_trends)
add_test(NAME example_cpp_trends COMMAND example_cpp_trends ${_zvdj_sample})
set_tests_properties(example_cpp_trends PROPERTIES
  PASS_REGULAR_EXPRESSION "2016JJ00 -> 2019JJ00 \\+77%")

find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND TARGET zvdj_shared)
  add_test(NAME example_python_trends
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/examples/python/trends.py
            ${_zvdj_sample})
  set_tests_properties(example_python_trends PROPERTIES
    ENVIRONMENT "ZVDJ_LIBRARY=$<TARGET_FILE:zvdj_shared>;PYTHONPATH=${PROJECT_SOURCE_DIR}/python;PYTHONDONTWRITEBYTECODE=1"
    PASS_REGULAR_EXPRESSION "2016JJ00 -> 2019JJ00: \\+77%")
endif()
