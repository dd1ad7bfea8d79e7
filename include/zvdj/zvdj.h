/* -----------------------------------------------------------------------------
 * File: zvdj.h
 * -----------------------------------------------------------------------------
 * The C API of libzvdj: Zorg voor de Jeugd indicators, trends and cohort
 * outflows, for C, Python (ctypes), R and any language with a C FFI.
 *
 *   #include <stdio.h>
 *   #include "zvdj/zvdj.h"
 *
 *   zvdj_dataset *ds = NULL;
 *   if (zvdj_dataset_read_csv(&ds, "kernindicatoren.csv", NULL) != ZVDJ_OK) {
 *     fprintf(stderr, "%s\n", zvdj_last_error_message());  // "file:line:column: ..."
 *     return 1;
 *   }
 *   size_t rows = 0;
 *   zvdj_dataset_size(&rows, ds);
 *   char period[32];
 *   size_t written = 0;
 *   zvdj_dataset_get_string(period, sizeof period, &written, ds, 0, "period");
 *   zvdj_dataset_destroy(ds);
 *
 * Conventions (the same for every function):
 *
 * - Opaque handles (zvdj_dataset, zvdj_catalogue, ...) are created by a
 *   function that writes `*out` and are owned by the caller, who releases them
 *   with the matching zvdj_<type>_destroy(). Destroying NULL does nothing. A
 *   handle may be read from several threads at once; it must not be modified
 *   while another thread uses it. Functions never keep pointers to caller memory
 *   after they return.
 * - Every function that can fail returns a zvdj_status (ZVDJ_OK == 0). Output
 *   parameters come first; `*out` is written only on success. A NULL handle or
 *   a NULL required pointer is ZVDJ_INVALID_ARGUMENT.
 * - On failure the thread's last error is set: zvdj_last_error_message() then
 *   describes it (errors in input files name "file:line:column"). The message
 *   is owned by the library, must not be freed, and stays valid until the next
 *   failing call on the same thread (successful calls leave it untouched).
 * - Results are copied into caller memory: (buffer, capacity, written).
 *     * Size query: buffer == NULL and capacity == 0 returns ZVDJ_OK and sets
 *       *written to the capacity required.
 *     * Too small: returns ZVDJ_OUT_OF_RANGE, sets *written to the capacity
 *       required, and writes nothing into the buffer.
 *     * Success: *written is the number of elements written.
 *   For strings the unit is bytes INCLUDING the terminating NUL, so a size
 *   query followed by malloc(written) always fits. Text is UTF-8.
 * - Status codes are the absl::StatusCode numbers and are frozen: a code's
 *   number never changes and codes are never reused.
 * - Numbers that are missing are NaN; bulk reads offer a validity mask
 *   (1 = a number is present) as well. Dates are day numbers: days since
 *   1970-01-01 (the epoch of R's Date and of numpy's datetime64[D]).
 * - Options are versioned structs: call zvdj_<name>_options_init(&opts,
 *   ZVDJ_<NAME>_OPTIONS_VERSION) first, then set fields. Passing NULL options
 *   means the defaults. Fields are only ever appended; the version tells the
 *   library which fields the caller knows.
 * - Macros are invisible to ctypes and R, so every constant is also available
 *   at run time through zvdj_constant("ZVDJ_...").
 * - No C++ exception ever crosses this API: failures inside the library become
 *   ZVDJ_RESOURCE_EXHAUSTED (out of memory), ZVDJ_INTERNAL or ZVDJ_UNKNOWN.
 * -------------------------------------------------------------------------- */
#ifndef ZVDJ_ZVDJ_H_
#define ZVDJ_ZVDJ_H_

#include <stddef.h>
#include <stdint.h>

#include "zvdj/version.h"

/* ZVDJ_API marks the exported C functions. The shared library exports them and
 * nothing else. */
#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(ZVDJ_BUILDING_LIBRARY)
#define ZVDJ_API __declspec(dllexport)
#elif defined(ZVDJ_SHARED)
#define ZVDJ_API __declspec(dllimport)
#else
#define ZVDJ_API
#endif
#elif defined(__GNUC__)
#define ZVDJ_API __attribute__((visibility("default")))
#else
#define ZVDJ_API
#endif

/* ZVDJ_DEPRECATED marks functions kept for compatibility; each comment names
 * the replacement. Define ZVDJ_WARN_DEPRECATED before including this header to
 * have the compiler warn about their use. */
#if defined(ZVDJ_WARN_DEPRECATED) && defined(__GNUC__)
#define ZVDJ_DEPRECATED __attribute__((deprecated))
#elif defined(ZVDJ_WARN_DEPRECATED) && defined(_MSC_VER)
#define ZVDJ_DEPRECATED __declspec(deprecated)
#else
#define ZVDJ_DEPRECATED
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ===========================================================================
 * Status codes, errors, versions, constants
 * ======================================================================== */

/* The absl::StatusCode numbers (google.rpc.Code). Frozen. */
typedef enum zvdj_status {
  ZVDJ_OK = 0,
  ZVDJ_CANCELLED = 1,
  ZVDJ_UNKNOWN = 2,
  ZVDJ_INVALID_ARGUMENT = 3, /* bad input: file contents, values, NULL handles */
  ZVDJ_DEADLINE_EXCEEDED = 4,
  ZVDJ_NOT_FOUND = 5, /* missing file, unknown id or row */
  ZVDJ_ALREADY_EXISTS = 6, /* repeated key (e.g. a duplicate observation) */
  ZVDJ_PERMISSION_DENIED = 7,
  ZVDJ_RESOURCE_EXHAUSTED = 8, /* out of memory */
  ZVDJ_FAILED_PRECONDITION = 9, /* the objects are not in a usable state */
  ZVDJ_ABORTED = 10,
  ZVDJ_OUT_OF_RANGE = 11, /* index past the end, or caller buffer too small */
  ZVDJ_UNIMPLEMENTED = 12,
  ZVDJ_INTERNAL = 13, /* a bug in the library (an escaped exception) */
  ZVDJ_UNAVAILABLE = 14,
  ZVDJ_DATA_LOSS = 15, /* a file could not be read or written completely */
  ZVDJ_UNAUTHENTICATED = 16
} zvdj_status;

/** The upper-case name of a status code ("OK", "INVALID_ARGUMENT", ...), or
 *  "UNRECOGNIZED" for other numbers. Static storage: never free it. */
ZVDJ_API const char *zvdj_status_name(int32_t status);

/** The message of the last failing call on this thread ("" if none). Owned by
 *  the library; valid until the next failing call on this thread. */
ZVDJ_API const char *zvdj_last_error_message(void);

/** The status of the last failing call on this thread (ZVDJ_OK if none). */
ZVDJ_API zvdj_status zvdj_last_error_code(void);

/** Forgets this thread's last error. */
ZVDJ_API void zvdj_clear_last_error(void);

/** ZVDJ_VERSION_NUMBER of the library actually loaded (major*10000 +
 *  minor*100 + patch); compare with the header's to detect a mismatch. */
ZVDJ_API int32_t zvdj_version_number(void);

/** "major.minor.patch" of the library loaded. Static storage. */
ZVDJ_API const char *zvdj_version_string(void);

/** ZVDJ_ABI_VERSION of the library loaded (the shared library's SOVERSION). */
ZVDJ_API int32_t zvdj_abi_version(void);

/** Looks up the value of a constant by its macro or enumerator name, e.g.
 *  "ZVDJ_INVALID_ARGUMENT", "ZVDJ_VALUE_PROVISIONAL", "ZVDJ_PERIOD_QUARTER",
 *  "ZVDJ_TREND_OPTIONS_VERSION", "ZVDJ_VERSION_NUMBER". Every constant in this
 *  header is listed.
 *  @param out   receives the value.
 *  @return ZVDJ_OK, or ZVDJ_NOT_FOUND for an unknown name. */
ZVDJ_API zvdj_status zvdj_constant(int64_t *out, const char *name);

/** The i-th constant name (in header order), for bindings that mirror all
 *  constants. Returns ZVDJ_OUT_OF_RANGE past the last one. String buffer
 *  convention as above. */
ZVDJ_API zvdj_status zvdj_constant_name(char *buffer, size_t capacity, size_t *written,
                                        size_t index);

/** The option kinds with named values, comma-separated: "age_basis,feb29,ci,
 *  method,death,denominator,format,record_kind,load_mode,statline_format,
 *  assessment,level". String buffer convention. */
ZVDJ_API zvdj_status zvdj_enum_kinds(char *buffer, size_t capacity, size_t *written);

/** The names of an option kind in value order, comma-separated, as the
 *  command's flags spell them: zvdj_enum_names(..., "ci") gives
 *  "log,log-log,plain". ZVDJ_NOT_FOUND for an unknown kind. */
ZVDJ_API zvdj_status zvdj_enum_names(char *buffer, size_t capacity, size_t *written,
                                     const char *kind);

/** The value of a name of an option kind (the ZVDJ_* constant where zvdj.h
 *  has one; aliases such as "markdown" accepted). ZVDJ_INVALID_ARGUMENT for
 *  an unknown name, ZVDJ_NOT_FOUND for an unknown kind. */
ZVDJ_API zvdj_status zvdj_enum_value(int64_t *out, const char *kind, const char *name);

/* ===========================================================================
 * Dates: day numbers since 1970-01-01
 * ======================================================================== */

/** Parses a strict ISO date "YYYY-MM-DD" (years 1400..9999).
 *  @return ZVDJ_INVALID_ARGUMENT with the reason for anything else. */
ZVDJ_API zvdj_status zvdj_date_parse(int32_t *out_days, const char *iso_date);

/** Writes the ISO date of `days` (11 bytes with the NUL). */
ZVDJ_API zvdj_status zvdj_date_format(char *buffer, size_t capacity, size_t *written,
                                      int32_t days);

/** The day number of year-month-day; ZVDJ_INVALID_ARGUMENT for a day that does
 *  not exist (2019-02-29). */
ZVDJ_API zvdj_status zvdj_date_from_ymd(int32_t *out_days, int32_t year, int32_t month,
                                        int32_t day);

/** Completed years on day `on` for someone born on `birth` (the integer rule;
 *  someone born on 29 February turns a year older on 1 March). */
ZVDJ_API zvdj_status zvdj_age_on(int32_t *out_age, int32_t birth_days, int32_t on_days);

/** Same day of month `months` later (earlier if negative), clamped to the end
 *  of the month: 31 Jan + 1 = 28/29 Feb. */
ZVDJ_API zvdj_status zvdj_add_months(int32_t *out_days, int32_t days, int32_t months);

/* ===========================================================================
 * Periods: CBS codes 2019JJ00, 2019HJ01, 2019KW03, 2019MM05; school years
 * 2018/'19 (also read as 2018/2019, 2018/19); peildatum = ISO date.
 * ======================================================================== */

enum {
  ZVDJ_PERIOD_YEAR = 0,
  ZVDJ_PERIOD_HALF_YEAR = 1,
  ZVDJ_PERIOD_QUARTER = 2,
  ZVDJ_PERIOD_MONTH = 3,
  ZVDJ_PERIOD_SCHOOL_YEAR = 4,
  ZVDJ_PERIOD_PEILDATUM = 5
};

/** Parses `code` and writes its canonical form ("2018/2019" -> "2018/'19",
 *  "2019" -> "2019JJ00"). ZVDJ_INVALID_ARGUMENT with the reason if it is not a
 *  period. Every period function accepts only periods whose days lie in years
 *  1400..9999 (a school year starts in 1400..9998). */
ZVDJ_API zvdj_status zvdj_period_normalize(char *buffer, size_t capacity, size_t *written,
                                           const char *code);

/** The calendar predecessor of `code` (never "the previous row"): 2019KW01 ->
 *  2018KW04; a peildatum's predecessor is the same day a year earlier. */
ZVDJ_API zvdj_status zvdj_period_predecessor(char *buffer, size_t capacity,
                                             size_t *written, const char *code);

/** The calendar successor of `code`. ZVDJ_INVALID_ARGUMENT past 9999 (and for
 *  the predecessor before 1400). */
ZVDJ_API zvdj_status zvdj_period_successor(char *buffer, size_t capacity, size_t *written,
                                           const char *code);

/** Facts about a period. Any output pointer may be NULL.
 *  @param out_kind       ZVDJ_PERIOD_*.
 *  @param out_year       calendar year; the start year of a school year.
 *  @param out_index      half, quarter or month number; 0 otherwise.
 *  @param out_first_day  first day (day number).
 *  @param out_last_day   last day, inclusive (day number). */
ZVDJ_API zvdj_status zvdj_period_info(int32_t *out_kind, int32_t *out_year,
                                      int32_t *out_index, int32_t *out_first_day,
                                      int32_t *out_last_day, const char *code);

/** Writes the code of the period of `kind` with `value` (the year; the start
 *  year of a school year; the day number of a peildatum) and `index` (half,
 *  quarter or month; ignored for other kinds). ZVDJ_INVALID_ARGUMENT for an
 *  index or year out of range (the range of zvdj_period_normalize) or an
 *  unknown kind. */
ZVDJ_API zvdj_status zvdj_period_make(char *buffer, size_t capacity, size_t *written,
                                      int32_t kind, int32_t value, int32_t index);

/** Years between two periods of the same kind (a quarter is 0.25), as used by
 *  growth rates. ZVDJ_INVALID_ARGUMENT when the kinds differ. */
ZVDJ_API zvdj_status zvdj_period_years_between(double *out_years, const char *from,
                                               const char *to);

/** -1, 0 or 1 as `a` sorts before, equal to or after `b` (kind first, then
 *  time). */
ZVDJ_API zvdj_status zvdj_period_compare(int32_t *out, const char *a, const char *b);

/** "year", "half_year", "quarter", "month", "school_year", "peildatum"; NULL
 *  for an unknown kind. Static storage. */
ZVDJ_API const char *zvdj_period_kind_name(int32_t kind);

/* ===========================================================================
 * Numbers: plain and Dutch notation, publication formatting
 * ======================================================================== */

enum {
  ZVDJ_NUMBER_FORMAT_AUTO = 0, /* files: plain for ',' files, Dutch for ';' */
  ZVDJ_NUMBER_FORMAT_PLAIN = 1, /* 4790, 10.1 */
  ZVDJ_NUMBER_FORMAT_DUTCH = 2 /* 4.790, 10,1 */
};

/** Parses the whole of `text` as a finite number (AUTO means PLAIN here).
 *  ZVDJ_INVALID_ARGUMENT with the reason otherwise ("47.90" is not Dutch). */
ZVDJ_API zvdj_status zvdj_parse_number(double *out, const char *text, int32_t format);

/** 4790 -> "4.790", 10.14 (1 decimal) -> "10,1", negative numbers with U+2212. */
ZVDJ_API zvdj_status zvdj_format_dutch(char *buffer, size_t capacity, size_t *written,
                                       double value, int32_t decimals);

/** As zvdj_format_dutch plus "%": "10,1%". */
ZVDJ_API zvdj_status zvdj_format_dutch_percent(char *buffer, size_t capacity,
                                               size_t *written, double value,
                                               int32_t decimals);

/** With an explicit sign: "+77,5", "−0,3", "0,0". */
ZVDJ_API zvdj_status zvdj_format_dutch_signed(char *buffer, size_t capacity,
                                              size_t *written, double value,
                                              int32_t decimals);

/** Shortest plain text that reads back to the same double ("10.1"). */
ZVDJ_API zvdj_status zvdj_format_plain(char *buffer, size_t capacity, size_t *written,
                                       double value);

/** CBS publication rounding of a count to the nearest multiple of 5. */
ZVDJ_API zvdj_status zvdj_round_to_multiple_of_5(int64_t *out, int64_t count);

/* ===========================================================================
 * Datasets: observations keyed by indicator, period, region and breakdown
 * dimensions, each with a value and a CBS status.
 * ======================================================================== */

typedef struct zvdj_dataset zvdj_dataset;

/* CBS status of an observation; the symbol written in the `status` column. */
enum {
  ZVDJ_VALUE_DEFINITIVE = 0, /* ""   */
  ZVDJ_VALUE_PROVISIONAL = 1, /* "*"  */
  ZVDJ_VALUE_REVISED_PROVISIONAL = 2, /* "**" */
  ZVDJ_VALUE_UNKNOWN = 3, /* "."  no value */
  ZVDJ_VALUE_SECRET = 4, /* "x"  no value */
  ZVDJ_VALUE_NIL = 5, /* "-"  the value is zero */
  ZVDJ_VALUE_IMPOSSIBLE = 6 /* empty value and status: cannot occur */
};

#define ZVDJ_READ_OPTIONS_VERSION 1
typedef struct zvdj_read_options {
  uint32_t version; /* ZVDJ_READ_OPTIONS_VERSION */
  int32_t number_format; /* ZVDJ_NUMBER_FORMAT_*; default AUTO */
} zvdj_read_options;

/** Sets `opts` to the defaults for `version`. ZVDJ_INVALID_ARGUMENT for a
 *  version this library does not know (0 or newer than the library). */
ZVDJ_API zvdj_status zvdj_read_options_init(zvdj_read_options *opts, uint32_t version);

/** Creates an empty dataset. *out is owned by the caller
 *  (zvdj_dataset_destroy). */
ZVDJ_API zvdj_status zvdj_dataset_create(zvdj_dataset **out);

/** Releases a dataset. NULL is a no-op. */
ZVDJ_API void zvdj_dataset_destroy(zvdj_dataset *dataset);

/** Copies a dataset. *out is owned by the caller. */
ZVDJ_API zvdj_status zvdj_dataset_clone(zvdj_dataset **out, const zvdj_dataset *dataset);

/** Reads a dataset CSV file (columns indicator, period, region, value, status,
 *  optional note, and any dimension columns). *out is owned by the caller.
 *  @param opts  NULL for the defaults.
 *  @return ZVDJ_NOT_FOUND for a missing file; ZVDJ_INVALID_ARGUMENT with
 *          "path:line:column: reason (column 'name')" for bad contents;
 *          ZVDJ_ALREADY_EXISTS for a repeated key. */
ZVDJ_API zvdj_status zvdj_dataset_read_csv(zvdj_dataset **out, const char *path,
                                           const zvdj_read_options *opts);

/** As zvdj_dataset_read_csv, from `length` bytes of CSV text in memory (not
 *  necessarily NUL-terminated). `source_name` names the text in messages
 *  (NULL: "<memory>"). The text is copied; *out is owned by the caller. */
ZVDJ_API zvdj_status zvdj_dataset_parse_csv(zvdj_dataset **out, const char *text,
                                            size_t length, const char *source_name,
                                            const zvdj_read_options *opts);

/** Builds a dataset from parallel arrays of `rows` elements. All arrays are
 *  read, never kept.
 *  @param indicators  indicator ids (required).
 *  @param regions     region codes; NULL means "NL01" for every row.
 *  @param periods     period codes (required).
 *  @param values      numbers; NaN where the status carries no value.
 *  @param statuses    ZVDJ_VALUE_* per row; NULL means definitive where the
 *                     value is a number and ZVDJ_VALUE_UNKNOWN (".") where it is
 *                     NaN.
 *  @param dim_count   number of dimension columns (may be 0).
 *  @param dim_names   dim_count names.
 *  @param dim_values  rows * dim_count values, row-major (row r, dimension d at
 *                     [r * dim_count + d]); "" or NULL = total.
 *  @return ZVDJ_INVALID_ARGUMENT / ZVDJ_ALREADY_EXISTS naming the row
 *          ("row 3: ..."); nothing is created on failure. */
ZVDJ_API zvdj_status zvdj_dataset_from_arrays(zvdj_dataset **out, size_t rows,
                                              const char *const *indicators,
                                              const char *const *regions,
                                              const char *const *periods,
                                              const double *values,
                                              const int32_t *statuses, size_t dim_count,
                                              const char *const *dim_names,
                                              const char *const *dim_values);

/** As zvdj_dataset_from_arrays, with a note per row (the dataset CSV's `note`
 *  column): `notes` NULL, or a NULL or "" element, is no note. */
ZVDJ_API zvdj_status zvdj_dataset_from_arrays_with_notes(
    zvdj_dataset **out, size_t rows, const char *const *indicators,
    const char *const *regions, const char *const *periods, const double *values,
    const int32_t *statuses, size_t dim_count, const char *const *dim_names,
    const char *const *dim_values, const char *const *notes);

/** Appends one observation. `region` NULL means "NL01"; `value` is ignored
 *  (use NaN) for statuses without a value. Dimensions as in
 *  zvdj_dataset_from_arrays (one row). The dataset is unchanged on failure. */
ZVDJ_API zvdj_status zvdj_dataset_add(zvdj_dataset *dataset, const char *indicator,
                                      const char *region, const char *period,
                                      double value, int32_t status, size_t dim_count,
                                      const char *const *dim_names,
                                      const char *const *dim_values);

/** Appends every row of `source` to `dataset` (which is unchanged on failure,
 *  e.g. ZVDJ_ALREADY_EXISTS for a key present in both). */
ZVDJ_API zvdj_status zvdj_dataset_append(zvdj_dataset *dataset,
                                         const zvdj_dataset *source);

/** Number of rows. */
ZVDJ_API zvdj_status zvdj_dataset_size(size_t *out, const zvdj_dataset *dataset);

/** Number of dimension columns (in order of first appearance). */
ZVDJ_API zvdj_status zvdj_dataset_dimension_count(size_t *out,
                                                  const zvdj_dataset *dataset);

/** Name of dimension column `index`; ZVDJ_OUT_OF_RANGE past the end. */
ZVDJ_API zvdj_status zvdj_dataset_dimension_name(char *buffer, size_t capacity,
                                                 size_t *written,
                                                 const zvdj_dataset *dataset,
                                                 size_t index);

/** A text field of row `row`: `column` is "indicator", "period", "region",
 *  "status" (the symbol: "", "*", "**", ".", "x", "-"), "value" (plain text,
 *  "" when there is none), "note", or a dimension name ("" = total).
 *  ZVDJ_OUT_OF_RANGE for a row past the end; ZVDJ_NOT_FOUND for an unknown
 *  column. */
ZVDJ_API zvdj_status zvdj_dataset_get_string(char *buffer, size_t capacity,
                                             size_t *written, const zvdj_dataset *dataset,
                                             size_t row, const char *column);

/** The value (NaN when the status has none; 0 for ZVDJ_VALUE_NIL) and the
 *  status (ZVDJ_VALUE_*) of row `row`. Either output may be NULL. */
ZVDJ_API zvdj_status zvdj_dataset_get_value(double *out_value, int32_t *out_status,
                                            const zvdj_dataset *dataset, size_t row);

/** All values in row order (NaN where missing). `valid` may be NULL; else it
 *  receives 1 where a number is present, 0 elsewhere (same capacity). Buffer
 *  convention as above (elements). */
ZVDJ_API zvdj_status zvdj_dataset_get_values(double *values, uint8_t *valid,
                                             size_t capacity, size_t *written,
                                             const zvdj_dataset *dataset);

/** All statuses (ZVDJ_VALUE_*) in row order. */
ZVDJ_API zvdj_status zvdj_dataset_get_statuses(int32_t *statuses, size_t capacity,
                                               size_t *written,
                                               const zvdj_dataset *dataset);

#define ZVDJ_QUERY_VERSION 1
/** A row filter; NULL / empty fields match everything. */
typedef struct zvdj_query {
  uint32_t version; /* ZVDJ_QUERY_VERSION */
  const char *indicator; /* NULL or "" = any */
  const char *region; /* NULL or "" = any */
  int32_t period_kind; /* ZVDJ_PERIOD_*, or -1 = any (default) */
  const char *from; /* period code, inclusive; NULL = unbounded */
  const char *to; /* period code, inclusive; NULL = unbounded */
  size_t dim_count; /* dimension conditions; each must match exactly */
  const char *const *dim_names;
  const char *const *dim_values; /* "" matches the total only */
} zvdj_query;

/** Sets `query` to match everything. */
ZVDJ_API zvdj_status zvdj_query_init(zvdj_query *query, uint32_t version);

/** Indices of the rows matching `query` (NULL = all rows), in row order.
 *  Buffer convention as above (elements). */
ZVDJ_API zvdj_status zvdj_dataset_select(size_t *rows, size_t capacity, size_t *written,
                                         const zvdj_dataset *dataset,
                                         const zvdj_query *query);

/** The row with exactly this key (dimensions not given are totals).
 *  @return ZVDJ_NOT_FOUND when there is none. */
ZVDJ_API zvdj_status zvdj_dataset_find(size_t *out_row, const zvdj_dataset *dataset,
                                       const char *indicator, const char *region,
                                       const char *period, size_t dim_count,
                                       const char *const *dim_names,
                                       const char *const *dim_values);

/** Writes the dataset as CSV (indicator, period, region, dimensions, value,
 *  status[, note]; full-precision plain numbers) to `path`.
 *  @return ZVDJ_NOT_FOUND / ZVDJ_PERMISSION_DENIED / ZVDJ_DATA_LOSS when the
 *          file cannot be created or written ("cannot write PATH: reason"). The
 *          text goes to a temporary file renamed onto `path` when complete: a
 *          failed write leaves a previous file as it was. */
ZVDJ_API zvdj_status zvdj_dataset_write_csv(const zvdj_dataset *dataset,
                                            const char *path);

/** The same CSV text into a caller buffer (string convention). */
ZVDJ_API zvdj_status zvdj_dataset_to_csv(char *buffer, size_t capacity, size_t *written,
                                         const zvdj_dataset *dataset);

/* ===========================================================================
 * Indicator catalogue
 * ======================================================================== */

typedef struct zvdj_catalogue zvdj_catalogue;

enum { ZVDJ_UNIT_COUNT = 0, ZVDJ_UNIT_PERCENTAGE = 1 };
enum {
  ZVDJ_COUNTING_UNIT_PERSONS = 0,
  ZVDJ_COUNTING_UNIT_TRAJECTORIES = 1,
  ZVDJ_COUNTING_UNIT_MEASURES = 2,
  ZVDJ_COUNTING_UNIT_EMPLOYEES = 3,
  ZVDJ_COUNTING_UNIT_CLIENTS = 4
};
enum { ZVDJ_DIRECTION_DOWN = 0, ZVDJ_DIRECTION_UP = 1, ZVDJ_DIRECTION_NONE = 2 };

/** A copy of the built-in catalogue (the kernindicatoren). *out is owned by
 *  the caller (zvdj_catalogue_destroy) and may be extended. */
ZVDJ_API zvdj_status zvdj_catalogue_builtin(zvdj_catalogue **out);

/** An empty catalogue. *out is owned by the caller. */
ZVDJ_API zvdj_status zvdj_catalogue_create(zvdj_catalogue **out);

/** Releases a catalogue. NULL is a no-op. */
ZVDJ_API void zvdj_catalogue_destroy(zvdj_catalogue *catalogue);

/** Adds (or replaces) the definitions of a catalogue CSV file (columns id,
 *  name_nl, name_en, unit, counting_unit, period_kind, direction, source,
 *  overrides). Errors name "path:line:column". */
ZVDJ_API zvdj_status zvdj_catalogue_load_csv(zvdj_catalogue *catalogue, const char *path);

/** As zvdj_catalogue_load_csv, from `length` bytes of text. */
ZVDJ_API zvdj_status zvdj_catalogue_parse_csv(zvdj_catalogue *catalogue, const char *text,
                                              size_t length, const char *source_name);

/** Number of indicator definitions. */
ZVDJ_API zvdj_status zvdj_catalogue_size(size_t *out, const zvdj_catalogue *catalogue);

/** The id of definition `index`; ZVDJ_OUT_OF_RANGE past the end. */
ZVDJ_API zvdj_status zvdj_catalogue_id(char *buffer, size_t capacity, size_t *written,
                                       const zvdj_catalogue *catalogue, size_t index);

/** A text field of indicator `id`: "id", "name_nl", "name_en", "unit",
 *  "counting_unit", "period_kind", "direction", "source", "overrides"
 *  ("age_group=18-23:up;..."). ZVDJ_NOT_FOUND for an unknown id;
 *  ZVDJ_INVALID_ARGUMENT for an unknown field. */
ZVDJ_API zvdj_status zvdj_catalogue_get_string(char *buffer, size_t capacity,
                                               size_t *written,
                                               const zvdj_catalogue *catalogue,
                                               const char *id, const char *field);

/** The coded fields of indicator `id` (any output may be NULL):
 *  ZVDJ_UNIT_*, ZVDJ_COUNTING_UNIT_*, ZVDJ_PERIOD_*, ZVDJ_DIRECTION_*.
 *  ZVDJ_NOT_FOUND for an unknown id. */
ZVDJ_API zvdj_status zvdj_catalogue_info(int32_t *out_unit, int32_t *out_counting_unit,
                                         int32_t *out_period_kind, int32_t *out_direction,
                                         const zvdj_catalogue *catalogue, const char *id);

/** The desired direction (ZVDJ_DIRECTION_*) of a series: the first override
 *  matching one of its dimension values, else the indicator's direction;
 *  ZVDJ_DIRECTION_NONE for an unknown id. */
ZVDJ_API zvdj_status zvdj_catalogue_direction_for(int32_t *out,
                                                  const zvdj_catalogue *catalogue,
                                                  const char *id, size_t dim_count,
                                                  const char *const *dim_names,
                                                  const char *const *dim_values);

/** Writes the catalogue as CSV (the format zvdj_catalogue_load_csv reads). */
ZVDJ_API zvdj_status zvdj_catalogue_to_csv(char *buffer, size_t capacity, size_t *written,
                                           const zvdj_catalogue *catalogue);

/* ===========================================================================
 * Series-break register
 * ======================================================================== */

typedef struct zvdj_breaks zvdj_breaks;

/** An empty register. *out is owned by the caller (zvdj_breaks_destroy). */
ZVDJ_API zvdj_status zvdj_breaks_create(zvdj_breaks **out);

/** Releases a register. NULL is a no-op. */
ZVDJ_API void zvdj_breaks_destroy(zvdj_breaks *breaks);

/** Adds the breaks of a CSV file (indicator, before, after, reason, source,
 *  optional region and dimension columns). Errors name "path:line:column". */
ZVDJ_API zvdj_status zvdj_breaks_load_csv(zvdj_breaks *breaks, const char *path);

/** As zvdj_breaks_load_csv, from `length` bytes of text. */
ZVDJ_API zvdj_status zvdj_breaks_parse_csv(zvdj_breaks *breaks, const char *text,
                                           size_t length, const char *source_name);

/** Adds one break between periods `before` (last of the old series) and
 *  `after` (first of the new). `region` NULL/"" = every region; dimensions are
 *  conditions (none = every breakdown). `reason` and `source` may be NULL. */
ZVDJ_API zvdj_status zvdj_breaks_add(zvdj_breaks *breaks, const char *indicator,
                                     const char *region, const char *before,
                                     const char *after, const char *reason,
                                     const char *source, size_t dim_count,
                                     const char *const *dim_names,
                                     const char *const *dim_values);

/** Number of breaks. */
ZVDJ_API zvdj_status zvdj_breaks_size(size_t *out, const zvdj_breaks *breaks);

/** A text field of break `index`: "indicator", "region", "before", "after",
 *  "reason", "source", "dims" ("form=pleegzorg;..."). */
ZVDJ_API zvdj_status zvdj_breaks_get_string(char *buffer, size_t capacity,
                                            size_t *written, const zvdj_breaks *breaks,
                                            size_t index, const char *field);

/** Whether a break separates periods `from` and `to` of a series.
 *  @param out_index  the index of the first blocking break, or -1. */
ZVDJ_API zvdj_status zvdj_breaks_blocking(int64_t *out_index, const zvdj_breaks *breaks,
                                          const char *indicator, const char *region,
                                          const char *from, const char *to,
                                          size_t dim_count, const char *const *dim_names,
                                          const char *const *dim_values);

/** The register as CSV text. */
ZVDJ_API zvdj_status zvdj_breaks_to_csv(char *buffer, size_t capacity, size_t *written,
                                        const zvdj_breaks *breaks);

/* ===========================================================================
 * Person-level records (jeugdhulp, jeugdbescherming, verzuim, vervolgzorg,
 * persons). Values are the texts of the CSV formats: dates "YYYY-MM-DD"
 * (NULL or "" = empty), municipalities "GM0363", forms "pleegzorg", ...
 * ======================================================================== */

typedef struct zvdj_records zvdj_records;

/** An empty record store. *out is owned by the caller (zvdj_records_destroy). */
ZVDJ_API zvdj_status zvdj_records_create(zvdj_records **out);

/** Releases a record store. NULL is a no-op. */
ZVDJ_API void zvdj_records_destroy(zvdj_records *records);

/** Appends `rows` jeugdhulp trajectories from parallel arrays (all required
 *  except `end_dates` and `end_reasons`, which may be NULL = empty). The rows
 *  are validated as the CSV loaders do (codes, dates, end after start, birth
 *  before start, one birth date per person, end_reason only with an
 *  end_date). All or nothing: on failure ("jeugdhulp[3]: reason (field
 *  'start_date')", the 0-based row) the store is left as it was. */
ZVDJ_API zvdj_status zvdj_records_add_jeugdhulp(
    zvdj_records *records, size_t rows, const char *const *person_ids,
    const char *const *birth_dates, const char *const *municipalities,
    const char *const *providers, const char *const *forms,
    const char *const *start_dates, const char *const *end_dates,
    const char *const *end_reasons);

/** Appends child-protection measures (`end_dates` may be NULL). Validation
 *  and all-or-nothing as zvdj_records_add_jeugdhulp. */
ZVDJ_API zvdj_status zvdj_records_add_jeugdbescherming(
    zvdj_records *records, size_t rows, const char *const *person_ids,
    const char *const *birth_dates, const char *const *municipalities,
    const char *const *measures, const char *const *start_dates,
    const char *const *end_dates);

/** Appends school-absence episodes (`kinds`: relatief, absoluut,
 *  vrijstelling_5a; `end_dates` may be NULL). */
ZVDJ_API zvdj_status zvdj_records_add_verzuim(
    zvdj_records *records, size_t rows, const char *const *person_ids,
    const char *const *birth_dates, const char *const *municipalities,
    const char *const *kinds, const char *const *start_dates,
    const char *const *end_dates);

/** Appends follow-up care episodes (`kinds`: zvw_ggz, wmo, wlz; `end_dates`
 *  may be NULL). */
ZVDJ_API zvdj_status zvdj_records_add_vervolgzorg(zvdj_records *records, size_t rows,
                                                  const char *const *person_ids,
                                                  const char *const *kinds,
                                                  const char *const *start_dates,
                                                  const char *const *end_dates);

/** Adds persons (`birth_dates`, `exit_dates`, `exit_reasons` may each be
 *  NULL; exit reasons: emigratie, overlijden; an exit date needs a reason). A
 *  person listed twice is an error. Load persons before the other tables so
 *  that their birth dates are the reference. */
ZVDJ_API zvdj_status zvdj_records_add_persons(zvdj_records *records, size_t rows,
                                              const char *const *person_ids,
                                              const char *const *birth_dates,
                                              const char *const *exit_dates,
                                              const char *const *exit_reasons);

/** Number of rows of `table`: "persons", "providers", "jeugdhulp",
 *  "jeugdbescherming", "verzuim", "vervolgzorg". ZVDJ_NOT_FOUND otherwise. */
ZVDJ_API zvdj_status zvdj_records_count(size_t *out, const zvdj_records *records,
                                        const char *table);

/* ===========================================================================
 * Table results (older handles): zvdj_trend_result, zvdj_load_report,
 * zvdj_cohort_result
 *
 * Deprecated: every result is a zvdj_table (see "Tables" below); these
 * handles are that table under another name and their functions do what the
 * zvdj_table functions of the same suffix do. `_table` gives the handle's
 * table as a new zvdj_table. Each table type has these functions, shown here
 * for zvdj_trend_result:
 *
 *   _destroy(h)                       releases the result; NULL is a no-op.
 *   _table(&t, h)                     a copy of the table as a new zvdj_table
 *                                     (release with zvdj_table_destroy).
 *   _rows(&n, h)                      number of rows.
 *   _column_count(&n, h)              number of columns.
 *   _column_name(buf, cap, &w, h, i)  name of column i (ZVDJ_OUT_OF_RANGE past
 *                                     the end).
 *   _column_is_numeric(&flag, h, c)   1 for a numeric column, 0 for text;
 *                                     ZVDJ_NOT_FOUND for an unknown column.
 *   _get_numbers(values, valid, cap, &w, h, c)
 *                                     every row of numeric column c (array
 *                                     convention; `valid` may be NULL).
 *                                     ZVDJ_INVALID_ARGUMENT for a text column.
 *   _get_string(buf, cap, &w, h, row, c)
 *                                     one cell of any column as text (numbers in
 *                                     the shortest plain form; "" = missing).
 *   _to_csv(buf, cap, &w, h)          the whole table as CSV text.
 * ======================================================================== */

typedef struct zvdj_table zvdj_table;
typedef struct zvdj_trend_result zvdj_trend_result;
typedef struct zvdj_load_report zvdj_load_report;
typedef struct zvdj_cohort_result zvdj_cohort_result;

/* zvdj_trend_result: the table functions described above. */
ZVDJ_API void zvdj_trend_result_destroy(zvdj_trend_result *result);
ZVDJ_API zvdj_status zvdj_trend_result_table(zvdj_table **out, const zvdj_trend_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_rows(size_t *out, const zvdj_trend_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_column_count(size_t *out,
                                                    const zvdj_trend_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_column_name(char *buffer, size_t capacity,
                                                   size_t *written,
                                                   const zvdj_trend_result *result,
                                                   size_t index);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_column_is_numeric(int32_t *out,
                                                         const zvdj_trend_result *result,
                                                         const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_get_numbers(double *values, uint8_t *valid,
                                                   size_t capacity, size_t *written,
                                                   const zvdj_trend_result *result,
                                                   const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_get_string(char *buffer, size_t capacity,
                                                  size_t *written,
                                                  const zvdj_trend_result *result,
                                                  size_t row, const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trend_result_to_csv(char *buffer, size_t capacity,
                                              size_t *written,
                                              const zvdj_trend_result *result);

/* zvdj_load_report: the table functions described above. */
ZVDJ_API void zvdj_load_report_destroy(zvdj_load_report *result);
ZVDJ_API zvdj_status zvdj_load_report_table(zvdj_table **out, const zvdj_load_report *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_rows(size_t *out, const zvdj_load_report *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_column_count(size_t *out,
                                                   const zvdj_load_report *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_column_name(char *buffer, size_t capacity,
                                                  size_t *written,
                                                  const zvdj_load_report *result,
                                                  size_t index);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_column_is_numeric(int32_t *out,
                                                        const zvdj_load_report *result,
                                                        const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_get_numbers(double *values, uint8_t *valid,
                                                  size_t capacity, size_t *written,
                                                  const zvdj_load_report *result,
                                                  const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_get_string(char *buffer, size_t capacity,
                                                 size_t *written,
                                                 const zvdj_load_report *result, size_t row,
                                                 const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_load_report_to_csv(char *buffer, size_t capacity, size_t *written,
                                             const zvdj_load_report *result);

/* zvdj_cohort_result: the table functions described above. */
ZVDJ_API void zvdj_cohort_result_destroy(zvdj_cohort_result *result);
ZVDJ_API zvdj_status zvdj_cohort_result_table(zvdj_table **out, const zvdj_cohort_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_rows(size_t *out, const zvdj_cohort_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_column_count(size_t *out,
                                                     const zvdj_cohort_result *result);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_column_name(char *buffer, size_t capacity,
                                                    size_t *written,
                                                    const zvdj_cohort_result *result,
                                                    size_t index);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_column_is_numeric(int32_t *out,
                                                          const zvdj_cohort_result *result,
                                                          const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_get_numbers(double *values, uint8_t *valid,
                                                    size_t capacity, size_t *written,
                                                    const zvdj_cohort_result *result,
                                                    const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_get_string(char *buffer, size_t capacity,
                                                   size_t *written,
                                                   const zvdj_cohort_result *result,
                                                   size_t row, const char *column);
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_to_csv(char *buffer, size_t capacity,
                                               size_t *written,
                                               const zvdj_cohort_result *result);

/* ===========================================================================
 * Trends and assessments
 * ======================================================================== */

enum {
  ZVDJ_ASSESSMENT_CAGR = 0, /* Eurostat / Open SDG CAGR rule (default) */
  ZVDJ_ASSESSMENT_TOLERANCE = 1, /* improvement / no_change / worsening */
  ZVDJ_ASSESSMENT_NONE = 2 /* no assessment */
};

#define ZVDJ_TREND_OPTIONS_VERSION 1
typedef struct zvdj_trend_options {
  uint32_t version; /* ZVDJ_TREND_OPTIONS_VERSION */
  const char *from; /* first period (inclusive); NULL = all */
  const char *to; /* last period (inclusive); NULL = all */
  const char *base; /* base period of the index (= 100); NULL = first in range */
  int32_t rule; /* ZVDJ_ASSESSMENT_*; default CAGR */
  double cagr_on_track_pct; /* CAGR rule: on track at >= this % a year (1.5) */
  double cagr_acceleration_pct; /* acceleration needed at >= this % (0.5) */
  double cagr_scale; /* thresholds x scale, in (0, 1] (1.0) */
  double tolerance; /* tolerance rule: +-% for counts, +-pp for percentages (1.0) */
} zvdj_trend_options;

/** Sets `opts` to the defaults (the values in the comments above). */
ZVDJ_API zvdj_status zvdj_trend_options_init(zvdj_trend_options *opts, uint32_t version);

/** Year-over-year trend rows: one row per series and period, each compared
 *  with its calendar predecessor; no change across a registered break or a
 *  missing period (the `note` column says why). Columns: indicator, region,
 *  <dimension columns>, period, value, status, prev_period, abs_change,
 *  rel_change_pct, pp_change (percentages only), prev_value, prev_status,
 *  index, unit, direction, flags, note; _to_csv writes exactly the CSV of
 *  `zvdj trends --format csv`.
 *  @param catalogue  NULL = the built-in catalogue.
 *  @param breaks     NULL = no breaks.
 *  @param opts       NULL = defaults.
 *  *out is owned by the caller (zvdj_trend_result_destroy). */
/* Deprecated: use zvdj_trends_compute_table. */
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trends_compute(zvdj_trend_result **out,
                                         const zvdj_dataset *dataset,
                                         const zvdj_catalogue *catalogue,
                                         const zvdj_breaks *breaks,
                                         const zvdj_trend_options *opts);

/** One summary per series (first and last period with a number, changes,
 *  CAGR, Theil-Sen slope, Mann-Kendall test) with the assessment of the
 *  chosen rule against the desired direction. Columns: indicator, region,
 *  <dimension columns>, first_period, last_period, first_value, last_value,
 *  abs_change, rel_change_pct, pp_change, cagr_pct, assessment, n_periods,
 *  years, theil_sen_slope, mk_s, mk_tau, mk_p, mk_method, unit, direction,
 *  assessment_text, flags, note (as `zvdj trends --summary --format csv`).
 *  Arguments and ownership as zvdj_trends_compute. */
/* Deprecated: use zvdj_trends_summarize_table. */
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_trends_summarize(zvdj_trend_result **out,
                                           const zvdj_dataset *dataset,
                                           const zvdj_catalogue *catalogue,
                                           const zvdj_breaks *breaks,
                                           const zvdj_trend_options *opts);

/** zvdj_trends_compute and zvdj_trends_summarize with the result as a
 *  zvdj_table (the same columns); these replace the zvdj_trend_result forms.
 *  n_periods and mk_s are ZVDJ_COLUMN_INTEGER columns. *out is owned by the
 *  caller (zvdj_table_destroy). */
ZVDJ_API zvdj_status zvdj_trends_compute_table(zvdj_table **out, const zvdj_dataset *dataset,
                                               const zvdj_catalogue *catalogue,
                                               const zvdj_breaks *breaks,
                                               const zvdj_trend_options *opts);
ZVDJ_API zvdj_status zvdj_trends_summarize_table(zvdj_table **out,
                                                 const zvdj_dataset *dataset,
                                                 const zvdj_catalogue *catalogue,
                                                 const zvdj_breaks *breaks,
                                                 const zvdj_trend_options *opts);

/* ===========================================================================
 * Loading person-level record files
 * ======================================================================== */

enum {
  ZVDJ_LOAD_STRICT = 0, /* the first bad row is an error */
  ZVDJ_LOAD_LENIENT = 1 /* bad rows are skipped and listed in the report */
};

/* Version 2 added `threads`; version 1 structs are still accepted. */
#define ZVDJ_LOAD_OPTIONS_VERSION 2
typedef struct zvdj_load_options {
  uint32_t version; /* ZVDJ_LOAD_OPTIONS_VERSION */
  int32_t mode; /* ZVDJ_LOAD_*; default STRICT */
  int32_t threads; /* (v2) threads reading a file: 2 (default); 0 = one per core */
} zvdj_load_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_load_options_init(zvdj_load_options *opts, uint32_t version);

/** Loads one record file into the store. `table` is "jeugdhulp",
 *  "jeugdbescherming", "verzuim", "vervolgzorg" or "persons" (the file formats
 *  of the README). Strict mode: a bad row is ZVDJ_INVALID_ARGUMENT with
 *  "path:line:column: reason (column 'name')" and the store is left as it
 *  was. Lenient mode: bad rows are skipped and listed in the report.
 *  @param report  NULL, or receives a report owned by the caller
 *                 (zvdj_load_report_destroy): one row per skipped row, the
 *                 first LoadOptions::max_skipped_examples (1,000) of them, with
 *                 columns file, line, column, reason; zvdj_load_report_counts
 *                 gives the full count.
 *  @param opts    NULL = strict. */
ZVDJ_API zvdj_status zvdj_records_load_csv(zvdj_load_report **report,
                                           zvdj_records *records, const char *table,
                                           const char *path,
                                           const zvdj_load_options *opts);

/** As zvdj_records_load_csv, from `length` bytes of CSV text. */
ZVDJ_API zvdj_status zvdj_records_parse_csv(zvdj_load_report **report,
                                            zvdj_records *records, const char *table,
                                            const char *text, size_t length,
                                            const char *source_name,
                                            const zvdj_load_options *opts);

/** Loads persons (first, so its birth dates are the reference), jeugdhulp,
 *  jeugdbescherming, verzuim and vervolgzorg files; NULL or "" paths are
 *  skipped. One report for all. Otherwise as zvdj_records_load_csv. */
ZVDJ_API zvdj_status zvdj_records_load_files(
    zvdj_load_report **report, zvdj_records *records, const char *jeugdhulp,
    const char *jeugdbescherming, const char *verzuim, const char *vervolgzorg,
    const char *persons, const zvdj_load_options *opts);

/** Row counts of a report: data rows read, rows loaded, rows skipped (any
 *  output may be NULL). */
ZVDJ_API zvdj_status zvdj_load_report_counts(size_t *out_input_rows,
                                             size_t *out_loaded_rows,
                                             size_t *out_skipped_rows,
                                             const zvdj_load_report *report);

/* ===========================================================================
 * Indicators from person-level records
 * ======================================================================== */

enum {
  ZVDJ_AGE_BASIS_PERIOD_END = 0, /* age on the last day of the period (default) */
  ZVDJ_AGE_BASIS_PERIOD_START = 1,
  ZVDJ_AGE_BASIS_RECORD_START = 2
};
enum {
  ZVDJ_LEVEL_GEMEENTE = 1,
  ZVDJ_LEVEL_JEUGDREGIO = 2,
  ZVDJ_LEVEL_PROVINCIE = 4,
  ZVDJ_LEVEL_LAND = 8
};

enum {
  ZVDJ_ATTRIBUTION_CBS = 0, /* every municipality with a record in the period; regions
                               count each person once (default) */
  ZVDJ_ATTRIBUTION_LATEST = 1 /* one municipality per person: the latest record's */
};

/* Version 2 appended `attribution` and `threads`; version 1 structs are still
 * accepted (and get the defaults of both). */
#define ZVDJ_COMPUTE_OPTIONS_VERSION 2
typedef struct zvdj_compute_options {
  uint32_t version; /* ZVDJ_COMPUTE_OPTIONS_VERSION */
  int32_t from_year; /* 0 = from the records; school years: those ending in it */
  int32_t to_year; /* 0 = from the records */
  int32_t round5; /* 1 = round counts to multiples of 5 (default 0) */
  int64_t suppress_below; /* counts 0 < c < this get status "." (10; 0 = off) */
  int32_t age_basis; /* ZVDJ_AGE_BASIS_*; default PERIOD_END */
  int32_t merge_trajectories; /* merge overlapping same form+provider (1) */
  int32_t vots_counts_as_ots; /* voorlopige OTS counts as OTS (0) */
  int32_t levels; /* ZVDJ_LEVEL_* bit set; 0 = all (default) */
  int32_t classification_year; /* herindeling/regions year; 0 = to_year */
  const char *regions_path; /* regions.csv; NULL = gemeente and NL01 only */
  const char *herindeling_path; /* herindeling.csv; NULL = none */
  /* version 2 */
  int32_t attribution; /* ZVDJ_ATTRIBUTION_*; default CBS */
  int32_t threads; /* threads of the jeugdhulp pass: 2 (default); 0 = one per core */
} zvdj_compute_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_compute_options_init(zvdj_compute_options *opts,
                                               uint32_t version);

/** Computes the kernindicatoren from the records into a new dataset (the
 *  dataset format of `zvdj compute`, ready for zvdj_trends_compute). *out is
 *  owned by the caller (zvdj_dataset_destroy).
 *  @return ZVDJ_INVALID_ARGUMENT for bad options or an empty store; errors in
 *          the regions or herindeling file name "path:line:column". */
ZVDJ_API zvdj_status zvdj_compute(zvdj_dataset **out, const zvdj_records *records,
                                  const zvdj_compute_options *opts);

/* ===========================================================================
 * Cohort outflow (18th-birthday cohort)
 * ======================================================================== */

enum {
  ZVDJ_DENOMINATOR_ALL = 0, /* every cohort member (default) */
  ZVDJ_DENOMINATOR_ZONDER_VERLENGDE = 1 /* members without jeugdhulp on the birthday */
};

#define ZVDJ_COHORT_OPTIONS_VERSION 1
typedef struct zvdj_cohort_options {
  uint32_t version; /* ZVDJ_COHORT_OPTIONS_VERSION */
  int32_t year_of_18; /* first year in which the members turn 18 (required) */
  int32_t year_of_18_last; /* last such year; 0 = year_of_18 */
  const char *horizons; /* "1m,3m,6m" (default), "30d", ... */
  const char *cutoff; /* ISO date, last observed day; NULL = latest date in data */
  const char *methods; /* "aj" (default), "km", "naive", "aj,km", "all" */
  const char *ci; /* "log" (default), "log-log", "plain" */
  double ci_level; /* 0.95 */
  int32_t death_as_censoring; /* 0 = death is a competing event (default) */
  int32_t denominator; /* ZVDJ_DENOMINATOR_* */
  int32_t by_municipality; /* 1 = groups per year x municipality (default 0) */
  int32_t window_months; /* jeugdhulp window before the birthday (3) */
} zvdj_cohort_options;

/** Sets `opts` to the defaults; year_of_18 is 0 and must be set. */
ZVDJ_API zvdj_status zvdj_cohort_options_init(zvdj_cohort_options *opts, uint32_t version);

/** Estimates the outflow of the 18th-birthday cohort into verlengde jeugdhulp
 *  and vervolgzorg (zvw_ggz, wmo, wlz, vervolgzorg_any) within each horizon.
 *  One row per cohort group x outcome x horizon x method with columns
 *  year_of_18, region, outcome, horizon, n_cohort, n_at_risk, n_events,
 *  estimate (a proportion), std_err, ci_low, ci_high, method, denominator,
 *  note (as `zvdj cohort --format csv`). *out is owned by the caller
 *  (zvdj_cohort_result_destroy). */
/* Deprecated: use zvdj_cohort_estimate_table. */
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_estimate(zvdj_cohort_result **out,
                                          const zvdj_records *records,
                                          const zvdj_cohort_options *opts);

/** zvdj_cohort_estimate with the result as a zvdj_table (the same columns;
 *  counts and years as ZVDJ_COLUMN_INTEGER); zvdj_table_to_dataset converts
 *  it like zvdj_cohort_result_to_dataset. *out: zvdj_table_destroy. */
ZVDJ_API zvdj_status zvdj_cohort_estimate_table(zvdj_table **out, const zvdj_records *records,
                                                const zvdj_cohort_options *opts);

/** The estimates as a dataset (indicator vervolgzorg_pct, value = estimate x
 *  100, dimensions outcome and horizon), for zvdj_trends_compute. *out is
 *  owned by the caller (zvdj_dataset_destroy). */
/* Deprecated: use zvdj_cohort_estimate_table and zvdj_table_to_dataset. */
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_result_to_dataset(zvdj_dataset **out,
                                                   const zvdj_cohort_result *result);

/* ===========================================================================
 * General tables: zvdj_table
 *
 * The results added after the first C API release (survival curves, state
 * distributions, closure rows, StatLine and generator reports, factsheet
 * file lists) share one table type with the eight table functions described
 * under "Table results" (zvdj_table_destroy, _rows, _column_count,
 * _column_name, _column_is_numeric, _get_numbers, _get_string, _to_csv).
 * ======================================================================== */


/* zvdj_table: the table functions described above. */
ZVDJ_API void zvdj_table_destroy(zvdj_table *result);
ZVDJ_API zvdj_status zvdj_table_rows(size_t *out, const zvdj_table *result);
ZVDJ_API zvdj_status zvdj_table_column_count(size_t *out, const zvdj_table *result);
ZVDJ_API zvdj_status zvdj_table_column_name(char *buffer, size_t capacity, size_t *written,
                                            const zvdj_table *result, size_t index);
ZVDJ_API zvdj_status zvdj_table_column_is_numeric(int32_t *out, const zvdj_table *result,
                                                  const char *column);
ZVDJ_API zvdj_status zvdj_table_get_numbers(double *values, uint8_t *valid,
                                            size_t capacity, size_t *written,
                                            const zvdj_table *result, const char *column);
ZVDJ_API zvdj_status zvdj_table_get_string(char *buffer, size_t capacity, size_t *written,
                                           const zvdj_table *result, size_t row,
                                           const char *column);
ZVDJ_API zvdj_status zvdj_table_to_csv(char *buffer, size_t capacity, size_t *written,
                                       const zvdj_table *result);

/* The kind of a column's values: text, numbers (missing = NaN) or integer
 * counts (numbers that bindings may return as integers). */
enum {
  ZVDJ_COLUMN_TEXT = 0,
  ZVDJ_COLUMN_NUMBER = 1,
  ZVDJ_COLUMN_INTEGER = 2
};

/** The kind of `column` (ZVDJ_COLUMN_*); ZVDJ_NOT_FOUND for an unknown one. */
ZVDJ_API zvdj_status zvdj_table_column_kind(int32_t *out, const zvdj_table *result,
                                            const char *column);

/** Every row of a ZVDJ_COLUMN_INTEGER column (array convention; `valid` may
 *  be NULL; a missing value is 0 with valid 0). ZVDJ_INVALID_ARGUMENT for
 *  other columns. */
ZVDJ_API zvdj_status zvdj_table_get_integers(int64_t *values, uint8_t *valid,
                                             size_t capacity, size_t *written,
                                             const zvdj_table *result, const char *column);

/** Every cell of `column` in one call: the cells as text (numbers as in
 *  _get_string), each followed by a NUL, one after another in `buffer`;
 *  *written is the total bytes. `offsets` (may be NULL) receives the start of
 *  each row's cell in `buffer`: `offsets_capacity` must be at least the row
 *  count. Size query: buffer NULL and capacity 0. */
ZVDJ_API zvdj_status zvdj_table_get_texts(char *buffer, size_t capacity, size_t *written,
                                          size_t *offsets, size_t offsets_capacity,
                                          const zvdj_table *result, const char *column);

/** The table in `format`: "csv", "json", "md" or "table" (names of
 *  zvdj_enum_names("format")); `width` is the widest line of "table" in
 *  terminal columns (0 = no limit). String buffer convention. */
ZVDJ_API zvdj_status zvdj_table_format(char *buffer, size_t capacity, size_t *written,
                                       const zvdj_table *result, const char *format,
                                       size_t width);

/** The rows of a cohort result (zvdj_cohort_estimate_table,
 *  zvdj_cohort_outflow_table) as dataset observations, as
 *  zvdj_cohort_result_to_dataset. ZVDJ_FAILED_PRECONDITION for other tables.
 *  *out: zvdj_dataset_destroy. */
ZVDJ_API zvdj_status zvdj_table_to_dataset(zvdj_dataset **out, const zvdj_table *result);

/* ===========================================================================
 * Survival estimators on plain arrays (Kaplan–Meier, Aalen–Johansen)
 *
 * status 0 is censored, k >= 1 an event of type k; times are finite and >= 0
 * (days or any other unit). Conventions of R's survival::survfit: events
 * before censorings at tied times, right-continuous evaluation, Greenwood
 * standard error for Kaplan–Meier, infinitesimal-jackknife standard error for
 * the Aalen–Johansen cumulative incidence.
 * ======================================================================== */

typedef struct zvdj_survival_fit zvdj_survival_fit;

enum {
  ZVDJ_CI_LOG = 0, /* exp(log p -/+ z se/p): R's default */
  ZVDJ_CI_LOG_LOG = 1, /* exp(-exp(log(-log p) -/+ z se/(p log p))) */
  ZVDJ_CI_PLAIN = 2 /* p -/+ z se */
};

enum {
  ZVDJ_SURVIVAL_ALL_CAUSE = 0, /* Kaplan–Meier S(t), any event type ends survival */
  ZVDJ_SURVIVAL_CUMULATIVE_INCIDENCE = 1, /* Aalen–Johansen CIF of event_type */
  ZVDJ_SURVIVAL_TYPE_KAPLAN_MEIER = 2 /* KM of event_type, other types censored */
};

#define ZVDJ_SURVIVAL_OPTIONS_VERSION 1
typedef struct zvdj_survival_options {
  uint32_t version; /* ZVDJ_SURVIVAL_OPTIONS_VERSION */
  int32_t ci; /* ZVDJ_CI_*; default LOG */
  double ci_level; /* confidence level in (0, 1); 0.95 */
} zvdj_survival_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_survival_options_init(zvdj_survival_options *opts,
                                                uint32_t version);

/** Fits the event table of `n` subjects (times[i], statuses[i]); the arrays
 *  are copied. *out is owned by the caller (zvdj_survival_fit_destroy).
 *  @return ZVDJ_INVALID_ARGUMENT for a negative or non-finite time or a
 *          negative status (the message names the subject). */
ZVDJ_API zvdj_status zvdj_survival_fit_create(zvdj_survival_fit **out, size_t n,
                                              const double *times,
                                              const int32_t *statuses);

/** Releases a fit. NULL is a no-op. */
ZVDJ_API void zvdj_survival_fit_destroy(zvdj_survival_fit *fit);

/** Facts about a fit (any output may be NULL): the highest event type, the
 *  number of subjects and of distinct times. */
ZVDJ_API zvdj_status zvdj_survival_fit_info(int32_t *out_event_types,
                                            int64_t *out_subjects,
                                            size_t *out_distinct_times,
                                            const zvdj_survival_fit *fit);

/** The distinct times in ascending order (array convention). */
ZVDJ_API zvdj_status zvdj_survival_fit_times(double *times, size_t capacity,
                                             size_t *written,
                                             const zvdj_survival_fit *fit);

/** Evaluates an estimate (ZVDJ_SURVIVAL_*) at `count` times `at` (any order;
 *  NULL / 0 = every distinct time, i.e. the whole step curve). `event_type`
 *  (>= 1) is used by CUMULATIVE_INCIDENCE and TYPE_KAPLAN_MEIER only. One row
 *  per time with columns time, estimate, std_err, ci_low, ci_high (NaN where
 *  the transform is undefined, as R's NA), n_at_risk, n_events,
 *  n_censored_before. *out is owned by the caller (zvdj_table_destroy).
 *  @param opts  NULL = log interval at 95%. */
ZVDJ_API zvdj_status zvdj_survival_evaluate(zvdj_table **out,
                                            const zvdj_survival_fit *fit,
                                            int32_t estimate, int32_t event_type,
                                            size_t count, const double *at,
                                            const zvdj_survival_options *opts);

/* ===========================================================================
 * General cohorts and user-defined outcomes
 *
 * A zvdj_cohort holds groups (label, year, region), members (person id, entry
 * day, group) and outcomes (built-in names or user-defined events). Person ids
 * are resolved against the record store given to zvdj_cohort_outflow.
 * ======================================================================== */

typedef struct zvdj_cohort zvdj_cohort;

/** An empty cohort. *out is owned by the caller (zvdj_cohort_destroy). */
ZVDJ_API zvdj_status zvdj_cohort_create(zvdj_cohort **out);

/** Releases a cohort. NULL is a no-op. */
ZVDJ_API void zvdj_cohort_destroy(zvdj_cohort *cohort);

/** The 18th-birthday cohort of `records` (year_of_18 .. year_of_18_last,
 *  by_municipality, window_months and cutoff of `opts`; the other fields are
 *  not used) as a general cohort, to which outcomes can be added. *out is
 *  owned by the caller. */
ZVDJ_API zvdj_status zvdj_cohort_eighteenth_birthday(zvdj_cohort **out,
                                                     const zvdj_records *records,
                                                     const zvdj_cohort_options *opts);

/** Adds a group, or finds the one with the same label.
 *  @param out_index  receives the group index (may be NULL).
 *  @param label      required, not empty.
 *  @param region     NULL = "NL01". */
ZVDJ_API zvdj_status zvdj_cohort_add_group(size_t *out_index, zvdj_cohort *cohort,
                                           const char *label, int32_t year,
                                           const char *region);

/** Appends `rows` members: person ids, entry days (day numbers) and group
 *  indices (from zvdj_cohort_add_group). All or nothing; ZVDJ_OUT_OF_RANGE
 *  for an unknown group, ZVDJ_INVALID_ARGUMENT for an empty id ("row 3:
 *  ..."). */
ZVDJ_API zvdj_status zvdj_cohort_add_members(zvdj_cohort *cohort, size_t rows,
                                             const char *const *person_ids,
                                             const int32_t *entry_days,
                                             const size_t *groups);

/** Adds a built-in outcome: "verlengde_jeugdhulp", "zvw_ggz", "wmo", "wlz",
 *  "vervolgzorg_any". ZVDJ_INVALID_ARGUMENT listing the names otherwise;
 *  ZVDJ_ALREADY_EXISTS for a name already added. A cohort without outcomes is
 *  estimated for all five. */
ZVDJ_API zvdj_status zvdj_cohort_add_builtin_outcome(zvdj_cohort *cohort,
                                                     const char *name);

/** Adds a user-defined outcome `name` from `count` (person id, event day)
 *  pairs: a member's event is its first event day >= its entry day. Persons
 *  that are not members are ignored. ZVDJ_ALREADY_EXISTS for a name already
 *  added. */
ZVDJ_API zvdj_status zvdj_cohort_add_event_outcome(zvdj_cohort *cohort, const char *name,
                                                   size_t count,
                                                   const char *const *person_ids,
                                                   const int32_t *event_days);

/** Counts (any output may be NULL): members, groups, outcomes. */
ZVDJ_API zvdj_status zvdj_cohort_info(size_t *out_members, size_t *out_groups,
                                      size_t *out_outcomes, const zvdj_cohort *cohort);

#define ZVDJ_OUTFLOW_OPTIONS_VERSION 1
typedef struct zvdj_outflow_options {
  uint32_t version; /* ZVDJ_OUTFLOW_OPTIONS_VERSION */
  const char *horizons; /* "1m,3m,6m" (default), "30d", ... */
  const char *cutoff; /* ISO date, last observed day; NULL = latest date in data */
  const char *methods; /* "aj" (default), "km", "naive", "aj,km", "all" */
  int32_t ci; /* ZVDJ_CI_*; default LOG */
  double ci_level; /* 0.95 */
  int32_t death_as_censoring; /* 0 = death is a competing event (default) */
  int32_t denominator; /* ZVDJ_DENOMINATOR_* */
} zvdj_outflow_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_outflow_options_init(zvdj_outflow_options *opts,
                                               uint32_t version);

/** Estimates every outcome of `cohort` within each horizon, follow-up
 *  censored at the cut-off and at emigration, death competing (see
 *  zvdj/cohort.hpp for the definitions). One row per group x outcome x
 *  horizon x method with columns group (the label), year, region, outcome,
 *  horizon, n_cohort, n_at_risk, n_events, estimate, std_err, ci_low,
 *  ci_high, method, denominator, note. Many horizons ("1m,2m,...,12m") give
 *  the curve. *out is owned by the caller (zvdj_cohort_result_destroy;
 *  zvdj_cohort_result_to_dataset works on it).
 *  @return ZVDJ_NOT_FOUND naming a member whose person id is not in
 *          `records`; ZVDJ_INVALID_ARGUMENT for bad options. */
/* Deprecated: use zvdj_cohort_outflow_table. */
ZVDJ_DEPRECATED ZVDJ_API zvdj_status zvdj_cohort_outflow(zvdj_cohort_result **out,
                                         const zvdj_records *records,
                                         const zvdj_cohort *cohort,
                                         const zvdj_outflow_options *opts);

/** zvdj_cohort_outflow with the result as a zvdj_table (columns as there);
 *  zvdj_table_to_dataset converts it. *out: zvdj_table_destroy. */
ZVDJ_API zvdj_status zvdj_cohort_outflow_table(zvdj_table **out, const zvdj_records *records,
                                               const zvdj_cohort *cohort,
                                               const zvdj_outflow_options *opts);

/** Distribution of a categorical state (e.g. living situation at 18) per
 *  group over `rows` (group, category) pairs, with percentage-point
 *  differences against `reference_group`. Columns group, category, count,
 *  group_total, share_pct, pp_diff; every (group, category) pair seen is
 *  reported, in order of first appearance. *out is owned by the caller
 *  (zvdj_table_destroy).
 *  @return ZVDJ_INVALID_ARGUMENT when the reference group has no rows. */
ZVDJ_API zvdj_status zvdj_state_distribution(zvdj_table **out, size_t rows,
                                             const char *const *groups,
                                             const char *const *categories,
                                             const char *reference_group);

/* ===========================================================================
 * Indicators with the jeugdbescherming closure rows
 * ======================================================================== */

/** As zvdj_compute, and also the stock-flow closure rows of jeugdbescherming
 *  (unrounded, unsuppressed): columns period, region, measure ("" = persons),
 *  begin, inflow, outflow, end, difference = end - (begin + inflow -
 *  outflow), which is 0 for measures and reported as it is for persons.
 *  @param out          receives the dataset (zvdj_dataset_destroy).
 *  @param out_closure  receives the closure table (zvdj_table_destroy); both
 *                      are required and written only on success. */
ZVDJ_API zvdj_status zvdj_compute_with_closure(zvdj_dataset **out,
                                               zvdj_table **out_closure,
                                               const zvdj_records *records,
                                               const zvdj_compute_options *opts);

/* ===========================================================================
 * Synthetic national data
 * ======================================================================== */

#define ZVDJ_GENERATE_OPTIONS_VERSION 1
typedef struct zvdj_generate_options {
  uint32_t version; /* ZVDJ_GENERATE_OPTIONS_VERSION */
  uint64_t seed; /* 1; the same options give the same data */
  int64_t persons; /* distinct youths with jeugdhulp per year (450000) */
  int32_t from_year; /* 2016 */
  int32_t to_year; /* 2019 */
} zvdj_generate_options;

/** Sets `opts` to the defaults (national scale). */
ZVDJ_API zvdj_status zvdj_generate_options_init(zvdj_generate_options *opts,
                                                uint32_t version);

/** Writes jeugdhulp.csv, jeugdbescherming.csv, verzuim.csv, vervolgzorg.csv,
 *  persons.csv, regions.csv and herindeling.csv into `dir` (created when
 *  missing).
 *  @param out_summary  NULL, or receives a table (file, rows) owned by the
 *                      caller (zvdj_table_destroy).
 *  @param opts         NULL = defaults.
 *  @return ZVDJ_INVALID_ARGUMENT for persons < 1, years outside 1990..2100 or
 *          from_year > to_year; ZVDJ_DATA_LOSS "cannot write FILE: reason"
 *          when a write fails. The seven files are renamed into place only
 *          when all are complete: a failed call leaves previous files as they
 *          were. */
ZVDJ_API zvdj_status zvdj_generate_files(zvdj_table **out_summary, const char *dir,
                                         const zvdj_generate_options *opts);

/** Generates the five record tables straight into `records` (which should be
 *  empty; it is unchanged on failure). Regions and herindeling are not part
 *  of a record store: write them with zvdj_generate_files when needed.
 *  Arguments as zvdj_generate_files. */
ZVDJ_API zvdj_status zvdj_generate_records(zvdj_table **out_summary,
                                           zvdj_records *records,
                                           const zvdj_generate_options *opts);

/* ===========================================================================
 * CBS StatLine exports (OData v3, OData v4, CSV) through a mapping
 * ======================================================================== */

typedef struct zvdj_statline_mapping zvdj_statline_mapping;

enum {
  ZVDJ_STATLINE_ODATA3 = 0, /* OData v3 JSON (DataProperties, TypedDataSet, ...) */
  ZVDJ_STATLINE_ODATA4 = 1, /* OData v4 JSON (Observations, MeasureCodes, ...) */
  ZVDJ_STATLINE_CSV = 2 /* StatLine CSV download (';', decimal comma) */
};

/** An empty mapping. *out is owned by the caller
 *  (zvdj_statline_mapping_destroy). */
ZVDJ_API zvdj_status zvdj_statline_mapping_create(zvdj_statline_mapping **out);

/** Releases a mapping. NULL is a no-op. */
ZVDJ_API void zvdj_statline_mapping_destroy(zvdj_statline_mapping *mapping);

/** Adds the rows of a mapping CSV file (columns table, topic, dimension, code,
 *  indicator, dim_name, dim_value). Errors name "path:line:column"; the
 *  mapping is unchanged on failure. */
ZVDJ_API zvdj_status zvdj_statline_mapping_load_csv(zvdj_statline_mapping *mapping,
                                                    const char *path);

/** As zvdj_statline_mapping_load_csv, from `length` bytes of text. */
ZVDJ_API zvdj_status zvdj_statline_mapping_parse_csv(zvdj_statline_mapping *mapping,
                                                     const char *text, size_t length,
                                                     const char *source_name);

/** Adds one row (NULL = ""): a topic row (topic and indicator set) or a
 *  category row (indicator empty, dimension and code set).
 *  ZVDJ_INVALID_ARGUMENT for anything else. */
ZVDJ_API zvdj_status zvdj_statline_mapping_add(zvdj_statline_mapping *mapping,
                                               const char *table, const char *topic,
                                               const char *dimension, const char *code,
                                               const char *indicator,
                                               const char *dim_name,
                                               const char *dim_value);

/** Number of rows. */
ZVDJ_API zvdj_status zvdj_statline_mapping_size(size_t *out,
                                                const zvdj_statline_mapping *mapping);

#define ZVDJ_STATLINE_OPTIONS_VERSION 1
typedef struct zvdj_statline_options {
  uint32_t version; /* ZVDJ_STATLINE_OPTIONS_VERSION */
  const char *table; /* table id when neither documents nor names say it; NULL */
  const char *default_region; /* region of tables without one; NULL = "NL01" */
  const char *note; /* note of every observation; NULL = "CBS StatLine <table>" */
} zvdj_statline_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_statline_options_init(zvdj_statline_options *opts,
                                                uint32_t version);

/** Reads `count` StatLine files of `format` (ZVDJ_STATLINE_*; local pages
 *  named by nextLinks are followed) into a new dataset.
 *  @param out         receives the dataset (zvdj_dataset_destroy).
 *  @param out_report  NULL, or receives a table (item, key, count) owned by
 *                     the caller: one row per file read ("file"), table id
 *                     ("table"), the totals "cells" and "observations", each
 *                     unmapped topic ("unmapped_topic", "table/topic") and
 *                     category ("unmapped_category", "table/dim=code") with
 *                     the number of cells skipped, and each "warning".
 *  @param opts        NULL = defaults.
 *  @return errors name "file:line:column" (malformed JSON or CSV, unknown
 *          period codes, unparsable numbers); ZVDJ_NOT_FOUND for a missing
 *          file. */
ZVDJ_API zvdj_status zvdj_statline_read(zvdj_dataset **out, zvdj_table **out_report,
                                        int32_t format, size_t count,
                                        const char *const *paths,
                                        const zvdj_statline_mapping *mapping,
                                        const zvdj_statline_options *opts);

/** As zvdj_statline_read over `count` documents in memory: names[i] (used in
 *  messages and to resolve nextLinks by file name), texts[i] of lengths[i]
 *  bytes. */
ZVDJ_API zvdj_status zvdj_statline_parse(zvdj_dataset **out, zvdj_table **out_report,
                                         int32_t format, size_t count,
                                         const char *const *names,
                                         const char *const *texts, const size_t *lengths,
                                         const zvdj_statline_mapping *mapping,
                                         const zvdj_statline_options *opts);

/* ===========================================================================
 * Factsheets: self-contained HTML pages with SVG charts
 * ======================================================================== */

#define ZVDJ_FACTSHEET_OPTIONS_VERSION 1
typedef struct zvdj_factsheet_options {
  uint32_t version; /* ZVDJ_FACTSHEET_OPTIONS_VERSION */
  const char *title; /* NULL = "Feiten & Cijfers" */
  const char *subtitle; /* NULL = "Zorg voor de Jeugd" */
  const char *region; /* region shown; NULL = NL01 when present */
  size_t compare_count; /* regions shown next to `region` */
  const char *const *compare;
  const char *config_path; /* configuration CSV; NULL = config_text */
  const char *config_text; /* configuration CSV text; NULL = the built-in default */
} zvdj_factsheet_options;

/** Sets `opts` to the defaults. */
ZVDJ_API zvdj_status zvdj_factsheet_options_init(zvdj_factsheet_options *opts,
                                                 uint32_t version);

/** The built-in default configuration CSV (section, indicator, dims, chart,
 *  title). String convention. */
ZVDJ_API zvdj_status zvdj_factsheet_default_config(char *buffer, size_t capacity,
                                                   size_t *written);

/** Renders the factsheet of `dataset` and writes dir/index.html and one
 *  dir/<chart>.svg per chart (creating dir).
 *  @param out_report  NULL, or receives a table (kind, name, title) owned by
 *                     the caller: kind "html" / "svg" for each file written,
 *                     "warning" for each warning (e.g. an item without data).
 *  @param catalogue   NULL = the built-in catalogue.
 *  @param breaks      NULL = no breaks.
 *  @param opts        NULL = defaults.
 *  @return errors in the configuration name "file:line:column"; ZVDJ_NOT_FOUND
 *          for a missing configuration file; ZVDJ_PERMISSION_DENIED when the
 *          directory or a file cannot be created; ZVDJ_DATA_LOSS when a write
 *          fails ("cannot write FILE: reason"). Files are written as temporary
 *          files and renamed into place only when all are complete, so a
 *          failed call leaves a previous factsheet in `dir` as it was.
 *          ZVDJ_INVALID_ARGUMENT for a chart file name that is not a plain
 *          name inside `dir`. */
ZVDJ_API zvdj_status zvdj_factsheet_write(zvdj_table **out_report,
                                          const zvdj_dataset *dataset,
                                          const zvdj_catalogue *catalogue,
                                          const zvdj_breaks *breaks, const char *dir,
                                          const zvdj_factsheet_options *opts);

/** The index.html of the factsheet into a caller buffer (string convention;
 *  the page is rendered on every call). Arguments as zvdj_factsheet_write. */
ZVDJ_API zvdj_status zvdj_factsheet_html(char *buffer, size_t capacity, size_t *written,
                                         const zvdj_dataset *dataset,
                                         const zvdj_catalogue *catalogue,
                                         const zvdj_breaks *breaks,
                                         const zvdj_factsheet_options *opts);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ZVDJ_ZVDJ_H_ */
