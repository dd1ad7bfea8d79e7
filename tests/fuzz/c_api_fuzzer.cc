// Fuzzes the C API entry points that take text: the first input byte picks the
// entry point, the second an option, the rest is the text. Invariants: no
// crash or leak; a failing call returns a non-OK code that equals
// zvdj_last_error_code() and leaves a non-empty zvdj_last_error_message();
// an accepted handle can be queried through every accessor and destroyed;
// every (buffer, capacity, written) call reports the same size for the size
// query, a too-small buffer (ZVDJ_OUT_OF_RANGE) and the real call, and
// NUL-terminates strings.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "zvdj/zvdj.h"

namespace {

// Checks the error invariants of a call's result; true when it succeeded.
bool Ok(zvdj_status s, const char* call) {
  if (s == ZVDJ_OK) return true;
  ZVDJ_FUZZ_CHECK(zvdj_last_error_code() == s, call);
  const char* msg = zvdj_last_error_message();
  ZVDJ_FUZZ_CHECK(msg != nullptr && msg[0] != '\0', call);
  return false;
}

// Runs a string-returning call through the buffer convention; returns the
// string (empty on failure of the size query).
template <typename F>
std::string GetString(F call, const char* name) {
  size_t need = 0;
  if (!Ok(call(nullptr, 0, &need), name)) return {};
  ZVDJ_FUZZ_CHECK(need >= 1, name);
  std::vector<char> buf(need + 1, '\x7f');
  if (need > 1) {
    size_t w = 0;
    const zvdj_status s = call(buf.data(), need - 1, &w);
    ZVDJ_FUZZ_CHECK(s == ZVDJ_OUT_OF_RANGE, name);
    ZVDJ_FUZZ_CHECK(w == need, name);
    ZVDJ_FUZZ_CHECK(buf[0] == '\x7f', std::string(name) + ": wrote into a too-small buffer");
    zvdj_clear_last_error();
  }
  size_t w = 0;
  ZVDJ_FUZZ_CHECK(Ok(call(buf.data(), need, &w), name), name);
  ZVDJ_FUZZ_CHECK(w == need, name);
  ZVDJ_FUZZ_CHECK(buf[need - 1] == '\0', std::string(name) + ": not NUL-terminated");
  ZVDJ_FUZZ_CHECK(buf[need] == '\x7f', std::string(name) + ": wrote past the capacity");
  return std::string(buf.data(), need - 1);
}

// The same for arrays of elements: size query, then the real call.
template <typename T, typename F>
std::vector<T> GetArray(F call, const char* name) {
  size_t need = 0;
  if (!Ok(call(nullptr, 0, &need), name)) return {};
  std::vector<T> buf(need + 1);
  if (need > 0) {
    size_t w = 0;
    ZVDJ_FUZZ_CHECK(call(buf.data(), need - 1, &w) == ZVDJ_OUT_OF_RANGE, name);
    ZVDJ_FUZZ_CHECK(w == need, name);
    zvdj_clear_last_error();
  }
  size_t w = 0;
  ZVDJ_FUZZ_CHECK(Ok(call(buf.data(), need, &w), name), name);
  ZVDJ_FUZZ_CHECK(w == need, name);
  buf.resize(need);
  return buf;
}

void Dataset(std::string_view text, uint8_t option) {
  zvdj_read_options opts;
  ZVDJ_FUZZ_CHECK(zvdj_read_options_init(&opts, ZVDJ_READ_OPTIONS_VERSION) == ZVDJ_OK, "init");
  opts.number_format = option % 3;
  zvdj_dataset* ds = nullptr;
  if (!Ok(zvdj_dataset_parse_csv(&ds, text.data(), text.size(), "fuzz.csv", &opts),
          "zvdj_dataset_parse_csv")) {
    ZVDJ_FUZZ_CHECK(ds == nullptr, "*out written on failure");
    ZVDJ_FUZZ_CHECK(std::strncmp(zvdj_last_error_message(), "fuzz.csv:", 9) == 0,
                    zvdj_last_error_message());
    return;
  }
  size_t rows = 0, dims = 0;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_size(&rows, ds), "size"), "size");
  ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_dimension_count(&dims, ds), "dims"), "dims");
  std::vector<std::string> columns = {"indicator", "period", "region", "status", "value", "note"};
  for (size_t d = 0; d < dims; ++d) {
    columns.push_back(GetString(
        [&](char* b, size_t c, size_t* w) { return zvdj_dataset_dimension_name(b, c, w, ds, d); },
        "zvdj_dataset_dimension_name"));
  }
  size_t ignored = 0;
  ZVDJ_FUZZ_CHECK(zvdj_dataset_dimension_name(nullptr, 0, &ignored, ds, dims) ==
                      ZVDJ_OUT_OF_RANGE,
                  "dimension past the end");
  zvdj_clear_last_error();
  const auto values = GetArray<double>(
      [&](double* v, size_t c, size_t* w) { return zvdj_dataset_get_values(v, nullptr, c, w, ds); },
      "zvdj_dataset_get_values");
  const auto statuses = GetArray<int32_t>(
      [&](int32_t* v, size_t c, size_t* w) { return zvdj_dataset_get_statuses(v, c, w, ds); },
      "zvdj_dataset_get_statuses");
  const auto selected = GetArray<size_t>(
      [&](size_t* v, size_t c, size_t* w) { return zvdj_dataset_select(v, c, w, ds, nullptr); },
      "zvdj_dataset_select");
  ZVDJ_FUZZ_CHECK(values.size() == rows && statuses.size() == rows && selected.size() == rows,
                  "array sizes");
  for (size_t r = 0; r < rows && r < 64; ++r) {
    double v = 0;
    int32_t st = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_get_value(&v, &st, ds, r), "get_value"), "get_value");
    ZVDJ_FUZZ_CHECK(st == statuses[r], "status differs");
    ZVDJ_FUZZ_CHECK((std::isnan(v) && std::isnan(values[r])) || v == values[r], "value differs");
    std::vector<std::string> key;
    for (const std::string& col : columns) {
      key.push_back(GetString(
          [&](char* b, size_t c, size_t* w) {
            return zvdj_dataset_get_string(b, c, w, ds, r, col.c_str());
          },
          "zvdj_dataset_get_string"));
    }
    std::vector<const char*> names, vals;
    for (size_t d = 0; d < dims; ++d) {
      names.push_back(columns[6 + d].c_str());
      vals.push_back(key[6 + d].c_str());
    }
    size_t found = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_find(&found, ds, key[0].c_str(), key[2].c_str(),
                                         key[1].c_str(), dims, names.data(), vals.data()),
                       "find"),
                    "zvdj_dataset_find does not find a row's own key");
    ZVDJ_FUZZ_CHECK(found == r, "zvdj_dataset_find returned another row");
  }
  ZVDJ_FUZZ_CHECK(zvdj_dataset_get_value(nullptr, nullptr, ds, rows) == ZVDJ_OUT_OF_RANGE,
                  "row past the end");
  zvdj_clear_last_error();
  const std::string csv = GetString(
      [&](char* b, size_t c, size_t* w) { return zvdj_dataset_to_csv(b, c, w, ds); },
      "zvdj_dataset_to_csv");
  zvdj_dataset* again = nullptr;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_parse_csv(&again, csv.data(), csv.size(), nullptr, nullptr),
                     "reparse"),
                  csv);
  size_t rows2 = 0;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_size(&rows2, again), "size") && rows2 == rows, csv);
  zvdj_dataset* clone = nullptr;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_dataset_clone(&clone, ds), "clone"), "clone");
  Ok(zvdj_dataset_append(clone, again), "zvdj_dataset_append");  // duplicates fail
  zvdj_dataset_destroy(clone);
  zvdj_dataset_destroy(again);
  zvdj_dataset_destroy(ds);
}

void Catalogue(std::string_view text) {
  zvdj_catalogue* cat = nullptr;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_catalogue_create(&cat), "create"), "create");
  if (Ok(zvdj_catalogue_parse_csv(cat, text.data(), text.size(), "fuzz.csv"),
         "zvdj_catalogue_parse_csv")) {
    size_t n = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_catalogue_size(&n, cat), "size"), "size");
    for (size_t i = 0; i < n && i < 32; ++i) {
      const std::string id = GetString(
          [&](char* b, size_t c, size_t* w) { return zvdj_catalogue_id(b, c, w, cat, i); },
          "zvdj_catalogue_id");
      for (const char* field : {"id", "name_nl", "name_en", "unit", "counting_unit",
                                "period_kind", "direction", "source", "overrides"}) {
        GetString([&](char* b, size_t c,
                      size_t* w) { return zvdj_catalogue_get_string(b, c, w, cat, id.c_str(), field); },
                  "zvdj_catalogue_get_string");
      }
      int32_t unit = 0, cu = 0, pk = 0, dir = 0;
      ZVDJ_FUZZ_CHECK(Ok(zvdj_catalogue_info(&unit, &cu, &pk, &dir, cat, id.c_str()), "info"),
                      id);
    }
    GetString([&](char* b, size_t c, size_t* w) { return zvdj_catalogue_to_csv(b, c, w, cat); },
              "zvdj_catalogue_to_csv");
  }
  zvdj_catalogue_destroy(cat);
}

void Breaks(std::string_view text) {
  zvdj_breaks* br = nullptr;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_breaks_create(&br), "create"), "create");
  if (Ok(zvdj_breaks_parse_csv(br, text.data(), text.size(), "fuzz.csv"),
         "zvdj_breaks_parse_csv")) {
    size_t n = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_breaks_size(&n, br), "size"), "size");
    for (size_t i = 0; i < n && i < 32; ++i) {
      std::string f[7];
      int k = 0;
      for (const char* field :
           {"indicator", "region", "before", "after", "reason", "source", "dims"}) {
        f[k++] = GetString(
            [&](char* b, size_t c, size_t* w) { return zvdj_breaks_get_string(b, c, w, br, i, field); },
            "zvdj_breaks_get_string");
      }
      int64_t idx = -1;
      Ok(zvdj_breaks_blocking(&idx, br, f[0].c_str(), f[1].c_str(), f[2].c_str(), f[3].c_str(),
                              0, nullptr, nullptr),
         "zvdj_breaks_blocking");
    }
    GetString([&](char* b, size_t c, size_t* w) { return zvdj_breaks_to_csv(b, c, w, br); },
              "zvdj_breaks_to_csv");
  }
  zvdj_breaks_destroy(br);
}

void Records(std::string_view text, uint8_t option) {
  static const char* const kTables[] = {"jeugdhulp", "jeugdbescherming", "verzuim",
                                        "vervolgzorg", "persons"};
  zvdj_records* rec = nullptr;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_records_create(&rec), "create"), "create");
  zvdj_load_options opts;
  ZVDJ_FUZZ_CHECK(zvdj_load_options_init(&opts, ZVDJ_LOAD_OPTIONS_VERSION) == ZVDJ_OK, "init");
  opts.mode = (option / 5) % 2 == 0 ? ZVDJ_LOAD_STRICT : ZVDJ_LOAD_LENIENT;
  zvdj_load_report* report = nullptr;
  if (Ok(zvdj_records_parse_csv(&report, rec, kTables[option % 5], text.data(), text.size(),
                                "fuzz.csv", &opts),
         "zvdj_records_parse_csv")) {
    for (const char* t : kTables) {
      size_t n = 0;
      ZVDJ_FUZZ_CHECK(Ok(zvdj_records_count(&n, rec, t), "count"), t);
    }
    size_t in = 0, loaded = 0, skipped = 0, rows = 0, cols = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_load_report_counts(&in, &loaded, &skipped, report), "counts"), "");
    ZVDJ_FUZZ_CHECK(Ok(zvdj_load_report_rows(&rows, report), "rows"), "");
    ZVDJ_FUZZ_CHECK(rows == skipped, "report rows != skipped rows");
    ZVDJ_FUZZ_CHECK(Ok(zvdj_load_report_column_count(&cols, report), "cols"), "");
    for (size_t c = 0; c < cols; ++c) {
      const std::string name = GetString(
          [&](char* b, size_t cap, size_t* w) {
            return zvdj_load_report_column_name(b, cap, w, report, c);
          },
          "zvdj_load_report_column_name");
      for (size_t r = 0; r < rows && r < 16; ++r) {
        GetString(
            [&](char* b, size_t cap, size_t* w) {
              return zvdj_load_report_get_string(b, cap, w, report, r, name.c_str());
            },
            "zvdj_load_report_get_string");
      }
    }
    GetString(
        [&](char* b, size_t c, size_t* w) { return zvdj_load_report_to_csv(b, c, w, report); },
        "zvdj_load_report_to_csv");
  }
  zvdj_load_report_destroy(report);
  zvdj_records_destroy(rec);
}

void Periods(const std::string& code) {
  const std::string norm = GetString(
      [&](char* b, size_t c, size_t* w) { return zvdj_period_normalize(b, c, w, code.c_str()); },
      "zvdj_period_normalize");
  if (norm.empty()) return;
  const std::string again = GetString(
      [&](char* b, size_t c, size_t* w) { return zvdj_period_normalize(b, c, w, norm.c_str()); },
      "zvdj_period_normalize");
  ZVDJ_FUZZ_CHECK(again == norm, norm + " normalizes to " + again);
  const std::string prev = GetString(
      [&](char* b, size_t c, size_t* w) { return zvdj_period_predecessor(b, c, w, code.c_str()); },
      "zvdj_period_predecessor");
  const std::string next = GetString(
      [&](char* b, size_t c, size_t* w) { return zvdj_period_successor(b, c, w, code.c_str()); },
      "zvdj_period_successor");
  int32_t kind = 0, year = 0, index = 0, first = 0, last = 0;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_period_info(&kind, &year, &index, &first, &last, code.c_str()), "info"),
                  code);
  ZVDJ_FUZZ_CHECK(first <= last, code);
  ZVDJ_FUZZ_CHECK(zvdj_period_kind_name(kind) != nullptr, code);
  int32_t cmp = 2;
  ZVDJ_FUZZ_CHECK(Ok(zvdj_period_compare(&cmp, code.c_str(), norm.c_str()), "compare") &&
                      cmp == 0,
                  code);
  if (!prev.empty()) {
    ZVDJ_FUZZ_CHECK(Ok(zvdj_period_compare(&cmp, prev.c_str(), code.c_str()), "compare") &&
                        cmp == -1,
                    prev + " vs " + code);
    double years = 0;
    Ok(zvdj_period_years_between(&years, prev.c_str(), code.c_str()), "years_between");
  }
  if (!next.empty()) {
    ZVDJ_FUZZ_CHECK(Ok(zvdj_period_compare(&cmp, next.c_str(), code.c_str()), "compare") &&
                        cmp == 1,
                    next + " vs " + code);
  }
}

void Numbers(const std::string& text, uint8_t option) {
  double v = 0;
  if (Ok(zvdj_parse_number(&v, text.c_str(), option % 3), "zvdj_parse_number")) {
    ZVDJ_FUZZ_CHECK(std::isfinite(v), text);
    const std::string plain = GetString(
        [&](char* b, size_t c, size_t* w) { return zvdj_format_plain(b, c, w, v); },
        "zvdj_format_plain");
    double back = 0;
    ZVDJ_FUZZ_CHECK(Ok(zvdj_parse_number(&back, plain.c_str(), ZVDJ_NUMBER_FORMAT_PLAIN),
                       "reparse") &&
                        back == v,
                    plain);
    const int32_t decimals = option % 4;
    GetString([&](char* b, size_t c,
                  size_t* w) { return zvdj_format_dutch(b, c, w, v, decimals); },
              "zvdj_format_dutch");
    GetString([&](char* b, size_t c,
                  size_t* w) { return zvdj_format_dutch_percent(b, c, w, v, decimals); },
              "zvdj_format_dutch_percent");
    GetString([&](char* b, size_t c,
                  size_t* w) { return zvdj_format_dutch_signed(b, c, w, v, decimals); },
              "zvdj_format_dutch_signed");
  }
  int32_t days = 0;
  if (Ok(zvdj_date_parse(&days, text.c_str()), "zvdj_date_parse")) {
    const std::string iso = GetString(
        [&](char* b, size_t c, size_t* w) { return zvdj_date_format(b, c, w, days); },
        "zvdj_date_format");
    ZVDJ_FUZZ_CHECK(iso == text, iso + " vs " + text);
  }
  int64_t constant = 0;
  Ok(zvdj_constant(&constant, text.c_str()), "zvdj_constant");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t which = data[0];
  const uint8_t option = data[1];
  const std::string_view text = zvdj::fuzz::AsText(data + 2, size - 2);
  // C strings stop at the first NUL; the text APIs take the length instead.
  const std::string ctext(text.substr(0, text.find('\0')));
  zvdj_clear_last_error();
  switch (which % 6) {
    case 0: Dataset(text, option); break;
    case 1: Catalogue(text); break;
    case 2: Breaks(text); break;
    case 3: Records(text, option); break;
    case 4: Periods(ctext); break;
    case 5: Numbers(ctext, option); break;
  }
  return 0;
}
