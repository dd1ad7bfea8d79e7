/* libzvdj version macros. CMake reads the three numbers below (keep the format). */
#ifndef ZVDJ_VERSION_H_
#define ZVDJ_VERSION_H_

#define ZVDJ_VERSION_MAJOR 0
#define ZVDJ_VERSION_MINOR 1
#define ZVDJ_VERSION_PATCH 0

/* major*10000 + minor*100 + patch, as fmt does. */
#define ZVDJ_VERSION_NUMBER \
  (ZVDJ_VERSION_MAJOR * 10000 + ZVDJ_VERSION_MINOR * 100 + ZVDJ_VERSION_PATCH)

/* Raised only when the C ABI breaks; independent of the version. */
#define ZVDJ_ABI_VERSION 0

#endif /* ZVDJ_VERSION_H_ */
