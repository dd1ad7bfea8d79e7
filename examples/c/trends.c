/* libzvdj from C: read a dataset, list a series, and summarise every series
 * with its change, CAGR and assessment.
 *
 *   trends [DATASET.csv]      (default: examples/data/kernindicatoren_sample.csv)
 *
 * Build: cc -std=c99 trends.c $(pkg-config --cflags --libs zvdj) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zvdj/zvdj.h"

/* Prints the library's message for a failed call and exits. */
static void check(zvdj_status status, const char *what) {
  if (status != ZVDJ_OK) {
    fprintf(stderr, "%s failed: %s: %s\n", what, zvdj_status_name(status),
            zvdj_last_error_message());
    exit(2);
  }
}

/* One cell of a trend result, into a fixed buffer (truncation is an error). */
static const char *cell(const zvdj_trend_result *r, size_t row, const char *column) {
  static char buf[256];
  size_t written = 0;
  check(zvdj_trend_result_get_string(buf, sizeof buf, &written, r, row, column),
        "zvdj_trend_result_get_string");
  return buf;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "examples/data/kernindicatoren_sample.csv";
  zvdj_dataset *ds = NULL;
  zvdj_trend_result *sums = NULL;
  zvdj_query query;
  const char *dim_names[] = {"age_group"};
  const char *dim_values[] = {"18-23"};
  size_t *rows = NULL;
  double *growth = NULL, *pp = NULL;
  size_t n = 0, i, written = 0;
  char period[32], formatted[32];

  check(zvdj_dataset_read_csv(&ds, path, NULL), "zvdj_dataset_read_csv");

  /* 1. One series, row by row. */
  check(zvdj_query_init(&query, ZVDJ_QUERY_VERSION), "zvdj_query_init");
  query.indicator = "jeugdhulp_met_verblijf";
  query.dim_count = 1;
  query.dim_names = dim_names;
  query.dim_values = dim_values;
  /* Size query, then the real call into a buffer of that size. */
  check(zvdj_dataset_select(NULL, 0, &n, ds, &query), "zvdj_dataset_select");
  rows = malloc((n > 0 ? n : 1) * sizeof *rows);
  if (rows == NULL) return 1;
  check(zvdj_dataset_select(rows, n, &n, ds, &query), "zvdj_dataset_select");
  printf("jeugdhulp met verblijf, 18-23 jaar (%s)\n", path);
  for (i = 0; i < n; ++i) {
    double value = NAN;
    int32_t status = 0;
    check(zvdj_dataset_get_string(period, sizeof period, &written, ds, rows[i], "period"),
          "zvdj_dataset_get_string");
    check(zvdj_dataset_get_value(&value, &status, ds, rows[i]), "zvdj_dataset_get_value");
    check(zvdj_format_dutch(formatted, sizeof formatted, &written, value, 0),
          "zvdj_format_dutch");
    printf("  %s  %8s\n", period, formatted);
  }
  free(rows);

  /* 2. Summaries of every series, with the default CAGR assessment. */
  check(zvdj_trends_summarize(&sums, ds, NULL, NULL, NULL), "zvdj_trends_summarize");
  check(zvdj_trend_result_rows(&n, sums), "zvdj_trend_result_rows");
  growth = malloc((n > 0 ? n : 1) * sizeof *growth);
  pp = malloc((n > 0 ? n : 1) * sizeof *pp);
  if (growth == NULL || pp == NULL) return 1;
  check(zvdj_trend_result_get_numbers(growth, NULL, n, &written, sums, "rel_change_pct"),
        "zvdj_trend_result_get_numbers");
  check(zvdj_trend_result_get_numbers(pp, NULL, n, &written, sums, "pp_change"),
        "zvdj_trend_result_get_numbers");
  for (i = 0; i < n; ++i) {
    printf("%s", cell(sums, i, "indicator"));
    if (strcmp(cell(sums, i, "age_group"), "") != 0) printf(" %s", cell(sums, i, "age_group"));
    printf(" %s", cell(sums, i, "first_period"));
    printf(" -> %s: ", cell(sums, i, "last_period"));
    if (!isnan(pp[i])) {
      check(zvdj_format_dutch_signed(formatted, sizeof formatted, &written, pp[i], 1),
            "zvdj_format_dutch_signed");
      printf("%s pp", formatted);
    } else {
      check(zvdj_format_dutch_signed(formatted, sizeof formatted, &written, growth[i], 0),
            "zvdj_format_dutch_signed");
      printf("%s%%", formatted);
    }
    printf(" (%s)\n", cell(sums, i, "assessment"));
  }
  free(growth);
  free(pp);
  zvdj_trend_result_destroy(sums);
  zvdj_dataset_destroy(ds);
  return 0;
}
