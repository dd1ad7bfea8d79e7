# Screenshots of a national and a municipal factsheet in headless Chromium
# (skipped when chromium is not installed); the PNGs stay in the build folder.
find_program(ZVDJ_BASH bash)
if(ZVDJ_BASH)
  add_test(NAME cli_factsheet_screenshots
    COMMAND ${ZVDJ_BASH} ${PROJECT_SOURCE_DIR}/tests/cli_factsheet_screenshots.sh
            $<TARGET_FILE:zvdj_cli> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR})
  set_tests_properties(cli_factsheet_screenshots PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 400)
endif()
