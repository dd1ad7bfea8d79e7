// C API: person-level records from parallel arrays.
//
// Each add function validates every row before it changes the store, so a
// failing call leaves the store as it was.
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "zvdj/c_api_internal.h"
#include "zvdj/date.hpp"
#include "zvdj/internal/strings.h"
#include "zvdj/records.hpp"
#include "zvdj/zvdj.h"

namespace zvdj::capi {
namespace {

// Reads column `name` of row `row` of a text array; NULL arrays and NULL
// elements are "".
class Columns {
 public:
  explicit Columns(size_t row) : row_(row) {}

  std::string_view Text(const char* const* column) const {
    return column == nullptr ? std::string_view() : View(column[row_]);
  }

  absl::Status Error(std::string_view column, std::string_view reason) const {
    return absl::InvalidArgumentError("row " + std::to_string(row_) + ": " +
                                      std::string(reason) + " (column '" +
                                      std::string(column) + "')");
  }
  absl::Status Error(std::string_view column, const absl::Status& s) const {
    return Error(column, internal::ToStd(s.message()));
  }

  // A date; `empty` is returned for an empty optional field.
  absl::StatusOr<int32_t> Date(const char* const* column, std::string_view name,
                               bool required, int32_t empty) const {
    const std::string_view text = Text(column);
    if (text.empty()) {
      if (required) return Error(name, "empty date");
      return empty;
    }
    absl::StatusOr<zvdj::Date> d = zvdj::Date::Parse(text);
    if (!d.ok()) return Error(name, d.status());
    return d->days();
  }

  absl::StatusOr<uint16_t> Municipality(const char* const* column) const {
    absl::StatusOr<uint16_t> m = ParseMunicipalityCode(Text(column));
    if (!m.ok()) return Error("municipality", m.status());
    return *m;
  }

  template <class T, class Parser>
  absl::StatusOr<T> Code(const char* const* column, std::string_view name,
                         Parser parse) const {
    absl::StatusOr<T> v = parse(Text(column));
    if (!v.ok()) return Error(name, v.status());
    return *v;
  }

  absl::StatusOr<std::string_view> Person(const char* const* column) const {
    const std::string_view id = Text(column);
    if (id.empty()) return Error("person_id", "empty person id");
    return id;
  }

  absl::Status Interval(int32_t start, int32_t end) const {
    if (end != kOpenEnd && end < start) return Error("end_date", "end date before start date");
    return absl::OkStatus();
  }

 private:
  size_t row_;
};

// Checks that birth dates agree with the store and within the batch, and
// returns them per row (kNoDate where none is given).
class BirthChecker {
 public:
  explicit BirthChecker(const PersonTable& persons) : persons_(persons) {}

  absl::Status Check(const Columns& c, std::string_view person, int32_t birth) {
    if (birth == kNoDate) return absl::OkStatus();
    int32_t known = kNoDate;
    if (auto it = batch_.find(std::string(person)); it != batch_.end()) {
      known = it->second;
    } else if (auto code = persons_.ids.Find(person)) {
      known = persons_.birth[*code];
    }
    if (known != kNoDate && known != birth) {
      return c.Error("birth_date", "person '" + std::string(person) + "' was born on " +
                                       zvdj::Date::FromDays(known).ToString() +
                                       " in an earlier row");
    }
    batch_[std::string(person)] = birth;
    return absl::OkStatus();
  }

 private:
  const PersonTable& persons_;
  absl::flat_hash_map<std::string, int32_t> batch_;
};

uint32_t CommitPerson(PersonTable& persons, std::string_view id, int32_t birth) {
  const uint32_t p = persons.Intern(id);
  if (birth != kNoDate) persons.birth[p] = birth;
  return p;
}

absl::Status RequireColumns(std::initializer_list<std::pair<const void*, const char*>> cols,
                            size_t rows) {
  if (rows == 0) return absl::OkStatus();
  for (const auto& [p, name] : cols) ZVDJ_RETURN_IF_ERROR(Require(p, name));
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
  return Guard([&]() -> absl::Status {
    using namespace zvdj;
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_RETURN_IF_ERROR(capi::RequireColumns({{person_ids, "person_ids"},
                                               {birth_dates, "birth_dates"},
                                               {municipalities, "municipalities"},
                                               {forms, "forms"},
                                               {start_dates, "start_dates"}},
                                              rows));
    RecordStore& store = records->impl;
    struct Pending {
      std::string_view person;
      int32_t birth;
      JeugdhulpRow row;
    };
    std::vector<Pending> pending;
    pending.reserve(rows);
    capi::BirthChecker births(store.persons);
    for (size_t r = 0; r < rows; ++r) {
      const capi::Columns c(r);
      Pending p;
      ZVDJ_ASSIGN_OR_RETURN(p.person, c.Person(person_ids));
      ZVDJ_ASSIGN_OR_RETURN(p.birth, c.Date(birth_dates, "birth_date", true, kNoDate));
      ZVDJ_RETURN_IF_ERROR(births.Check(c, p.person, p.birth));
      ZVDJ_ASSIGN_OR_RETURN(p.row.municipality, c.Municipality(municipalities));
      ZVDJ_ASSIGN_OR_RETURN(p.row.form,
                            c.Code<JeugdhulpForm>(forms, "form", ParseJeugdhulpForm));
      ZVDJ_ASSIGN_OR_RETURN(p.row.start, c.Date(start_dates, "start_date", true, 0));
      ZVDJ_ASSIGN_OR_RETURN(p.row.end, c.Date(end_dates, "end_date", false, kOpenEnd));
      ZVDJ_RETURN_IF_ERROR(c.Interval(p.row.start, p.row.end));
      ZVDJ_ASSIGN_OR_RETURN(p.row.end_reason,
                            c.Code<EndReason>(end_reasons, "end_reason", ParseEndReason));
      pending.push_back(p);
    }
    store.jeugdhulp.Reserve(store.jeugdhulp.size() + rows);
    for (size_t r = 0; r < rows; ++r) {
      Pending& p = pending[r];
      p.row.person = capi::CommitPerson(store.persons, p.person, p.birth);
      p.row.provider = store.providers.Intern(capi::Columns(r).Text(providers));
      store.jeugdhulp.Append(p.row);
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_records_add_jeugdbescherming(
    zvdj_records* records, size_t rows, const char* const* person_ids,
    const char* const* birth_dates, const char* const* municipalities,
    const char* const* measures, const char* const* start_dates,
    const char* const* end_dates) {
  return Guard([&]() -> absl::Status {
    using namespace zvdj;
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_RETURN_IF_ERROR(capi::RequireColumns({{person_ids, "person_ids"},
                                               {birth_dates, "birth_dates"},
                                               {municipalities, "municipalities"},
                                               {measures, "measures"},
                                               {start_dates, "start_dates"}},
                                              rows));
    RecordStore& store = records->impl;
    struct Pending {
      std::string_view person;
      int32_t birth;
      JeugdbeschermingRow row;
    };
    std::vector<Pending> pending;
    pending.reserve(rows);
    capi::BirthChecker births(store.persons);
    for (size_t r = 0; r < rows; ++r) {
      const capi::Columns c(r);
      Pending p;
      ZVDJ_ASSIGN_OR_RETURN(p.person, c.Person(person_ids));
      ZVDJ_ASSIGN_OR_RETURN(p.birth, c.Date(birth_dates, "birth_date", true, kNoDate));
      ZVDJ_RETURN_IF_ERROR(births.Check(c, p.person, p.birth));
      ZVDJ_ASSIGN_OR_RETURN(p.row.municipality, c.Municipality(municipalities));
      ZVDJ_ASSIGN_OR_RETURN(p.row.measure,
                            c.Code<Measure>(measures, "measure", ParseMeasure));
      ZVDJ_ASSIGN_OR_RETURN(p.row.start, c.Date(start_dates, "start_date", true, 0));
      ZVDJ_ASSIGN_OR_RETURN(p.row.end, c.Date(end_dates, "end_date", false, kOpenEnd));
      ZVDJ_RETURN_IF_ERROR(c.Interval(p.row.start, p.row.end));
      pending.push_back(p);
    }
    store.jeugdbescherming.Reserve(store.jeugdbescherming.size() + rows);
    for (Pending& p : pending) {
      p.row.person = capi::CommitPerson(store.persons, p.person, p.birth);
      store.jeugdbescherming.Append(p.row);
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_records_add_verzuim(
    zvdj_records* records, size_t rows, const char* const* person_ids,
    const char* const* birth_dates, const char* const* municipalities,
    const char* const* kinds, const char* const* start_dates, const char* const* end_dates) {
  return Guard([&]() -> absl::Status {
    using namespace zvdj;
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_RETURN_IF_ERROR(capi::RequireColumns({{person_ids, "person_ids"},
                                               {birth_dates, "birth_dates"},
                                               {municipalities, "municipalities"},
                                               {kinds, "kinds"},
                                               {start_dates, "start_dates"}},
                                              rows));
    RecordStore& store = records->impl;
    struct Pending {
      std::string_view person;
      int32_t birth;
      VerzuimRow row;
    };
    std::vector<Pending> pending;
    pending.reserve(rows);
    capi::BirthChecker births(store.persons);
    for (size_t r = 0; r < rows; ++r) {
      const capi::Columns c(r);
      Pending p;
      ZVDJ_ASSIGN_OR_RETURN(p.person, c.Person(person_ids));
      ZVDJ_ASSIGN_OR_RETURN(p.birth, c.Date(birth_dates, "birth_date", true, kNoDate));
      ZVDJ_RETURN_IF_ERROR(births.Check(c, p.person, p.birth));
      ZVDJ_ASSIGN_OR_RETURN(p.row.municipality, c.Municipality(municipalities));
      ZVDJ_ASSIGN_OR_RETURN(p.row.kind,
                            c.Code<VerzuimKind>(kinds, "kind", ParseVerzuimKind));
      ZVDJ_ASSIGN_OR_RETURN(p.row.start, c.Date(start_dates, "start_date", true, 0));
      ZVDJ_ASSIGN_OR_RETURN(p.row.end, c.Date(end_dates, "end_date", false, kOpenEnd));
      ZVDJ_RETURN_IF_ERROR(c.Interval(p.row.start, p.row.end));
      pending.push_back(p);
    }
    store.verzuim.Reserve(store.verzuim.size() + rows);
    for (Pending& p : pending) {
      p.row.person = capi::CommitPerson(store.persons, p.person, p.birth);
      store.verzuim.Append(p.row);
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_records_add_vervolgzorg(zvdj_records* records, size_t rows,
                                                  const char* const* person_ids,
                                                  const char* const* kinds,
                                                  const char* const* start_dates,
                                                  const char* const* end_dates) {
  return Guard([&]() -> absl::Status {
    using namespace zvdj;
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_RETURN_IF_ERROR(capi::RequireColumns(
        {{person_ids, "person_ids"}, {kinds, "kinds"}, {start_dates, "start_dates"}}, rows));
    RecordStore& store = records->impl;
    struct Pending {
      std::string_view person;
      VervolgzorgRow row;
    };
    std::vector<Pending> pending;
    pending.reserve(rows);
    for (size_t r = 0; r < rows; ++r) {
      const capi::Columns c(r);
      Pending p;
      ZVDJ_ASSIGN_OR_RETURN(p.person, c.Person(person_ids));
      ZVDJ_ASSIGN_OR_RETURN(p.row.kind,
                            c.Code<VervolgzorgKind>(kinds, "kind", ParseVervolgzorgKind));
      ZVDJ_ASSIGN_OR_RETURN(p.row.start, c.Date(start_dates, "start_date", true, 0));
      ZVDJ_ASSIGN_OR_RETURN(p.row.end, c.Date(end_dates, "end_date", false, kOpenEnd));
      ZVDJ_RETURN_IF_ERROR(c.Interval(p.row.start, p.row.end));
      pending.push_back(p);
    }
    store.vervolgzorg.Reserve(store.vervolgzorg.size() + rows);
    for (Pending& p : pending) {
      p.row.person = capi::CommitPerson(store.persons, p.person, kNoDate);
      store.vervolgzorg.Append(p.row);
    }
    return absl::OkStatus();
  });
}

ZVDJ_API zvdj_status zvdj_records_add_persons(zvdj_records* records, size_t rows,
                                              const char* const* person_ids,
                                              const char* const* birth_dates,
                                              const char* const* exit_dates,
                                              const char* const* exit_reasons) {
  return Guard([&]() -> absl::Status {
    using namespace zvdj;
    ZVDJ_CAPI_REQUIRE(records);
    ZVDJ_RETURN_IF_ERROR(capi::RequireColumns({{person_ids, "person_ids"}}, rows));
    RecordStore& store = records->impl;
    struct Pending {
      std::string_view person;
      int32_t birth;
      int32_t exit;
      ExitReason reason;
    };
    std::vector<Pending> pending;
    pending.reserve(rows);
    capi::BirthChecker births(store.persons);
    for (size_t r = 0; r < rows; ++r) {
      const capi::Columns c(r);
      Pending p;
      ZVDJ_ASSIGN_OR_RETURN(p.person, c.Person(person_ids));
      ZVDJ_ASSIGN_OR_RETURN(p.birth, c.Date(birth_dates, "birth_date", false, kNoDate));
      ZVDJ_RETURN_IF_ERROR(births.Check(c, p.person, p.birth));
      ZVDJ_ASSIGN_OR_RETURN(p.exit, c.Date(exit_dates, "exit_date", false, kNoDate));
      ZVDJ_ASSIGN_OR_RETURN(p.reason,
                            c.Code<ExitReason>(exit_reasons, "exit_reason", ParseExitReason));
      if ((p.exit == kNoDate) != (p.reason == ExitReason::kNone)) {
        return c.Error("exit_reason", "exit_date and exit_reason must be given together");
      }
      pending.push_back(p);
    }
    for (const Pending& p : pending) {
      const uint32_t code = capi::CommitPerson(store.persons, p.person, p.birth);
      if (p.exit != kNoDate) {
        store.persons.exit[code] = p.exit;
        store.persons.exit_reason[code] = p.reason;
      }
    }
    return absl::OkStatus();
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

}  // extern "C"
