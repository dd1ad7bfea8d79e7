/* Strict C99 consumer of the public C header: compiled with
 * -std=c99 -Wall -Wextra -pedantic -Werror and linked against the shared
 * library, so the header stays plain C and the exported symbols resolve. */
#include "zvdj/zvdj.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

#define EXPECT(cond)                                                 \
  do {                                                               \
    if (!(cond)) {                                                   \
      fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                    \
    }                                                                \
  } while (0)

int main(void) {
  int64_t value = 0;
  size_t written = 0;
  char buffer[64];
  zvdj_dataset *ds = NULL;
  zvdj_read_options opts;
  static const char csv[] =
      "indicator,period,region,value,status\n"
      "thuiszitters,2018/2019,NL01,4790,\n";

  EXPECT(zvdj_version_number() == ZVDJ_VERSION_NUMBER);
  EXPECT(zvdj_abi_version() == ZVDJ_ABI_VERSION);
  EXPECT(strcmp(zvdj_status_name(ZVDJ_INVALID_ARGUMENT), "INVALID_ARGUMENT") == 0);
  EXPECT(zvdj_constant(&value, "ZVDJ_OUT_OF_RANGE") == ZVDJ_OK && value == ZVDJ_OUT_OF_RANGE);

  EXPECT(zvdj_dataset_size(&written, NULL) == ZVDJ_INVALID_ARGUMENT);
  EXPECT(strlen(zvdj_last_error_message()) > 0);
  zvdj_dataset_destroy(NULL);

  EXPECT(zvdj_read_options_init(&opts, ZVDJ_READ_OPTIONS_VERSION) == ZVDJ_OK);
  EXPECT(zvdj_dataset_parse_csv(&ds, csv, sizeof csv - 1, "inline.csv", &opts) == ZVDJ_OK);
  EXPECT(zvdj_dataset_get_string(NULL, 0, &written, ds, 0, "period") == ZVDJ_OK);
  EXPECT(written == sizeof "2018/'19");
  EXPECT(zvdj_dataset_get_string(buffer, sizeof buffer, &written, ds, 0, "period") == ZVDJ_OK);
  EXPECT(strcmp(buffer, "2018/'19") == 0);
  {
    double v = NAN;
    int32_t status = -1;
    EXPECT(zvdj_dataset_get_value(&v, &status, ds, 0) == ZVDJ_OK);
    EXPECT(v == 4790.0 && status == ZVDJ_VALUE_DEFINITIVE);
  }
  {
    zvdj_trend_options topts;
    zvdj_trend_result *sums = NULL;
    size_t rows = 0;
    EXPECT(zvdj_trend_options_init(&topts, ZVDJ_TREND_OPTIONS_VERSION) == ZVDJ_OK);
    topts.rule = ZVDJ_ASSESSMENT_NONE;
    EXPECT(zvdj_trends_summarize(&sums, ds, NULL, NULL, &topts) == ZVDJ_OK);
    EXPECT(zvdj_trend_result_rows(&rows, sums) == ZVDJ_OK && rows == 1);
    zvdj_trend_result_destroy(sums);
  }
  zvdj_dataset_destroy(ds);

  if (failures != 0) {
    fprintf(stderr, "%d failure(s)\n", failures);
    return 1;
  }
  puts("c_api_header_test: OK");
  return 0;
}
