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
  {
    /* Survival on plain arrays, read back through the general table. */
    static const double times[] = {10, 10, 45, 60};
    static const int32_t statuses[] = {1, 2, 0, 1};
    static const double at[] = {30};
    zvdj_survival_fit *fit = NULL;
    zvdj_survival_options sopts;
    zvdj_table *curve = NULL;
    double estimate = 0;
    size_t rows = 0;
    EXPECT(zvdj_survival_options_init(&sopts, ZVDJ_SURVIVAL_OPTIONS_VERSION) == ZVDJ_OK);
    sopts.ci = ZVDJ_CI_LOG_LOG;
    EXPECT(zvdj_survival_fit_create(&fit, 4, times, statuses) == ZVDJ_OK);
    EXPECT(zvdj_survival_evaluate(&curve, fit, ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE, 1, 1, at,
                                  &sopts) == ZVDJ_OK);
    EXPECT(zvdj_table_rows(&rows, curve) == ZVDJ_OK && rows == 1);
    EXPECT(zvdj_table_get_numbers(&estimate, NULL, 1, &written, curve, "estimate") == ZVDJ_OK);
    EXPECT(fabs(estimate - 0.25) < 1e-12);
    zvdj_table_destroy(curve);
    zvdj_survival_fit_destroy(fit);
  }
  {
    zvdj_cohort *cohort = NULL;
    zvdj_outflow_options oopts;
    zvdj_generate_options gopts;
    zvdj_statline_options lopts;
    zvdj_factsheet_options fopts;
    size_t members = 1;
    EXPECT(zvdj_cohort_create(&cohort) == ZVDJ_OK);
    EXPECT(zvdj_cohort_info(&members, NULL, NULL, cohort) == ZVDJ_OK && members == 0);
    zvdj_cohort_destroy(cohort);
    EXPECT(zvdj_outflow_options_init(&oopts, ZVDJ_OUTFLOW_OPTIONS_VERSION) == ZVDJ_OK);
    EXPECT(zvdj_generate_options_init(&gopts, ZVDJ_GENERATE_OPTIONS_VERSION) == ZVDJ_OK);
    EXPECT(zvdj_statline_options_init(&lopts, ZVDJ_STATLINE_OPTIONS_VERSION) == ZVDJ_OK);
    EXPECT(zvdj_factsheet_options_init(&fopts, ZVDJ_FACTSHEET_OPTIONS_VERSION) == ZVDJ_OK);
  }

  if (failures != 0) {
    fprintf(stderr, "%d failure(s)\n", failures);
    return 1;
  }
  puts("c_api_header_test: OK");
  return 0;
}
