// C API: person-level records from parallel arrays and from CSV files.
//
// The validation is the library's own (records_io.hpp). Every call is all or
// nothing: when it fails, the store is restored to what it was.
#include <array>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "zvdj/capi/c_api_internal.h"
#include "zvdj/date.hpp"
#include "zvdj/io/record_schema.h"
#include "zvdj/core/strings.h"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"
#include "zvdj/zvdj.h"

struct zvdj_load_report {
  zvdj::capi::ResultTable table;  // one row per skipped row
  size_t input_rows = 0;
  size_t loaded_rows = 0;
  size_t skipped_rows = 0;  // all skipped rows; the table holds the first ones
};

namespace zvdj::capi {
namespace {

bool IsEmpty(const RecordStore& s) {
  return s.persons.size() == 0 && s.providers.size() == 0 && s.jeugdhulp.size() == 0 &&
         s.jeugdbescherming.size() == 0 && s.verzuim.size() == 0 && s.vervolgzorg.size() == 0;
}

// Runs `f` on the store and puts the store back as it was when `f` fails. An
// empty store needs no copy.
template <class F>
absl::Status AllOrNothing(RecordStore& store, F f) {
  std::optional<RecordStore> backup;
  if (!IsEmpty(store)) backup = store;
  absl::Status s = f();
  if (!s.ok()) store = backup ? std::move(*backup) : RecordStore{};
  return s;
}

absl::Status RequireColumns(std::initializer_list<std::pair<const void*, const char*>> cols,
                            size_t rows) {
  if (rows == 0) return absl::OkStatus();
  for (const auto& [p, name] : cols) ZVDJ_RETURN_IF_ERROR(Require(p, name));
  return absl::OkStatus();
}

const LoadOptions kStrict{};

// The body of the zvdj_records_add_* functions: the rows as text columns in
// the order of the file's columns, checked and added by the code the CSV
// loaders use (record_schema.h), all or nothing.
template <typename T>
absl::Status AddColumns(zvdj_records* records, size_t rows,
                        std::initializer_list<std::pair<const void*, const char*>> required,
                        const std::array<const char* const*, std::size(T::kColumns)>& columns) {
  ZVDJ_CAPI_REQUIRE(records);
  ZVDJ_RETURN_IF_ERROR(RequireColumns(required, rows));
  return AllOrNothing(records->impl, [&] {
    return internal::AddTextRows<T>(&records->impl, rows, columns.data(), kStrict, nullptr);
  });
}

// ---- file loading ----

absl::StatusOr<LoadOptions> ToLoadOptions(const zvdj_load_options* opts) {
  LoadOptions o;
  if (opts == nullptr) return o;
  ZVDJ_RETURN_IF_ERROR(CheckOptionsVersion("zvdj_load_options", opts->version,
                                           ZVDJ_LOAD_OPTIONS_VERSION));
  switch (opts->mode) {
    case ZVDJ_LOAD_STRICT:
      o.mode = LoadMode::kStrict;
      break;
    case ZVDJ_LOAD_LENIENT:
      o.mode = LoadMode::kLenient;
      break;
    default:
      return absl::InvalidArgumentError("unknown load mode " + std::to_string(opts->mode));
  }
  if (opts->version >= 2) {  // version 1 structs have no `threads`
    if (opts->threads < 0 || opts->threads > 256) {
      return absl::InvalidArgumentError("threads must be from 0 to 256");
    }
    o.threads = opts->threads;
  }
  return o;
}

using FileLoader = absl::Status (*)(const std::string&, RecordStore*, const LoadOptions&,
                                    LoadReport*);
using TextLoader = absl::Status (*)(std::string_view, std::string_view, RecordStore*,
                                    const LoadOptions&, LoadReport*);

struct TableLoaders {
  const char* name;
  FileLoader file;
  TextLoader text;
};
constexpr TableLoaders kLoaders[] = {
    {"jeugdhulp", &LoadJeugdhulpCsv, &ParseJeugdhulpCsv},
    {"jeugdbescherming", &LoadJeugdbeschermingCsv, &ParseJeugdbeschermingCsv},
    {"verzuim", &LoadVerzuimCsv, &ParseVerzuimCsv},
    {"vervolgzorg", &LoadVervolgzorgCsv, &ParseVervolgzorgCsv},
    {"persons", &LoadPersonsCsv, &ParsePersonsCsv},
};

absl::StatusOr<const TableLoaders*> FindLoaders(const char* table) {
  ZVDJ_RETURN_IF_ERROR(Require(table, "table"));
  for (const TableLoaders& l : kLoaders) {
    if (std::string_view(table) == l.name) return &l;
  }
  return absl::NotFoundError("no record table '" + std::string(table) +
                             "' (jeugdhulp, jeugdbescherming, verzuim, vervolgzorg, persons)");
}

// Wraps a C++ LoadReport into a new handle for *out (when out is set).
absl::Status MakeReport(zvdj_load_report** out, const LoadReport& report) {
  if (out == nullptr) return absl::OkStatus();
  auto r = std::make_unique<zvdj_load_report>();
  r->input_rows = report.input_rows;
  r->loaded_rows = report.loaded_rows;
  r->skipped_rows = report.skipped_rows;
  r->table = ToTable(report);
  *out = r.release();
  return absl::OkStatus();
}

}  // namespace
}  // namespace zvdj::capi

using zvdj::capi::Guard;

extern "C" {

ZVDJ_API zvdj_status zvdj_records_create(zvdj_records** out) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    *out = new zvdj_records();
    return absl::OkStatus();
  });
}

ZVDJ_API void zvdj_records_destroy(zvdj_records* records) { delete records; }

ZVDJ_API zvdj_status zvdj_records_add_jeugdhulp(
    zvdj_records* records, size_t rows, const char* const* person_ids,
    const char* const* birth_dates, const char* const* municipalities,
    const char* const* providers, const char* const* forms, const char* const* start_dates,
    const char* const* end_dates, const char* const* end_reasons) {
  return Guard([&] {
    return zvdj::capi::AddColumns<zvdj::internal::JeugdhulpTraits>(
        records, rows,
        {{person_ids, "person_ids"},
         {birth_dates, "birth_dates"},
         {municipalities, "municipalities"},
         {providers, "providers"},
         {forms, "forms"},
         {start_dates, "start_dates"}},
        {person_ids, birth_dates, municipalities, providers, forms, start_dates, end_dates,
         end_reasons});
  });
}

ZVDJ_API zvdj_status zvdj_records_add_jeugdbescherming(
    zvdj_records* records, size_t rows, const char* const* person_ids,
    const char* const* birth_dates, const char* const* municipalities,
    const char* const* measures, const char* const* start_dates,
    const char* const* end_dates) {
  return Guard([&] {
    return zvdj::capi::AddColumns<zvdj::internal::JeugdbeschermingTraits>(
        records, rows,
        {{person_ids, "person_ids"},
         {birth_dates, "birth_dates"},
         {municipalities, "municipalities"},
         {measures, "measures"},
         {start_dates, "start_dates"}},
        {person_ids, birth_dates, municipalities, measures, start_dates, end_dates});
  });
}

ZVDJ_API zvdj_status zvdj_records_add_verzuim(
    zvdj_records* records, size_t rows, const char* const* person_ids,
    const char* const* birth_dates, const char* const* municipalities,
    const char* const* kinds, const char* const* start_dates, const char* const* end_dates) {
  return Guard([&] {
    return zvdj::capi::AddColumns<zvdj::internal::VerzuimTraits>(
        records, rows,
        {{person_ids, "person_ids"},
         {birth_dates, "birth_dates"},
         {municipalities, "municipalities"},
         {kinds, "kinds"},
         {start_dates, "start_dates"}},
        {person_ids, birth_dates, municipalities, kinds, start_dates, end_dates});
  });
}

ZVDJ_API zvdj_status zvdj_records_add_vervolgzorg(zvdj_records* records, size_t rows,
                                                  const char* const* person_ids,
                                                  const char* const* kinds,
                                                  const char* const* start_dates,
                                                  const char* const* end_dates) {
  return Guard([&] {
    return zvdj::capi::AddColumns<zvdj::internal::VervolgzorgTraits>(
        records, rows,
        {{person_ids, "person_ids"}, {kinds, "kinds"}, {start_dates, "start_dates"}},
        {person_ids, kinds, start_dates, end_dates});
  });
}

ZVDJ_API zvdj_status zvdj_records_add_persons(zvdj_records* records, size_t rows,
                                              const char* const* person_ids,
                                              const char* const* birth_dates,
                                              const char* const* exit_dates,
                                              const char* const* exit_reasons) {
  return Guard([&] {
    return zvdj::capi::AddColumns<zvdj::internal::PersonsTraits>(
        records, rows, {{person_ids, "person_ids"}},
        {person_ids, birth_dates, exit_dates, exit_reasons});
  });
}

ZVDJ_API zvdj_status zvdj_records_count(size_t* out, const zvdj_records* records,
                                        const char* table) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(out);
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_CAPI_REQUIRE(table);
    const zvdj::RecordStore& s = records->impl;
    const std::string_view t(table);
    if (t == "persons") {
      *out = s.persons.size();
    } else if (t == "providers") {
      *out = s.providers.size();
    } else if (t == "jeugdhulp") {
      *out = s.jeugdhulp.size();
    } else if (t == "jeugdbescherming") {
      *out = s.jeugdbescherming.size();
    } else if (t == "verzuim") {
      *out = s.verzuim.size();
    } else if (t == "vervolgzorg") {
      *out = s.vervolgzorg.size();
    } else {
      return absl::NotFoundError("no record table '" + std::string(t) +
                                 "' (persons, providers, jeugdhulp, jeugdbescherming, "
                                 "verzuim, vervolgzorg)");
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_load_options_init(zvdj_load_options* opts, uint32_t version) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(opts);
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::CheckOptionsVersion("zvdj_load_options", version,
                                                         ZVDJ_LOAD_OPTIONS_VERSION));
    opts->version = version;
    opts->mode = ZVDJ_LOAD_STRICT;
    if (version >= 2) opts->threads = zvdj::LoadOptions{}.threads;
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_records_load_csv(zvdj_load_report** report, zvdj_records* records,
                                           const char* table, const char* path,
                                           const zvdj_load_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_CAPI_REQUIRE(path);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::capi::TableLoaders* l, zvdj::capi::FindLoaders(table));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::LoadOptions o, zvdj::capi::ToLoadOptions(opts));
    zvdj::LoadReport rep;
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::AllOrNothing(
        records->impl, [&] { return l->file(path, &records->impl, o, &rep); }));
    return zvdj::capi::MakeReport(report, rep);
  });
}

ZVDJ_API zvdj_status zvdj_records_parse_csv(zvdj_load_report** report, zvdj_records* records,
                                            const char* table, const char* text,
                                            size_t length, const char* source_name,
                                            const zvdj_load_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(records);
    if (length > 0) ZVDJ_CAPI_REQUIRE(text);
    ZVDJ_ASSIGN_OR_RETURN(const zvdj::capi::TableLoaders* l, zvdj::capi::FindLoaders(table));
    ZVDJ_ASSIGN_OR_RETURN(zvdj::LoadOptions o, zvdj::capi::ToLoadOptions(opts));
    zvdj::LoadReport rep;
    const std::string_view body(text == nullptr ? "" : text, length);
    const std::string_view source = source_name == nullptr ? "<memory>" : source_name;
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::AllOrNothing(
        records->impl, [&] { return l->text(body, source, &records->impl, o, &rep); }));
    return zvdj::capi::MakeReport(report, rep);
  });
}

ZVDJ_API zvdj_status zvdj_records_load_files(zvdj_load_report** report, zvdj_records* records,
                                             const char* jeugdhulp,
                                             const char* jeugdbescherming, const char* verzuim,
                                             const char* vervolgzorg, const char* persons,
                                             const zvdj_load_options* opts) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_ASSIGN_OR_RETURN(zvdj::LoadOptions o, zvdj::capi::ToLoadOptions(opts));
    zvdj::RecordFilePaths paths;
    paths.jeugdhulp = zvdj::capi::View(jeugdhulp);
    paths.jeugdbescherming = zvdj::capi::View(jeugdbescherming);
    paths.verzuim = zvdj::capi::View(verzuim);
    paths.vervolgzorg = zvdj::capi::View(vervolgzorg);
    paths.persons = zvdj::capi::View(persons);
    zvdj::LoadReport rep;
    ZVDJ_RETURN_IF_ERROR(zvdj::capi::AllOrNothing(
        records->impl, [&] { return zvdj::LoadRecordFiles(paths, &records->impl, o, &rep); }));
    return zvdj::capi::MakeReport(report, rep);
  });
}

ZVDJ_API zvdj_status zvdj_load_report_counts(size_t* out_input_rows, size_t* out_loaded_rows,
                                             size_t* out_skipped_rows,
                                             const zvdj_load_report* report) {
  return Guard([&]() -> absl::Status {
    ZVDJ_CAPI_REQUIRE(report);
    if (out_input_rows != nullptr) *out_input_rows = report->input_rows;
    if (out_loaded_rows != nullptr) *out_loaded_rows = report->loaded_rows;
    if (out_skipped_rows != nullptr) *out_skipped_rows = report->skipped_rows;
    return absl::OkStatus();
  });
}

ZVDJ_CAPI_TABLE_API(zvdj_load_report, zvdj_load_report, h->table.ToCsv())

}  // extern "C"
