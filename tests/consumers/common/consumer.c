/* A C program that uses libzvdj through its C API only. */
#include <stdio.h>
#include <string.h>

#include "zvdj/zvdj.h"

int main(void) {
  char previous[32];
  size_t written = 0;
  zvdj_catalogue *catalogue = NULL;
  int32_t direction = -1;
  const char *names[] = {"age_group"};
  const char *values[] = {"18-23"};

  if (zvdj_version_number() != ZVDJ_VERSION_NUMBER) {
    fprintf(stderr, "header %d, library %d\n", ZVDJ_VERSION_NUMBER, zvdj_version_number());
    return 1;
  }
  if (zvdj_period_predecessor(previous, sizeof previous, &written, "2019KW01") != ZVDJ_OK ||
      strcmp(previous, "2018KW04") != 0) {
    fprintf(stderr, "predecessor: %s\n", zvdj_last_error_message());
    return 1;
  }
  if (zvdj_catalogue_builtin(&catalogue) != ZVDJ_OK ||
      zvdj_catalogue_direction_for(&direction, catalogue, "jeugdhulp_met_verblijf", 1, names,
                                   values) != ZVDJ_OK ||
      direction != ZVDJ_DIRECTION_UP) {
    fprintf(stderr, "catalogue: %s\n", zvdj_last_error_message());
    zvdj_catalogue_destroy(catalogue);
    return 1;
  }
  zvdj_catalogue_destroy(catalogue);
  printf("C consumer OK: libzvdj %s, 2019KW01 follows %s\n", zvdj_version_string(), previous);
  return 0;
}
