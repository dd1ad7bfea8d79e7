# Browser test: renders the default factsheet from the shipped data with the
# built zvdj, loads it in headless Chromium (content via --dump-dom, plus a
# screenshot at <build>/factsheet.png). Skipped (exit 77) without chromium.
find_program(ZVDJ_BASH bash)
if(ZVDJ_BASH)
  add_test(NAME factsheet_browser
    COMMAND ${ZVDJ_BASH} ${PROJECT_SOURCE_DIR}/tests/factsheet_browser_test.sh
            $<TARGET_FILE:zvdj_cli> ${PROJECT_SOURCE_DIR} ${CMAKE_BINARY_DIR})
  set_tests_properties(factsheet_browser PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
