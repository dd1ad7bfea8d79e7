/* libzvdj from C: read a dataset, list a series and its year-over-year change.
 *
 *   trends [DATASET.csv]      (default: examples/data/kernindicatoren_sample.csv)
 *
 * Build: cc -std=c99 trends.c $(pkg-config --cflags --libs zvdj) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "zvdj/zvdj.h"

/* Prints the library's message for a failed call and exits. */
static void check(zvdj_status status, const char *what) {
  if (status != ZVDJ_OK) {
    fprintf(stderr, "%s failed: %s: %s\n", what, zvdj_status_name(status),
            zvdj_last_error_message());
    exit(2);
  }
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "examples/data/kernindicatoren_sample.csv";
  zvdj_dataset *ds = NULL;
  zvdj_query query;
  const char *dim_names[] = {"age_group"};
  const char *dim_values[] = {"18-23"};
  size_t *rows = NULL;
  size_t n = 0, i;
  double first = NAN, last = NAN;
  char first_period[32] = "", period[32], formatted[32];
  size_t written = 0;

  check(zvdj_dataset_read_csv(&ds, path, NULL), "zvdj_dataset_read_csv");

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
    if (i == 0) {
      first = value;
      snprintf(first_period, sizeof first_period, "%s", period);
    }
    last = value;
  }
  if (n >= 2) {
    check(zvdj_format_dutch_signed(formatted, sizeof formatted, &written,
                                   100.0 * (last - first) / first, 0),
          "zvdj_format_dutch_signed");
    printf("change %s -> %s: %s%%\n", first_period, period, formatted);
  }
  free(rows);
  zvdj_dataset_destroy(ds);
  return 0;
}
