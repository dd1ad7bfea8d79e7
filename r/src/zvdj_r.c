/* R's .Call interface to libzvdj's C API.
 *
 * Columns cross the boundary whole: character vectors become arrays of C
 * strings (NA = empty), R Dates are written as ISO text in C, and results come
 * back as lists of columns (numbers as double or integer vectors, text as
 * character vectors). Failures are returned as a "zvdj_failure" list (status
 * code, status name, message), which the R side turns into a condition whose
 * class names the status; every handle is released before returning. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include "zvdj/zvdj.h"

/* ------------------------------------------------------------ failures -- */

static SEXP failure(zvdj_status status) {
  const char *names[] = {"code", "status", "message"};
  SEXP out = PROTECT(allocVector(VECSXP, 3));
  SET_VECTOR_ELT(out, 0, ScalarInteger((int)status));
  SET_VECTOR_ELT(out, 1, mkString(zvdj_status_name((int32_t)status)));
  SET_VECTOR_ELT(out, 2, ScalarString(mkCharCE(zvdj_last_error_message(), CE_UTF8)));
  SEXP nm = PROTECT(allocVector(STRSXP, 3));
  for (int i = 0; i < 3; ++i) SET_STRING_ELT(nm, i, mkChar(names[i]));
  setAttrib(out, R_NamesSymbol, nm);
  setAttrib(out, R_ClassSymbol, mkString("zvdj_failure"));
  UNPROTECT(2);
  return out;
}

static const char *opt_string(SEXP x) {
  if (isNull(x) || !isString(x) || XLENGTH(x) < 1 || STRING_ELT(x, 0) == NA_STRING) return NULL;
  return translateCharUTF8(STRING_ELT(x, 0));
}

/* ----------------------------------------------------- columns to C -- */

/* ISO text of a day number (civil-from-days, proleptic Gregorian), 11 bytes
 * with the NUL; written here rather than per cell through the C API, as one
 * column may hold a million dates. */
static void iso_date(char *out, int64_t days) {
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  int64_t y = yoe + era * 400 + (m <= 2);
  if (y < 0 || y > 9999) {
    out[0] = '\0'; /* no date the library reads: reported as a missing date */
    return;
  }
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = out[7] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

/* A column as C strings: a character vector (NA and "" = empty) or a Date
 * (days since 1970-01-01, NA = empty) written as ISO text. The strings live in
 * R memory (R_alloc), released when the .Call returns. */
static const char **c_strings(SEXP col, R_xlen_t n) {
  const char **out = (const char **)R_alloc(n > 0 ? n : 1, sizeof(char *));
  if (isString(col)) {
    for (R_xlen_t i = 0; i < n; ++i) {
      SEXP s = STRING_ELT(col, i);
      out[i] = s == NA_STRING ? "" : translateCharUTF8(s);
    }
  } else if (isReal(col) || isInteger(col)) { /* a Date */
    char *text = R_alloc(n > 0 ? n : 1, 11);
    for (R_xlen_t i = 0; i < n; ++i) {
      double d = isReal(col) ? REAL(col)[i]
                             : (INTEGER(col)[i] == NA_INTEGER ? NA_REAL : INTEGER(col)[i]);
      if (ISNAN(d)) {
        text[11 * i] = '\0';
      } else {
        iso_date(text + 11 * i, (int64_t)floor(d));
      }
      out[i] = text + 11 * i;
    }
  } else {
    for (R_xlen_t i = 0; i < n; ++i) out[i] = "";
  }
  return out;
}

/* ------------------------------------------------------ results to R -- */

/* Integer-valued numeric result columns, returned as R integers. */
static int is_count_column(const char *name) {
  static const char *counts[] = {"n_cohort", "n_at_risk", "n_events", "n_censored_before",
                                 "n_periods", "mk_s", "count", "group_total", "rows",
                                 "begin", "inflow", "outflow", "end", "difference",
                                 "year_of_18", "year", "line", "column", NULL};
  for (int i = 0; counts[i]; ++i) {
    if (strcmp(counts[i], name) == 0) return 1;
  }
  return 0;
}

/* Text columns whose empty cells stay "" (status symbols: "" is definitive). */
static int keeps_empty(const char *name) {
  return strcmp(name, "status") == 0 || strcmp(name, "prev_status") == 0;
}

static SEXP numbers_to_r(const double *v, const uint8_t *valid, size_t n, const char *name) {
  SEXP out;
  if (is_count_column(name)) {
    out = PROTECT(allocVector(INTSXP, (R_xlen_t)n));
    for (size_t i = 0; i < n; ++i) INTEGER(out)[i] = valid[i] ? (int)v[i] : NA_INTEGER;
  } else {
    out = PROTECT(allocVector(REALSXP, (R_xlen_t)n));
    for (size_t i = 0; i < n; ++i) REAL(out)[i] = valid[i] ? v[i] : NA_REAL;
  }
  UNPROTECT(1);
  return out;
}

static SEXP text_to_r(const char *cell, const char *name) {
  if (cell[0] == '\0' && !keeps_empty(name)) return NA_STRING;
  return mkCharCE(cell, CE_UTF8);
}

static SEXP named_list(SEXP cols, SEXP names) {
  setAttrib(cols, R_NamesSymbol, names);
  return cols;
}

/* A column of integers (counts, years) as an R integer vector. */
static SEXP integers_to_r(const zvdj_table *h, const char *name, size_t rows) {
  int64_t *v = (int64_t *)R_alloc(rows ? rows : 1, sizeof(int64_t));
  uint8_t *ok = (uint8_t *)R_alloc(rows ? rows : 1, 1);
  size_t w = 0;
  zvdj_table_get_integers(v, ok, rows, &w, h, name);
  SEXP out = PROTECT(allocVector(INTSXP, (R_xlen_t)rows));
  for (size_t i = 0; i < rows; ++i) INTEGER(out)[i] = ok[i] ? (int)v[i] : NA_INTEGER;
  UNPROTECT(1);
  return out;
}

/* A text column in one call: the cells one after another, each ended by a NUL. */
static SEXP texts_to_r(const zvdj_table *h, const char *name, size_t rows) {
  size_t need = 0;
  zvdj_table_get_texts(NULL, 0, &need, NULL, 0, h, name);
  char *buffer = R_alloc(need ? need : 1, 1);
  size_t *offsets = (size_t *)R_alloc(rows ? rows : 1, sizeof(size_t));
  zvdj_table_get_texts(buffer, need, &need, offsets, rows, h, name);
  SEXP out = PROTECT(allocVector(STRSXP, (R_xlen_t)rows));
  for (size_t r = 0; r < rows; ++r) {
    SET_STRING_ELT(out, (R_xlen_t)r, text_to_r(buffer + offsets[r], name));
  }
  UNPROTECT(1);
  return out;
}

/* A table as a list of columns: text, numbers (double) or integers, each
 * column in one call. */
static SEXP zvdj_table_to_r(const zvdj_table *h) {
  size_t rows = 0, ncol = 0, w = 0;
  zvdj_table_rows(&rows, h);
  zvdj_table_column_count(&ncol, h);
  SEXP cols = PROTECT(allocVector(VECSXP, (R_xlen_t)ncol));
  SEXP names = PROTECT(allocVector(STRSXP, (R_xlen_t)ncol));
  double *v = (double *)R_alloc(rows ? rows : 1, sizeof(double));
  uint8_t *ok = (uint8_t *)R_alloc(rows ? rows : 1, 1);
  for (size_t c = 0; c < ncol; ++c) {
    char name[128];
    zvdj_table_column_name(name, sizeof name, &w, h, c);
    SET_STRING_ELT(names, (R_xlen_t)c, mkCharCE(name, CE_UTF8));
    int32_t kind = ZVDJ_COLUMN_TEXT;
    zvdj_table_column_kind(&kind, h, name);
    if (kind == ZVDJ_COLUMN_INTEGER) {
      SET_VECTOR_ELT(cols, (R_xlen_t)c, integers_to_r(h, name, rows));
    } else if (kind == ZVDJ_COLUMN_NUMBER) {
      zvdj_table_get_numbers(v, ok, rows, &w, h, name);
      SET_VECTOR_ELT(cols, (R_xlen_t)c, numbers_to_r(v, ok, rows, name));
    } else {
      SET_VECTOR_ELT(cols, (R_xlen_t)c, texts_to_r(h, name, rows));
    }
  }
  named_list(cols, names);
  UNPROTECT(2);
  return cols;
}

/* A dataset as columns indicator, period, region, <dimensions>, value, status
 * and note (only when some row has one), as the dataset CSV. */
static SEXP dataset_to_r(const zvdj_dataset *ds) {
  size_t rows = 0, ndim = 0, w = 0;
  zvdj_dataset_size(&rows, ds);
  zvdj_dataset_dimension_count(&ndim, ds);
  size_t ncol = 3 + ndim + 3;
  const char **text_names = (const char **)R_alloc(ncol, sizeof(char *));
  text_names[0] = "indicator";
  text_names[1] = "period";
  text_names[2] = "region";
  for (size_t d = 0; d < ndim; ++d) {
    char *name = R_alloc(128, 1);
    zvdj_dataset_dimension_name(name, 128, &w, ds, d);
    text_names[3 + d] = name;
  }
  SEXP cols = PROTECT(allocVector(VECSXP, (R_xlen_t)ncol));
  SEXP names = PROTECT(allocVector(STRSXP, (R_xlen_t)ncol));
  char *cell = R_alloc(1024, 1);
  size_t cap = 1024;
  int any_note = 0;
  text_names[ncol - 3] = "value";
  text_names[ncol - 2] = "status";
  text_names[ncol - 1] = "note";
  for (size_t c = 0; c < ncol; ++c) {
    SET_STRING_ELT(names, (R_xlen_t)c, mkChar(text_names[c]));
    if (c == ncol - 3) {
      double *v = (double *)R_alloc(rows ? rows : 1, sizeof(double));
      uint8_t *ok = (uint8_t *)R_alloc(rows ? rows : 1, 1);
      zvdj_dataset_get_values(v, ok, rows, &w, ds);
      SET_VECTOR_ELT(cols, (R_xlen_t)c, numbers_to_r(v, ok, rows, "value"));
      continue;
    }
    SEXP col = PROTECT(allocVector(STRSXP, (R_xlen_t)rows));
    for (size_t r = 0; r < rows; ++r) {
      if (zvdj_dataset_get_string(cell, cap, &w, ds, r, text_names[c]) == ZVDJ_OUT_OF_RANGE) {
        cap = w;
        cell = R_alloc(cap, 1);
        zvdj_dataset_get_string(cell, cap, &w, ds, r, text_names[c]);
      }
      if (c == ncol - 1 && cell[0] != '\0') any_note = 1;
      SET_STRING_ELT(col, (R_xlen_t)r, text_to_r(cell, text_names[c]));
    }
    SET_VECTOR_ELT(cols, (R_xlen_t)c, col);
    UNPROTECT(1);
  }
  if (!any_note) {
    cols = PROTECT(lengthgets(cols, (R_xlen_t)(ncol - 1)));
    names = PROTECT(lengthgets(names, (R_xlen_t)(ncol - 1)));
    named_list(cols, names);
    UNPROTECT(4);
    return cols;
  }
  named_list(cols, names);
  UNPROTECT(2);
  return cols;
}

/* ------------------------------------------------------------ handles -- */

static void records_finalize(SEXP ptr) {
  zvdj_records *rec = (zvdj_records *)R_ExternalPtrAddr(ptr);
  if (rec) zvdj_records_destroy(rec);
  R_ClearExternalPtr(ptr);
}

static zvdj_records *records_of(SEXP ptr) {
  if (TYPEOF(ptr) != EXTPTRSXP || R_ExternalPtrAddr(ptr) == NULL) {
    error("not a zvdj record store");
  }
  return (zvdj_records *)R_ExternalPtrAddr(ptr);
}

SEXP zr_records_new(void) {
  zvdj_records *rec = NULL;
  zvdj_status s = zvdj_records_create(&rec);
  if (s != ZVDJ_OK) return failure(s);
  SEXP ptr = PROTECT(R_MakeExternalPtr(rec, R_NilValue, R_NilValue));
  R_RegisterCFinalizerEx(ptr, records_finalize, TRUE);
  UNPROTECT(1);
  return ptr;
}

SEXP zr_records_load(SEXP ptr, SEXP table, SEXP path, SEXP threads) {
  zvdj_load_options o;
  zvdj_load_options_init(&o, ZVDJ_LOAD_OPTIONS_VERSION);
  o.threads = asInteger(threads);
  zvdj_status s =
      zvdj_records_load_csv(NULL, records_of(ptr), opt_string(table), opt_string(path), &o);
  return s == ZVDJ_OK ? R_NilValue : failure(s);
}

/* cols: the table's columns in the C argument order, NULL where absent. */
SEXP zr_records_add(SEXP ptr, SEXP table, SEXP cols, SEXP nrow) {
  R_xlen_t n = (R_xlen_t)asReal(nrow);
  const char **a[8] = {NULL};
  R_xlen_t k = XLENGTH(cols);
  for (R_xlen_t i = 0; i < k && i < 8; ++i) {
    SEXP c = VECTOR_ELT(cols, i);
    a[i] = isNull(c) ? NULL : c_strings(c, n);
  }
  zvdj_records *rec = records_of(ptr);
  const char *t = opt_string(table);
  size_t rows = (size_t)n;
  zvdj_status s;
  if (strcmp(t, "jeugdhulp") == 0) {
    s = zvdj_records_add_jeugdhulp(rec, rows, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
  } else if (strcmp(t, "jeugdbescherming") == 0) {
    s = zvdj_records_add_jeugdbescherming(rec, rows, a[0], a[1], a[2], a[3], a[4], a[5]);
  } else if (strcmp(t, "verzuim") == 0) {
    s = zvdj_records_add_verzuim(rec, rows, a[0], a[1], a[2], a[3], a[4], a[5]);
  } else if (strcmp(t, "vervolgzorg") == 0) {
    s = zvdj_records_add_vervolgzorg(rec, rows, a[0], a[1], a[2], a[3]);
  } else {
    s = zvdj_records_add_persons(rec, rows, a[0], a[1], a[2], a[3]);
  }
  return s == ZVDJ_OK ? R_NilValue : failure(s);
}

/* ----------------------------------------------------------- datasets -- */

/* spec: a path (character(1)) or list(indicator, period, region, value,
 * status (ZVDJ_VALUE_* codes), dimension names, dimension columns, notes or
 * NULL). */
static zvdj_status make_dataset(zvdj_dataset **out, SEXP spec) {
  if (isString(spec)) return zvdj_dataset_read_csv(out, opt_string(spec), NULL);
  SEXP value = VECTOR_ELT(spec, 3), status = VECTOR_ELT(spec, 4);
  SEXP dim_names = VECTOR_ELT(spec, 5), dims = VECTOR_ELT(spec, 6);
  R_xlen_t n = XLENGTH(value), nd = XLENGTH(dim_names);
  const char **dn = c_strings(dim_names, nd);
  const char **dv = (const char **)R_alloc(n * nd > 0 ? n * nd : 1, sizeof(char *));
  for (R_xlen_t d = 0; d < nd; ++d) {
    const char **col = c_strings(VECTOR_ELT(dims, d), n);
    for (R_xlen_t r = 0; r < n; ++r) dv[r * nd + d] = col[r];
  }
  int32_t *st = (int32_t *)R_alloc(n > 0 ? n : 1, sizeof(int32_t));
  for (R_xlen_t r = 0; r < n; ++r) st[r] = INTEGER(status)[r];
  SEXP notes = XLENGTH(spec) > 7 ? VECTOR_ELT(spec, 7) : R_NilValue;
  return zvdj_dataset_from_arrays_with_notes(
      out, (size_t)n, c_strings(VECTOR_ELT(spec, 0), n), c_strings(VECTOR_ELT(spec, 2), n),
      c_strings(VECTOR_ELT(spec, 1), n), REAL(value), st, (size_t)nd, nd ? dn : NULL,
      nd ? dv : NULL, isNull(notes) ? NULL : c_strings(notes, n));
}

SEXP zr_trends(SEXP spec, SEXP summary, SEXP breaks_path, SEXP from, SEXP to) {
  zvdj_dataset *ds = NULL;
  zvdj_breaks *br = NULL;
  zvdj_table *res = NULL;
  zvdj_trend_options o;
  zvdj_trend_options_init(&o, ZVDJ_TREND_OPTIONS_VERSION);
  o.from = opt_string(from);
  o.to = opt_string(to);
  zvdj_status s = make_dataset(&ds, spec);
  if (s == ZVDJ_OK && opt_string(breaks_path)) {
    s = zvdj_breaks_create(&br);
    if (s == ZVDJ_OK) s = zvdj_breaks_load_csv(br, opt_string(breaks_path));
  }
  if (s == ZVDJ_OK) {
    s = asLogical(summary) ? zvdj_trends_summarize_table(&res, ds, NULL, br, &o)
                           : zvdj_trends_compute_table(&res, ds, NULL, br, &o);
  }
  SEXP out = s == ZVDJ_OK ? zvdj_table_to_r(res) : failure(s);
  zvdj_table_destroy(res);
  zvdj_breaks_destroy(br);
  zvdj_dataset_destroy(ds);
  return out;
}

SEXP zr_compute(SEXP ptr, SEXP years, SEXP suppress, SEXP round5, SEXP threads,
                SEXP regions, SEXP herindeling, SEXP latest) {
  zvdj_compute_options o;
  zvdj_compute_options_init(&o, ZVDJ_COMPUTE_OPTIONS_VERSION);
  o.from_year = INTEGER(years)[0] == NA_INTEGER ? 0 : INTEGER(years)[0];
  o.to_year = INTEGER(years)[1] == NA_INTEGER ? 0 : INTEGER(years)[1];
  o.suppress_below = (int64_t)asReal(suppress);
  o.round5 = asLogical(round5) == TRUE;
  o.threads = asInteger(threads);
  o.regions_path = opt_string(regions);
  o.herindeling_path = opt_string(herindeling);
  o.attribution = asLogical(latest) == TRUE ? ZVDJ_ATTRIBUTION_LATEST : ZVDJ_ATTRIBUTION_CBS;
  zvdj_dataset *ds = NULL;
  zvdj_status s = zvdj_compute(&ds, records_of(ptr), &o);
  SEXP out = s == ZVDJ_OK ? dataset_to_r(ds) : failure(s);
  zvdj_dataset_destroy(ds);
  return out;
}

SEXP zr_cohort(SEXP ptr, SEXP years, SEXP horizons, SEXP cutoff, SEXP method) {
  zvdj_cohort_options o;
  zvdj_cohort_options_init(&o, ZVDJ_COHORT_OPTIONS_VERSION);
  o.year_of_18 = INTEGER(years)[0];
  o.year_of_18_last = INTEGER(years)[1];
  o.horizons = opt_string(horizons);
  o.cutoff = opt_string(cutoff);
  o.methods = opt_string(method);
  zvdj_table *res = NULL;
  zvdj_status s = zvdj_cohort_estimate_table(&res, records_of(ptr), &o);
  SEXP out = s == ZVDJ_OK ? zvdj_table_to_r(res) : failure(s);
  zvdj_table_destroy(res);
  return out;
}

/* mapping: a path, or a list of the 7 mapping columns (table, topic,
 * dimension, code, indicator, dim_name, dim_value). */
SEXP zr_statline(SEXP format, SEXP paths, SEXP mapping) {
  zvdj_statline_mapping *m = NULL;
  zvdj_dataset *ds = NULL;
  zvdj_status s = zvdj_statline_mapping_create(&m);
  if (s == ZVDJ_OK && isString(mapping)) {
    s = zvdj_statline_mapping_load_csv(m, opt_string(mapping));
  } else if (s == ZVDJ_OK) {
    R_xlen_t n = XLENGTH(VECTOR_ELT(mapping, 0));
    const char **c[7];
    for (int i = 0; i < 7; ++i) c[i] = c_strings(VECTOR_ELT(mapping, i), n);
    for (R_xlen_t r = 0; r < n && s == ZVDJ_OK; ++r) {
      s = zvdj_statline_mapping_add(m, c[0][r], c[1][r], c[2][r], c[3][r], c[4][r], c[5][r],
                                    c[6][r]);
    }
  }
  if (s == ZVDJ_OK) {
    R_xlen_t n = XLENGTH(paths);
    s = zvdj_statline_read(&ds, NULL, asInteger(format), (size_t)n, c_strings(paths, n), m,
                           NULL);
  }
  SEXP out = s == ZVDJ_OK ? dataset_to_r(ds) : failure(s);
  zvdj_dataset_destroy(ds);
  zvdj_statline_mapping_destroy(m);
  return out;
}

/* dir NULL: the HTML text; else the files are written and the report returned. */
SEXP zr_factsheet(SEXP spec, SEXP dir, SEXP breaks_path, SEXP title, SEXP region) {
  zvdj_dataset *ds = NULL;
  zvdj_breaks *br = NULL;
  zvdj_table *report = NULL;
  zvdj_factsheet_options o;
  zvdj_factsheet_options_init(&o, ZVDJ_FACTSHEET_OPTIONS_VERSION);
  o.title = opt_string(title);
  o.region = opt_string(region);
  zvdj_status s = make_dataset(&ds, spec);
  if (s == ZVDJ_OK && opt_string(breaks_path)) {
    s = zvdj_breaks_create(&br);
    if (s == ZVDJ_OK) s = zvdj_breaks_load_csv(br, opt_string(breaks_path));
  }
  SEXP out = R_NilValue;
  if (s == ZVDJ_OK && opt_string(dir)) {
    s = zvdj_factsheet_write(&report, ds, NULL, br, opt_string(dir), &o);
    if (s == ZVDJ_OK) out = zvdj_table_to_r(report);
  } else if (s == ZVDJ_OK) {
    size_t need = 0;
    s = zvdj_factsheet_html(NULL, 0, &need, ds, NULL, br, &o);
    if (s == ZVDJ_OK) {
      char *html = R_alloc(need, 1);
      s = zvdj_factsheet_html(html, need, &need, ds, NULL, br, &o);
      if (s == ZVDJ_OK) out = ScalarString(mkCharCE(html, CE_UTF8));
    }
  }
  if (s != ZVDJ_OK) out = failure(s);
  zvdj_table_destroy(report);
  zvdj_breaks_destroy(br);
  zvdj_dataset_destroy(ds);
  return out;
}

SEXP zr_generate(SEXP dir, SEXP persons, SEXP years, SEXP seed) {
  zvdj_generate_options o;
  zvdj_generate_options_init(&o, ZVDJ_GENERATE_OPTIONS_VERSION);
  o.persons = (int64_t)asReal(persons);
  o.from_year = INTEGER(years)[0];
  o.to_year = INTEGER(years)[1];
  o.seed = (uint64_t)asReal(seed);
  zvdj_table *summary = NULL;
  zvdj_status s = zvdj_generate_files(&summary, opt_string(dir), &o);
  SEXP out = s == ZVDJ_OK ? zvdj_table_to_r(summary) : failure(s);
  zvdj_table_destroy(summary);
  return out;
}

SEXP zr_version(void) { return mkString(zvdj_version_string()); }

/* The value of a C API constant by name (NA when unknown). */
SEXP zr_constant(SEXP name) {
  int64_t v = 0;
  if (zvdj_constant(&v, opt_string(name)) != ZVDJ_OK) return ScalarInteger(NA_INTEGER);
  return ScalarReal((double)v);
}

static const R_CallMethodDef kCalls[] = {
    {"zr_records_new", (DL_FUNC)&zr_records_new, 0},
    {"zr_records_load", (DL_FUNC)&zr_records_load, 4},
    {"zr_records_add", (DL_FUNC)&zr_records_add, 4},
    {"zr_trends", (DL_FUNC)&zr_trends, 5},
    {"zr_compute", (DL_FUNC)&zr_compute, 8},
    {"zr_cohort", (DL_FUNC)&zr_cohort, 5},
    {"zr_statline", (DL_FUNC)&zr_statline, 3},
    {"zr_factsheet", (DL_FUNC)&zr_factsheet, 5},
    {"zr_generate", (DL_FUNC)&zr_generate, 4},
    {"zr_version", (DL_FUNC)&zr_version, 0},
    {"zr_constant", (DL_FUNC)&zr_constant, 1},
    {NULL, NULL, 0}};

void R_init_zvdj(DllInfo *dll) {
  R_registerRoutines(dll, NULL, kCalls, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  R_forceSymbols(dll, TRUE);
}
