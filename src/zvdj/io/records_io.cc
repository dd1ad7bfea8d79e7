// Loaders for the person-level files. Each file has a small "traits" struct:
// how a CSV record becomes an input row (parsing dates), and how an input row is
// validated and appended to the store. The second step is shared with the array
// input, so the CSV and in-memory paths accept exactly the same rows.
#include "zvdj/records_io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/huge_pages.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"

namespace zvdj {
inline namespace v1 {

bool ParseIsoDateFast(std::string_view s, int32_t* days) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto digit = [&](size_t i) { return static_cast<unsigned>(s[i] - '0'); };
  const unsigned d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3), d5 = digit(5),
                 d6 = digit(6), d8 = digit(8), d9 = digit(9);
  // A byte that is not a digit wraps around to a large unsigned value.
  if ((d0 > 9) | (d1 > 9) | (d2 > 9) | (d3 > 9) | (d5 > 9) | (d6 > 9) | (d8 > 9) | (d9 > 9)) {
    return false;
  }
  const int y = static_cast<int>(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
  const int m = static_cast<int>(d5 * 10 + d6);
  const int d = static_cast<int>(d8 * 10 + d9);
  if (y < Date::kMinYear || m < 1 || m > 12 || d < 1) return false;
  // Three dates a row: tables instead of the general civil-from-days formula.
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kMonthDays[m - 1] + (m == 2 && leap)) return false;
  const int y1 = y - 1;
  // Days from 1970-01-01 to 1 January of y, then into the year.
  const int year_start = 365 * y + y1 / 4 - y1 / 100 + y1 / 400 - 719527;
  *days = year_start + kDaysBefore[m - 1] + (m > 2 && leap) + d - 1;
  return true;
}

namespace {

// A problem with one row: the field (index into the file's column list, -1 for
// the whole row) and the reason.
struct Issue {
  int field = -1;
  std::string message;
};

bool Fail(Issue* issue, int field, std::string message) {
  issue->field = field;
  issue->message = std::move(message);
  return false;
}

std::string DateText(int32_t days) { return Date::FromDays(days).ToString(); }

// Looks up a code name without building a status on the fast path: a small
// table keyed by length and first and last byte names the one candidate to
// compare (codes are parsed for every row).
template <typename E>
class NameIndex {
 public:
  NameIndex(std::string_view (*name)(E) noexcept, int count) {
    slot_.fill(kEmpty);
    for (int i = 0; i < count; ++i) {
      names_.push_back(name(static_cast<E>(i)));
      if (names_.back().empty()) continue;  // a "none" value has no name to match
      int8_t& slot = slot_[Key(names_.back())];
      slot = slot == kEmpty ? static_cast<int8_t>(i) : kShared;
    }
  }
  // The value named `s` among [first, count), or -1.
  int Find(std::string_view s, int first) const {
    if (s.empty()) return -1;
    const int8_t slot = slot_[Key(s)];
    if (slot >= 0) {
      const bool match = internal::ShortEqual(names_[static_cast<size_t>(slot)], s);
      return slot >= first && match ? slot : -1;
    }
    if (slot == kEmpty) return -1;
    for (size_t i = static_cast<size_t>(first); i < names_.size(); ++i) {
      if (names_[i] == s) return static_cast<int>(i);
    }
    return -1;
  }

 private:
  static constexpr int8_t kEmpty = -1, kShared = -2;
  static size_t Key(std::string_view s) {
    return (s.size() * 7 + static_cast<unsigned char>(s.front()) * 3 +
            static_cast<unsigned char>(s.back())) & 127;
  }
  std::vector<std::string_view> names_;
  std::array<int8_t, 128> slot_{};
};

template <typename E>
bool LookupName(std::string_view s, std::string_view (*name)(E) noexcept, int first, int count,
                E* out) {
  static const NameIndex<E> index(name, count);
  const int v = index.Find(s, first);
  if (v < 0 || v >= count) return false;
  *out = static_cast<E>(v);
  return true;
}

template <typename E>
bool Code(std::string_view s, int field, std::string_view (*name)(E) noexcept, int first,
          int count, absl::StatusOr<E> (*parse)(std::string_view), E* out, Issue* issue) {
  if (s.empty()) return Fail(issue, field, "missing value");
  if (LookupName(s, name, first, count, out)) return true;
  return Fail(issue, field, std::string(parse(s).status().message()));
}

bool Municipality(std::string_view s, int field, uint16_t* out, Issue* issue) {
  if (s.size() == 6 && s[0] == 'G' && s[1] == 'M') {
    unsigned v = 0;
    bool ok = true;
    for (size_t i = 2; i < 6; ++i) {
      const auto c = static_cast<unsigned>(s[i] - '0');
      ok &= c <= 9;
      v = v * 10 + c;
    }
    if (ok) {
      *out = static_cast<uint16_t>(v);
      return true;
    }
  }
  if (s.empty()) return Fail(issue, field, "missing value");
  return Fail(issue, field, std::string(ParseMunicipalityCode(s).status().message()));
}

bool Required(std::string_view s, int field, Issue* issue) {
  return !s.empty() || Fail(issue, field, "missing value");
}

// Rows of one load call: a one-entry cache for the person id (files are mostly
// grouped by person, so most rows skip the hash lookup).
class Sink {
 public:
  explicit Sink(RecordStore* store) : store_(store) {}
  RecordStore& store() { return *store_; }

  // `hash` is IdDictionary::Hash(id), computed where the row was read.
  std::optional<uint32_t> FindPerson(std::string_view id, uint64_t hash) {
    if (has_last_ && internal::ShortEqual(id, last_id_)) return last_code_;
    auto code = store_->persons.ids.Find(id, hash);
    if (code) Remember(id, *code);
    return code;
  }
  uint32_t InternPerson(std::string_view id, uint64_t hash, std::optional<uint32_t> found) {
    if (found) return *found;
    const uint32_t code = store_->persons.Intern(id, hash);
    Remember(id, code);
    return code;
  }
  // Providers are few (thousands) but change from row to row, so a small
  // direct-mapped cache in front of the dictionary saves most hash lookups.
  uint32_t InternProvider(std::string_view id, uint64_t hash) {
    ProviderSlot& slot = providers_[(hash ^ (hash >> 29)) & (kProviderSlots - 1)];
    if (slot.used && internal::ShortEqual(slot.id, id)) return slot.code;
    slot.code = store_->providers.Intern(id, hash);
    slot.id.assign(id);
    slot.used = true;
    return slot.code;
  }

  // Checks that `birth` agrees with what is known of the person; `found` is
  // the person's code when already known.
  bool CheckBirth(std::string_view id, uint64_t hash, int32_t birth, int field,
                  std::optional<uint32_t>* found, Issue* issue) {
    *found = FindPerson(id, hash);
    if (!*found) return true;
    const int32_t known = store_->persons.birth[**found];
    if (known == kNoDate || known == birth) return true;
    return Fail(issue, field,
                absl::StrFormat("person '%s' has birth_date %s here but %s earlier", id,
                                DateText(birth), DateText(known)));
  }

  // Interns the person of a row and records the birth date, unless the person
  // is known with another one (then nothing changes). One dictionary probe for
  // a new person, where CheckBirth followed by InternPerson takes two.
  // `same` compares `id` with the previous row's, where a reading thread knew
  // it: 1 the same, -1 another, 0 not known.
  bool InternWithBirth(std::string_view id, uint64_t hash, int8_t same, int32_t birth, int field,
                       uint32_t* code, Issue* issue) {
    PersonTable& persons = store_->persons;
    if (same > 0 || (same == 0 && has_last_ && internal::ShortEqual(id, last_id_))) {
      *code = last_code_;
    } else {
      const size_t before = persons.size();
      *code = persons.Intern(id, hash);
      Remember(id, *code);
      if (*code >= before) {
        persons.birth[*code] = birth;
        return true;
      }
    }
    const int32_t known = persons.birth[*code];
    if (known != kNoDate && known != birth) {
      return Fail(issue, field,
                  absl::StrFormat("person '%s' has birth_date %s here but %s earlier", id,
                                  DateText(birth), DateText(known)));
    }
    persons.birth[*code] = birth;
    return true;
  }

  // persons.csv: whether a person was already listed in this call.
  bool MarkListed(uint32_t code) {
    if (code >= listed_.size()) listed_.resize(code + 1, false);
    const bool was = listed_[code];
    listed_[code] = true;
    return !was;
  }
  bool Listed(uint32_t code) const { return code < listed_.size() && listed_[code]; }

 private:
  void Remember(std::string_view id, uint32_t code) {
    last_id_.assign(id);
    last_code_ = code;
    has_last_ = true;
  }

  RecordStore* store_;
  std::string last_id_;
  uint32_t last_code_ = 0;
  bool has_last_ = false;
  struct ProviderSlot {
    std::string id;
    uint32_t code = 0;
    bool used = false;
  };
  static constexpr size_t kProviderSlots = 4096;
  std::vector<ProviderSlot> providers_ = std::vector<ProviderSlot>(kProviderSlots);
  std::vector<bool> listed_;
};

// Shared checks of a record with a start and an optional end.
bool CheckSpan(Date start, const std::optional<Date>& end, int end_field, Issue* issue) {
  if (end && *end < start) {
    return Fail(issue, end_field,
                absl::StrFormat("end_date %s is before start_date %s", end->ToString(),
                                start.ToString()));
  }
  return true;
}

bool CheckBirthBeforeStart(Date birth, Date start, int birth_field, Issue* issue) {
  if (birth > start) {
    return Fail(issue, birth_field,
                absl::StrFormat("birth_date %s is after start_date %s", birth.ToString(),
                                start.ToString()));
  }
  return true;
}

int32_t EndDays(const std::optional<Date>& end) { return end ? end->days() : kOpenEnd; }

// ---- CSV field access ----

class Fields {
 public:
  Fields(const internal::CsvReader& r, const int* col) : r_(r), col_(col) {}
  std::string_view operator[](int field) const {
    const int c = col_[field];
    return c < 0 ? std::string_view() : internal::Trim(r_.field(static_cast<size_t>(c)));
  }

 private:
  const internal::CsvReader& r_;
  const int* col_;
};

bool DateField(std::string_view s, int field, Date* out, Issue* issue) {
  int32_t days;
  if (ParseIsoDateFast(s, &days)) {
    *out = Date::FromDays(days);
    return true;
  }
  if (s.empty()) return Fail(issue, field, "missing value");
  return Fail(issue, field, std::string(Date::Parse(s).status().message()));
}

bool OptionalDateField(std::string_view s, int field, std::optional<Date>* out,
                       Issue* issue) {
  if (s.empty()) {
    out->reset();
    return true;
  }
  Date d;
  if (!DateField(s, field, &d, issue)) return false;
  *out = d;
  return true;
}

// ---- Per-file traits ----

struct JeugdhulpTraits {
  static constexpr bool kPersonPerRow = false;
  using Input = JeugdhulpInput;
  static constexpr std::string_view kName = "jeugdhulp";
  enum : int { kPerson, kBirth, kMunicipality, kProvider, kForm, kStart, kEnd, kEndReason };
  static constexpr std::string_view kColumns[] = {"person_id", "birth_date", "municipality",
                                                  "provider",  "form",       "start_date",
                                                  "end_date",  "end_reason"};
  static constexpr bool kOptional[] = {false, false, false, false, false, false, true, true};

  static void Reserve(RecordStore* s, size_t n) { s->jeugdhulp.Reserve(s->jeugdhulp.size() + n); }

  static bool FromCsv(const Fields& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->municipality = f[kMunicipality];
    in->provider = f[kProvider];
    in->form = f[kForm];
    in->end_reason = f[kEndReason];
    return DateField(f[kBirth], kBirth, &in->birth_date, issue) &&
           DateField(f[kStart], kStart, &in->start_date, issue) &&
           OptionalDateField(f[kEnd], kEnd, &in->end_date, issue);
  }

  // A row that passed every check that does not depend on earlier rows.
  struct Pending {
    std::string_view person_id, provider;
    uint64_t person_hash = 0, provider_hash = 0;
    int8_t same_person = 0;  // see Sink::InternWithBirth
    int32_t birth = 0;
    JeugdhulpRow row;
  };

  static bool Add(const Input& in, Sink& sink, Issue* issue) {
    Pending p;
    return Validate(in, &p, issue) && Commit(p, sink, issue);
  }

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    JeugdhulpRow& row = p->row;
    if (!Required(in.person_id, kPerson, issue) ||
        !Municipality(in.municipality, kMunicipality, &row.municipality, issue) ||
        !Required(in.provider, kProvider, issue) ||
        !Code(in.form, kForm, &JeugdhulpFormName, 0, kJeugdhulpFormCount, &ParseJeugdhulpForm,
              &row.form, issue)) {
      return false;
    }
    if (!in.end_reason.empty() &&
        !Code(in.end_reason, kEndReason, &EndReasonName, 1, kEndReasonCount, &ParseEndReason,
              &row.end_reason, issue)) {
      return false;
    }
    if (!CheckBirthBeforeStart(in.birth_date, in.start_date, kBirth, issue) ||
        !CheckSpan(in.start_date, in.end_date, kEnd, issue)) {
      return false;
    }
    if (!in.end_reason.empty() && !in.end_date) {
      return Fail(issue, kEndReason,
                  absl::StrFormat("end_reason '%s' given but end_date is empty", in.end_reason));
    }
    // An ended trajectory without a reason counts as "onbekend".
    if (in.end_date && in.end_reason.empty()) row.end_reason = EndReason::kOnbekend;
    row.start = in.start_date.days();
    row.end = EndDays(in.end_date);
    p->person_id = in.person_id;
    p->provider = in.provider;
    p->person_hash = IdDictionary::Hash(in.person_id);
    p->provider_hash = IdDictionary::Hash(in.provider);
    p->birth = in.birth_date.days();
    return true;
  }

  // The checks against earlier rows, then the row is added.
  static bool Commit(const Pending& p, Sink& sink, Issue* issue) {
    JeugdhulpRow row = p.row;
    if (!sink.InternWithBirth(p.person_id, p.person_hash, p.same_person, p.birth, kBirth,
                              &row.person, issue)) {
      return false;
    }
    row.provider = sink.InternProvider(p.provider, p.provider_hash);
    sink.store().jeugdhulp.Append(row);
    return true;
  }
};

struct JeugdbeschermingTraits {
  static constexpr bool kPersonPerRow = false;
  using Input = JeugdbeschermingInput;
  static constexpr std::string_view kName = "jeugdbescherming";
  enum : int { kPerson, kBirth, kMunicipality, kMeasure, kStart, kEnd };
  static constexpr std::string_view kColumns[] = {"person_id", "birth_date", "municipality",
                                                  "measure",   "start_date", "end_date"};
  static constexpr bool kOptional[] = {false, false, false, false, false, true};

  static void Reserve(RecordStore* s, size_t n) {
    s->jeugdbescherming.Reserve(s->jeugdbescherming.size() + n);
  }

  static bool FromCsv(const Fields& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->municipality = f[kMunicipality];
    in->measure = f[kMeasure];
    return DateField(f[kBirth], kBirth, &in->birth_date, issue) &&
           DateField(f[kStart], kStart, &in->start_date, issue) &&
           OptionalDateField(f[kEnd], kEnd, &in->end_date, issue);
  }

  struct Pending {
    std::string_view person_id;
    uint64_t person_hash = 0;
    int8_t same_person = 0;  // see Sink::InternWithBirth
    int32_t birth = 0;
    JeugdbeschermingRow row;
  };

  static bool Add(const Input& in, Sink& sink, Issue* issue) {
    Pending p;
    return Validate(in, &p, issue) && Commit(p, sink, issue);
  }

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    JeugdbeschermingRow& row = p->row;
    if (!Required(in.person_id, kPerson, issue) ||
        !Municipality(in.municipality, kMunicipality, &row.municipality, issue) ||
        !Code(in.measure, kMeasure, &MeasureName, 0, kMeasureCount, &ParseMeasure,
              &row.measure, issue) ||
        !CheckBirthBeforeStart(in.birth_date, in.start_date, kBirth, issue) ||
        !CheckSpan(in.start_date, in.end_date, kEnd, issue)) {
      return false;
    }
    row.start = in.start_date.days();
    row.end = EndDays(in.end_date);
    p->person_id = in.person_id;
    p->person_hash = IdDictionary::Hash(in.person_id);
    p->birth = in.birth_date.days();
    return true;
  }

  static bool Commit(const Pending& p, Sink& sink, Issue* issue) {
    JeugdbeschermingRow row = p.row;
    if (!sink.InternWithBirth(p.person_id, p.person_hash, p.same_person, p.birth, kBirth,
                              &row.person, issue)) {
      return false;
    }
    sink.store().jeugdbescherming.Append(row);
    return true;
  }
};

struct VerzuimTraits {
  static constexpr bool kPersonPerRow = false;
  using Input = VerzuimInput;
  static constexpr std::string_view kName = "verzuim";
  enum : int { kPerson, kBirth, kMunicipality, kKind, kStart, kEnd };
  static constexpr std::string_view kColumns[] = {"person_id", "birth_date", "municipality",
                                                  "kind",      "start_date", "end_date"};
  static constexpr bool kOptional[] = {false, false, false, false, false, true};

  static void Reserve(RecordStore* s, size_t n) { s->verzuim.Reserve(s->verzuim.size() + n); }

  static bool FromCsv(const Fields& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->municipality = f[kMunicipality];
    in->kind = f[kKind];
    return DateField(f[kBirth], kBirth, &in->birth_date, issue) &&
           DateField(f[kStart], kStart, &in->start_date, issue) &&
           OptionalDateField(f[kEnd], kEnd, &in->end_date, issue);
  }

  struct Pending {
    std::string_view person_id;
    uint64_t person_hash = 0;
    int8_t same_person = 0;  // see Sink::InternWithBirth
    int32_t birth = 0;
    VerzuimRow row;
  };

  static bool Add(const Input& in, Sink& sink, Issue* issue) {
    Pending p;
    return Validate(in, &p, issue) && Commit(p, sink, issue);
  }

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    VerzuimRow& row = p->row;
    if (!Required(in.person_id, kPerson, issue) ||
        !Municipality(in.municipality, kMunicipality, &row.municipality, issue) ||
        !Code(in.kind, kKind, &VerzuimKindName, 0, 3, &ParseVerzuimKind, &row.kind, issue) ||
        !CheckBirthBeforeStart(in.birth_date, in.start_date, kBirth, issue) ||
        !CheckSpan(in.start_date, in.end_date, kEnd, issue)) {
      return false;
    }
    row.start = in.start_date.days();
    row.end = EndDays(in.end_date);
    p->person_id = in.person_id;
    p->person_hash = IdDictionary::Hash(in.person_id);
    p->birth = in.birth_date.days();
    return true;
  }

  static bool Commit(const Pending& p, Sink& sink, Issue* issue) {
    VerzuimRow row = p.row;
    if (!sink.InternWithBirth(p.person_id, p.person_hash, p.same_person, p.birth, kBirth,
                              &row.person, issue)) {
      return false;
    }
    sink.store().verzuim.Append(row);
    return true;
  }
};

struct VervolgzorgTraits {
  static constexpr bool kPersonPerRow = false;
  using Input = VervolgzorgInput;
  static constexpr std::string_view kName = "vervolgzorg";
  enum : int { kPerson, kKind, kStart, kEnd };
  static constexpr std::string_view kColumns[] = {"person_id", "kind", "start_date",
                                                  "end_date"};
  static constexpr bool kOptional[] = {false, false, false, true};

  static void Reserve(RecordStore* s, size_t n) {
    s->vervolgzorg.Reserve(s->vervolgzorg.size() + n);
  }

  static bool FromCsv(const Fields& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->kind = f[kKind];
    return DateField(f[kStart], kStart, &in->start_date, issue) &&
           OptionalDateField(f[kEnd], kEnd, &in->end_date, issue);
  }

  struct Pending {
    std::string_view person_id;
    uint64_t person_hash = 0;
    VervolgzorgRow row;
  };

  static bool Add(const Input& in, Sink& sink, Issue* issue) {
    Pending p;
    return Validate(in, &p, issue) && Commit(p, sink, issue);
  }

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    VervolgzorgRow& row = p->row;
    if (!Required(in.person_id, kPerson, issue) ||
        !Code(in.kind, kKind, &VervolgzorgKindName, 0, 3, &ParseVervolgzorgKind, &row.kind,
              issue) ||
        !CheckSpan(in.start_date, in.end_date, kEnd, issue)) {
      return false;
    }
    row.start = in.start_date.days();
    row.end = EndDays(in.end_date);
    p->person_id = in.person_id;
    p->person_hash = IdDictionary::Hash(in.person_id);
    return true;
  }

  static bool Commit(const Pending& p, Sink& sink, Issue*) {
    VervolgzorgRow row = p.row;
    row.person =
        sink.InternPerson(p.person_id, p.person_hash, sink.FindPerson(p.person_id, p.person_hash));
    sink.store().vervolgzorg.Append(row);
    return true;
  }
};

struct PersonsTraits {
  static constexpr bool kPersonPerRow = true;
  using Input = PersonInput;
  static constexpr std::string_view kName = "persons";
  enum : int { kPerson, kBirth, kExit, kExitReason };
  static constexpr std::string_view kColumns[] = {"person_id", "birth_date", "exit_date",
                                                  "exit_reason"};
  static constexpr bool kOptional[] = {false, false, true, true};

  static void Reserve(RecordStore*, size_t) {}

  static bool FromCsv(const Fields& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->exit_reason = f[kExitReason];
    return OptionalDateField(f[kBirth], kBirth, &in->birth_date, issue) &&
           OptionalDateField(f[kExit], kExit, &in->exit_date, issue);
  }

  struct Pending {
    Input in;
    uint64_t person_hash = 0;
    ExitReason reason = ExitReason::kNone;
  };

  static bool Add(const Input& in, Sink& sink, Issue* issue) {
    Pending p;
    return Validate(in, &p, issue) && Commit(p, sink, issue);
  }

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    ExitReason reason = ExitReason::kNone;
    if (!Required(in.person_id, kPerson, issue)) return false;
    if (!in.exit_reason.empty() &&
        !Code(in.exit_reason, kExitReason, &ExitReasonName, 1, 3, &ParseExitReason, &reason,
              issue)) {
      return false;
    }
    if (in.exit_date && in.exit_reason.empty()) {
      return Fail(issue, kExitReason, "missing value (exit_date is given)");
    }
    if (!in.exit_date && !in.exit_reason.empty()) {
      return Fail(issue, kExit, "missing value (exit_reason is given)");
    }
    p->in = in;
    p->person_hash = IdDictionary::Hash(in.person_id);
    p->reason = reason;
    return true;
  }

  static bool Commit(const Pending& pending, Sink& sink, Issue* issue) {
    const Input& in = pending.in;
    const uint64_t hash = pending.person_hash;
    const ExitReason reason = pending.reason;
    std::optional<uint32_t> found;
    if (in.birth_date) {
      if (!sink.CheckBirth(in.person_id, hash, in.birth_date->days(), kBirth, &found, issue)) {
        return false;
      }
    } else {
      found = sink.FindPerson(in.person_id, hash);
    }
    if (found && sink.Listed(*found)) {
      return Fail(issue, kPerson, absl::StrFormat("person '%s' is listed twice", in.person_id));
    }
    const int32_t birth = in.birth_date ? in.birth_date->days()
                          : found       ? sink.store().persons.birth[*found]
                                        : kNoDate;
    if (in.exit_date && birth != kNoDate && in.exit_date->days() < birth) {
      return Fail(issue, kExit,
                  absl::StrFormat("exit_date %s is before birth_date %s",
                                  in.exit_date->ToString(), DateText(birth)));
    }
    const uint32_t p = sink.InternPerson(in.person_id, hash, found);
    sink.MarkListed(p);
    PersonTable& persons = sink.store().persons;
    persons.birth[p] = birth;
    persons.exit[p] = in.exit_date ? in.exit_date->days() : kNoDate;
    persons.exit_reason[p] = reason;
    return true;
  }
};

// ---- Drivers ----

absl::Status NeedReport(const LoadOptions& options, const LoadReport* report) {
  if (options.mode == LoadMode::kLenient && report == nullptr) {
    return absl::InvalidArgumentError("lenient loading needs a LoadReport to list skipped rows");
  }
  return absl::OkStatus();
}

// Splits a reader message "source:line[:column]: reason" into a SkippedRow.
SkippedRow SkippedFromStatus(const absl::Status& status, std::string_view source,
                             size_t line) {
  SkippedRow row{std::string(source), line, 0, std::string(status.message())};
  std::string_view m = internal::ToStd(status.message());
  if (m.substr(0, source.size()) != source || m.size() <= source.size() ||
      m[source.size()] != ':') {
    return row;
  }
  m.remove_prefix(source.size() + 1);
  auto number = [&](size_t* out) {
    size_t i = 0, v = 0;
    while (i < m.size() && m[i] >= '0' && m[i] <= '9') v = v * 10 + static_cast<size_t>(m[i++] - '0');
    if (i == 0 || i >= m.size() || m[i] != ':') return false;
    *out = v;
    m.remove_prefix(i + 1);
    return true;
  };
  size_t l = 0, c = 0;
  if (!number(&l)) return row;
  row.line = l;
  if (number(&c)) row.column = c;
  if (!m.empty() && m.front() == ' ') m.remove_prefix(1);
  row.reason = std::string(m);
  return row;
}

// A read-only memory map of a whole file (the files can be gigabytes; reading
// them into a growing string would copy them several times).
class MappedFile {
 public:
  static absl::StatusOr<std::unique_ptr<MappedFile>> Open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int err = errno;
      const std::string msg = absl::StrFormat("%s: cannot open: %s", path, std::strerror(err));
      return err == ENOENT ? absl::NotFoundError(msg) : absl::PermissionDeniedError(msg);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return nullptr;  // not a regular file (a pipe, say): read it instead
    }
    auto f = std::unique_ptr<MappedFile>(new MappedFile);
    f->size_ = static_cast<size_t>(st.st_size);
    if (f->size_ > 0) {
      void* p = ::mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        return nullptr;
      }
      ::madvise(p, f->size_, MADV_SEQUENTIAL);
      f->data_ = static_cast<const char*>(p);
    }
    ::close(fd);
    return f;
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view text() const { return {data_ == nullptr ? "" : data_, size_}; }

  // Maps the pages of [from, to) in one call where the system can (they are
  // in the page cache): a reading thread then takes no page fault per page.
  void Populate(size_t from, size_t to) const {
#ifdef MADV_POPULATE_READ
    static const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    from = from / page * page;
    to = std::min(to, size_);
    if (data_ == nullptr || to <= from) return;
    ::madvise(const_cast<char*>(data_) + from, to - from, MADV_POPULATE_READ);
#else
    (void)from;
    (void)to;
#endif
  }

  // Drops the pages wholly inside [from, to) from this process (they stay in
  // the page cache, and are read again if touched): the parsed part of a
  // gigabyte file need not stay resident while the rest is read.
  void Release(size_t from, size_t to) const {
    static const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    from = (from + page - 1) / page * page;
    to = std::min(to, size_) / page * page;
    if (data_ == nullptr || to <= from) return;
    ::madvise(const_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
  }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Maps the header of `reader` onto T's columns: col[field] = index in the file, or -1.
template <typename T>
absl::Status MapColumns(const internal::CsvReader& reader, std::string_view source,
                        std::array<int, std::size(T::kColumns)>* col) {
  col->fill(-1);
  const auto& header = reader.header();
  for (size_t i = 0; i < header.size(); ++i) {
    const auto it = std::find(std::begin(T::kColumns), std::end(T::kColumns), header[i]);
    if (it == std::end(T::kColumns)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d:%d: unknown column '%s' in %s.csv (expected: %s)", source, reader.line(), i + 1,
          header[i], T::kName, absl::StrJoin(T::kColumns, ", ", [](std::string* out, std::string_view s) {
            out->append(s.data(), s.size());
          })));
    }
    (*col)[static_cast<size_t>(it - std::begin(T::kColumns))] = static_cast<int>(i);
  }
  for (size_t j = 0; j < std::size(T::kColumns); ++j) {
    if ((*col)[j] < 0 && !T::kOptional[j]) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s:%d: missing column '%s' in %s.csv", source, reader.line(), T::kColumns[j],
          T::kName));
    }
  }
  return absl::OkStatus();
}

// One row per line is a tight upper bound for these files. Sizing the person
// dictionary up front saves rehashing it several times: persons.csv has a
// person per line, the other files about two rows per person (only guessed
// for the first file; later files mostly meet known persons).
template <typename T>
void ReserveFor(RecordStore* store, size_t lines, size_t column_rows = 0) {
  T::Reserve(store, std::max(lines, column_rows));
  size_t persons = 0;
  if (T::kPersonPerRow) {
    persons = store->persons.size() + lines;
  } else if (store->persons.size() == 0) {
    persons = lines / 2;
  }
  if (persons > 0) {
    // Capacity that is never written costs address space, not memory: room
    // for ids of 16 characters avoids copying the id buffer as it grows.
    store->persons.ids.Reserve(persons, persons * 16);
    internal::ReserveHuge(&store->persons.birth, persons);
    internal::ReserveHuge(&store->persons.exit, persons);
    internal::ReserveHuge(&store->persons.exit_reason, persons);
  }
}

// A mapped file is counted and parsed in steps of kReleaseStep bytes,
// releasing each step once done, so that at most a few steps stay resident.
constexpr size_t kReleaseStep = size_t{8} << 20;

// Reads the records of `reader` from where it stands to the end of `text`
// into `sink` (which carries what earlier rows of the call left: the last
// person, the persons listed). Pages of a mapped file below `released` are
// already released.
template <typename T>
absl::Status ReadSerial(std::string_view text, std::string_view source, RecordStore* store,
                        const LoadOptions& options, LoadReport* rep, const MappedFile* mapped,
                        internal::CsvReader& reader, const int* col, Sink& sink,
                        size_t released) {
  const bool strict = options.mode == LoadMode::kStrict;
  // With the person id in the first column, the next record's id is found
  // cheaply and its dictionary slot fetched while this record is handled.
  const bool prefetch = col[0] == 0;
  const auto text_begin = reinterpret_cast<uintptr_t>(text.data());
  const auto text_end = text_begin + text.size();

  const Fields fields(reader, col);
  typename T::Input in{};
  Issue issue;
  while (true) {
    auto more = reader.Next();
    if (!more.ok()) {
      // A malformed record: wrong field count, a stray or unclosed quote.
      ++rep->input_rows;
      // Limits are never skipped: the rest of the file would exceed them too.
      if (strict || more.status().code() == absl::StatusCode::kResourceExhausted) {
        return more.status();
      }
      rep->skipped.push_back(SkippedFromStatus(more.status(), source, reader.line()));
      reader.SkipToNextLine();
      continue;
    }
    if (!*more) break;
    ++rep->input_rows;
    if (mapped != nullptr && (rep->input_rows & 0xFFFF) == 0) {
      // The record's first field points into the text (unless it was unescaped).
      const auto at = reinterpret_cast<uintptr_t>(reader.field(0).data());
      const auto base = reinterpret_cast<uintptr_t>(text.data());
      if (at >= base + released + kReleaseStep && at < base + text.size()) {
        mapped->Release(released, at - base);
        released = (at - base) / kReleaseStep * kReleaseStep;
      }
    }
    if (prefetch) {
      const std::string_view last = reader.field(reader.size() - 1);
      const auto at = reinterpret_cast<uintptr_t>(last.data() + last.size());
      if (at >= text_begin && at < text_end) {
        const char* p = last.data() + last.size();
        const char* end = text.data() + text.size();
        const auto* nl =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
        if (nl != nullptr) {
          const char* id = nl + 1;
          const size_t room = std::min<size_t>(64, static_cast<size_t>(end - id));
          const char* comma = static_cast<const char*>(std::memchr(id, ',', room));
          if (comma != nullptr) {
            const std::string_view next(id, static_cast<size_t>(comma - id));
            if (next != reader.field(0)) store->persons.ids.Prefetch(next);
          }
        }
      }
    }
    if (T::FromCsv(fields, &in, &issue) && T::Add(in, sink, &issue)) {
      ++rep->loaded_rows;
      continue;
    }
    const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
    if (strict) {
      return c >= 0 ? reader.FieldError(static_cast<size_t>(c), issue.message)
                    : reader.RecordError(issue.message);
    }
    rep->skipped.push_back(SkippedRow{std::string(source), reader.line(),
                                      c >= 0 ? static_cast<size_t>(c) + 1 : 0,
                                      std::move(issue.message)});
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status ParseCsvSerial(std::string_view text, std::string_view source, RecordStore* store,
                            const LoadOptions& options, LoadReport* rep,
                            const MappedFile* mapped, internal::CsvReader& reader,
                            const int* col) {
  size_t lines = 0;
  for (size_t at = 0; at < text.size(); at += kReleaseStep) {
    const size_t n = std::min(kReleaseStep, text.size() - at);
    lines += static_cast<size_t>(std::count(text.data() + at, text.data() + at + n, '\n'));
    if (mapped != nullptr) mapped->Release(at, at + n);
  }
  ReserveFor<T>(store, lines);
  Sink sink(store);
  return ReadSerial<T>(text, source, store, options, rep, mapped, reader, col, sink, 0);
}

// ---- Parallel parsing ----
//
// The text after the header is cut into blocks that each start after a line
// end. Without a quote character, every line start is a record start, so each
// block can be read on its own. Threads read blocks into "pending" rows (every
// check that does not depend on earlier rows done, person ids hashed); the
// calling thread takes the blocks in file order and does the rest (person and
// provider codes, birth dates against earlier rows, appending), exactly as the
// single-threaded loop would, so that codes, errors and skipped rows come out
// the same. A block reader does not know on which line its block starts: it
// counts from 1, and the calling thread adds the block's offset (and reads a
// block with errors again from its real line, for the messages). There is no
// counting pass over the text: each byte is read from memory once.

// A piece of the text, ending after a line end (or at the end of the text).
struct TextBlock {
  size_t begin = 0, end = 0;
};

// A problem found while reading a block, placed before its `before`-th row.
struct BlockIssue {
  size_t before = 0;
  bool fatal = false;  // stops the load in both modes (limits)
  absl::Status status;  // strict mode, or fatal
  SkippedRow skipped;   // lenient mode
};

template <typename T>
struct BlockResult {
  struct Row {
    typename T::Pending pending;
    size_t line = 0;
  };
  std::vector<Row> rows;
  std::vector<BlockIssue> issues;
  size_t first_line = 1;  // the line number the reader gave the block's start
  size_t lines = 0;       // line ends in the block (when read to its end)
  size_t records = 0;     // records for the row limit, as CsvReader counts them
  bool quote = false;     // the reader met a quote: the rows are not used (ReadBlock)

  // Empties the result but keeps its memory for the next block.
  void Clear() {
    rows.clear();
    issues.clear();
    first_line = 1;
    lines = records = 0;
    quote = false;
  }
};

// Starts threads - 1 threads running `fn`. When the system refuses a thread
// the work is done by fewer: the calling thread takes whatever is left.
template <typename Fn>
void StartThreads(int threads, const Fn& fn, std::vector<std::thread>* pool) {
  for (int t = 1; t < threads; ++t) {
    try {
      pool->emplace_back(fn);
    } catch (const std::system_error&) {
      break;
    }
  }
}

template <typename T>
void ReadBlockRows(internal::CsvReader& reader, std::string_view source, const int* col,
                   const LoadOptions& options, BlockResult<T>* out) {
  const bool strict = options.mode == LoadMode::kStrict;
  const Fields fields(reader, col);
  typename T::Input in{};
  Issue issue;
  while (true) {
    auto more = reader.Next();
    if (!more.ok()) {
      const bool fatal = more.status().code() == absl::StatusCode::kResourceExhausted;
      BlockIssue& b = out->issues.emplace_back();
      b.before = out->rows.size();
      b.fatal = fatal;
      if (strict || fatal) {
        b.status = more.status();
        return;  // nothing after the first error matters
      }
      b.skipped = SkippedFromStatus(more.status(), source, reader.line());
      reader.SkipToNextLine();
      continue;
    }
    if (!*more) break;
    typename BlockResult<T>::Row& row = out->rows.emplace_back();
    if (T::FromCsv(fields, &in, &issue) && T::Validate(in, &row.pending, &issue)) {
      row.line = reader.line();
      if constexpr (requires { row.pending.same_person; }) {
        // The calling thread then compares ids only at the start of a block.
        const size_t n = out->rows.size();
        if (n > 1) {
          row.pending.same_person =
              internal::ShortEqual(out->rows[n - 2].pending.person_id, row.pending.person_id) ? 1
                                                                                           : -1;
        }
      }
      continue;
    }
    out->rows.pop_back();
    const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
    BlockIssue& b = out->issues.emplace_back();
    b.before = out->rows.size();
    if (strict) {
      b.status = c >= 0 ? reader.FieldError(static_cast<size_t>(c), issue.message)
                        : reader.RecordError(issue.message);
      return;
    }
    b.skipped = SkippedRow{std::string(source), reader.line(),
                           c >= 0 ? static_cast<size_t>(c) + 1 : 0, std::move(issue.message)};
  }
  out->lines = reader.current_line() - out->first_line;
  out->records = reader.records();
}

// Reads one block. A quote may open a field that spans lines, so a block in
// which the reader met one is marked and left to the single-threaded reader.
// Bytes the reader skips (the rest of a bad line in lenient mode) are skipped
// alike by that reader, so a quote among them changes nothing.
template <typename T>
void ReadBlock(std::string_view text, const TextBlock& block, size_t first_line,
               std::string_view source, const internal::CsvReader& main, const int* col,
               const LoadOptions& options, BlockResult<T>* out) {
  out->Clear();
  out->first_line = first_line;
  internal::CsvReader reader(text.substr(block.begin, block.end - block.begin),
                             std::string(source), ',', options.limits, first_line,
                             main.header());
  ReadBlockRows<T>(reader, source, col, options, out);
  out->quote = reader.saw_quote();
}

// The person id of a pending row, for prefetching.
template <typename T>
std::string_view PendingId(const typename T::Pending& p) {
  if constexpr (requires { p.person_id; }) {
    return p.person_id;
  } else {
    return p.in.person_id;
  }
}

// Adds a block's rows and issues to the store and report in file order; the
// block's line numbers are shifted by `line_shift`.
template <typename T>
absl::Status MergeBlock(BlockResult<T>& block, size_t line_shift, std::string_view source,
                        const internal::CsvReader& main, const int* col,
                        const LoadOptions& options, Sink& sink, LoadReport* rep) {
  const bool strict = options.mode == LoadMode::kStrict;
  const auto& rows = block.rows;
  IdDictionary& ids = sink.store().persons.ids;
  constexpr size_t kAhead = 8;
  for (size_t i = 0; i < std::min(kAhead, rows.size()); ++i) {
    ids.Prefetch(rows[i].pending.person_hash);
  }
  Issue issue;
  size_t r = 0;
  const auto add_rows = [&](size_t until) -> absl::Status {
    for (; r < until; ++r) {
      if (r + 4 * kAhead < rows.size()) {
        // Rows were written on another core: fetch them well ahead.
        const char* far = reinterpret_cast<const char*>(&rows[r + 4 * kAhead]);
        __builtin_prefetch(far);
        __builtin_prefetch(far + sizeof(rows[0]) - 1);
      }
      if (r + kAhead < rows.size()) {
        const typename T::Pending& ahead = rows[r + kAhead].pending;
        if (ahead.person_hash != rows[r + kAhead - 1].pending.person_hash) {
          ids.Prefetch(ahead.person_hash);
          __builtin_prefetch(PendingId<T>(ahead).data());  // copied when the id is new
        }
      }
      ++rep->input_rows;
      if (T::Commit(rows[r].pending, sink, &issue)) {
        ++rep->loaded_rows;
        continue;
      }
      const size_t line = rows[r].line + line_shift;
      const int c = issue.field >= 0 ? col[static_cast<size_t>(issue.field)] : -1;
      if (strict) {
        return c >= 0 ? main.FieldErrorAt(line, static_cast<size_t>(c), issue.message)
                      : main.RecordErrorAt(line, issue.message);
      }
      rep->skipped.push_back(SkippedRow{std::string(source), line,
                                        c >= 0 ? static_cast<size_t>(c) + 1 : 0,
                                        std::move(issue.message)});
    }
    return absl::OkStatus();
  };
  for (BlockIssue& b : block.issues) {
    ZVDJ_RETURN_IF_ERROR(add_rows(b.before));
    ++rep->input_rows;
    if (strict || b.fatal) return b.status;
    rep->skipped.push_back(std::move(b.skipped));
  }
  return add_rows(rows.size());
}

// How ParseCsvParallel ended.
enum class ParallelOutcome {
  kDone,        // the whole text is read (or an error stopped the load)
  kNotUsed,     // nothing was read: read the text on one thread
  kContinueAt,  // the text before main.offset() is read: go on with `main`
};

// The parallel reading of `text` after the header that `main` has read. A
// block with a quote (whose fields may span lines) and the block where the row
// limit is reached are left to `main`, from their start.
template <typename T>
absl::Status ParseCsvParallel(std::string_view text, std::string_view source,
                              RecordStore* store, const LoadOptions& options, LoadReport* rep,
                              const MappedFile* mapped, internal::CsvReader& main,
                              const int* col, int threads, Sink& sink,
                              size_t* released_out, ParallelOutcome* outcome) {
  *outcome = ParallelOutcome::kNotUsed;
  const size_t block_bytes =
      options.parallel_block_bytes > 0 ? options.parallel_block_bytes : size_t{256} << 10;
  const size_t start = main.offset();
  // Blocks are cut as they are handed out, not all beforehand: finding a line
  // end touches a page of the file, and the system maps the pages around it
  // (a whole large folio of the page cache), so cutting ahead would map most
  // of the file at once.
  std::vector<TextBlock> blocks;
  std::vector<char> ready;  // whether block i is read
  size_t cut = start;       // where the next block begins
  const auto cut_next = [&]() -> bool {
    if (cut >= text.size()) return false;
    const size_t probe = cut + block_bytes - 1;
    const void* nl = probe < text.size()
                         ? std::memchr(text.data() + probe, '\n', text.size() - probe)
                         : nullptr;
    const size_t end = nl == nullptr
                           ? text.size()
                           : static_cast<size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    blocks.push_back({cut, end});
    ready.push_back(0);
    cut = end;
    return true;
  };
  cut_next();
  if (cut >= text.size()) return absl::OkStatus();  // one block: nothing to share
  *outcome = ParallelOutcome::kDone;

  // Threads read blocks ahead of the merge, at most `window` of them, each
  // into the result slot of its number modulo `window` (reused, not freed).
  // `blocks`, `ready` and `cut` are guarded by `mu` (the vectors grow).
  const size_t window = 2 * static_cast<size_t>(threads) + 2;
  std::vector<BlockResult<T>> results(window);
  std::mutex mu;
  std::condition_variable cv;
  size_t next = 0, merged = 0;
  bool stop = false;
  const auto read = [&](size_t b) {
    TextBlock block;
    {
      std::lock_guard<std::mutex> lock(mu);
      block = blocks[b];
    }
    if (mapped != nullptr) mapped->Populate(block.begin, block.end);
    ReadBlock<T>(text, block, 1, source, main, col, options, &results[b % window]);
    std::lock_guard<std::mutex> lock(mu);
    ready[b] = 1;
    cv.notify_all();
  };
  // Under `mu`: whether every block is handed out; whether block `next` may
  // be read now; the same, cutting it if need be.
  const auto all_taken = [&] { return next >= blocks.size() && cut >= text.size(); };
  const auto may_take = [&] { return next < merged + window && !all_taken(); };
  const auto can_take = [&] { return may_take() && (next < blocks.size() || cut_next()); };
  const auto worker = [&] {
    while (true) {
      size_t b;
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return stop || all_taken() || may_take(); });
        if (stop || !can_take()) return;
        b = next++;
      }
      read(b);
    }
  };
  std::vector<std::thread> pool;
  StartThreads(threads, worker, &pool);
  // Room for the rows (the threads read meanwhile), from the line length of
  // the first block: the columns get a quarter more (capacity that is never
  // written costs no memory), the person dictionary the estimate itself (its
  // table is written when made).
  {
    TextBlock first;
    {
      std::lock_guard<std::mutex> lock(mu);
      first = blocks.front();
    }
    const auto first_lines = static_cast<size_t>(
        std::count(text.data() + first.begin, text.data() + first.end, '\n'));
    const double per_byte = static_cast<double>(std::max<size_t>(first_lines, 1)) /
                            static_cast<double>(first.end - first.begin);
    const auto lines = static_cast<size_t>(per_byte * static_cast<double>(text.size() - start));
    ReserveFor<T>(store, lines, lines + lines / 4 + 16);
  }

  const auto finish = [&](absl::Status s) {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
      cv.notify_all();
    }
    for (std::thread& t : pool) t.join();
    return s;
  };

  size_t released = start / kReleaseStep * kReleaseStep;
  size_t line = main.current_line();
  size_t records = 0;
  for (size_t m = 0;; ++m) {
    // Wait for block m, reading blocks meanwhile rather than idling.
    TextBlock block;
    {
      std::unique_lock<std::mutex> lock(mu);
      if (m == blocks.size() && !cut_next()) break;  // every block merged
      while (!ready[m]) {
        if (can_take()) {
          const size_t b = next++;
          lock.unlock();
          read(b);
          lock.lock();
          continue;
        }
        cv.wait(lock, [&] { return ready[m] != 0 || may_take(); });
      }
      block = blocks[m];
    }
    BlockResult<T>& result = results[m % window];
    if (result.quote || records + result.records > options.limits.max_rows) {
      // The rest is read on this thread, which reports the limit exactly.
      main.ContinueAt(block.begin, line, records);
      *outcome = ParallelOutcome::kContinueAt;
      *released_out = released;
      return finish(absl::OkStatus());
    }
    if (!result.issues.empty()) {
      // Messages carry line numbers: read the block again from its real line.
      ReadBlock<T>(text, block, line, source, main, col, options, &result);
    }
    absl::Status s =
        MergeBlock<T>(result, line - result.first_line, source, main, col, options, sink, rep);
    if (!s.ok()) return finish(std::move(s));
    line += result.lines;
    records += result.records;
    {
      std::lock_guard<std::mutex> lock(mu);
      merged = m + 1;
      cv.notify_all();
    }
    if (mapped != nullptr && block.end >= released + kReleaseStep) {
      mapped->Release(released, block.end);
      released = block.end / kReleaseStep * kReleaseStep;
    }
  }
  return finish(absl::OkStatus());
}

int ThreadCount(const LoadOptions& options) {
  if (options.threads > 0) return options.threads;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(std::min(cores, 64u));
}

template <typename T>
absl::Status ParseCsv(std::string_view text, std::string_view source, RecordStore* store,
                      const LoadOptions& options, LoadReport* report,
                      const MappedFile* mapped = nullptr) {
  ZVDJ_RETURN_IF_ERROR(NeedReport(options, report));
  LoadReport scratch;
  LoadReport* rep = report != nullptr ? report : &scratch;
  internal::CsvReader reader(text, std::string(source), ',', options.limits);
  ZVDJ_RETURN_IF_ERROR(reader.ReadHeader());
  std::array<int, std::size(T::kColumns)> col;
  ZVDJ_RETURN_IF_ERROR(MapColumns<T>(reader, source, &col));
  if (const int threads = ThreadCount(options); threads > 1) {
    ParallelOutcome outcome;
    size_t released = 0;
    // One sink for both parts: the rows read on one thread after a parallel
    // part are checked against everything before them.
    Sink sink(store);
    absl::Status s =
        ParseCsvParallel<T>(text, source, store, options, rep, mapped, reader, col.data(),
                            threads, sink, &released, &outcome);
    if (outcome == ParallelOutcome::kDone) return s;
    if (outcome == ParallelOutcome::kContinueAt) {
      return ReadSerial<T>(text, source, store, options, rep, mapped, reader, col.data(), sink,
                           released);
    }
  }
  return ParseCsvSerial<T>(text, source, store, options, rep, mapped, reader, col.data());
}

template <typename T>
absl::Status AddRows(RecordStore* store, const typename T::Input* rows, size_t n,
                     const LoadOptions& options, LoadReport* report) {
  ZVDJ_RETURN_IF_ERROR(NeedReport(options, report));
  LoadReport scratch;
  LoadReport* rep = report != nullptr ? report : &scratch;
  T::Reserve(store, n);
  Sink sink(store);
  Issue issue;
  for (size_t i = 0; i < n; ++i) {
    ++rep->input_rows;
    if (T::Add(rows[i], sink, &issue)) {
      ++rep->loaded_rows;
      continue;
    }
    if (options.mode == LoadMode::kStrict) {
      if (issue.field < 0) {
        return absl::InvalidArgumentError(absl::StrFormat("%s[%d]: %s", T::kName, i, issue.message));
      }
      return absl::InvalidArgumentError(
          absl::StrFormat("%s[%d]: %s (field '%s')", T::kName, i, issue.message,
                          T::kColumns[static_cast<size_t>(issue.field)]));
    }
    rep->skipped.push_back(SkippedRow{std::string(T::kName), i,
                                      static_cast<size_t>(issue.field + 1),
                                      std::move(issue.message)});
  }
  return absl::OkStatus();
}

template <typename T>
absl::Status LoadCsv(const std::string& path, RecordStore* store, const LoadOptions& options,
                     LoadReport* report) {
  ZVDJ_ASSIGN_OR_RETURN(auto mapped, MappedFile::Open(path));
  if (mapped != nullptr) {
    return ParseCsv<T>(mapped->text(), path, store, options, report, mapped.get());
  }
  ZVDJ_ASSIGN_OR_RETURN(const std::string text, internal::ReadFileToString(path));
  return ParseCsv<T>(text, path, store, options, report);
}

}  // namespace

absl::Status LoadJeugdhulpCsv(const std::string& path, RecordStore* store,
                              const LoadOptions& options, LoadReport* report) {
  return LoadCsv<JeugdhulpTraits>(path, store, options, report);
}
absl::Status LoadJeugdbeschermingCsv(const std::string& path, RecordStore* store,
                                     const LoadOptions& options, LoadReport* report) {
  return LoadCsv<JeugdbeschermingTraits>(path, store, options, report);
}
absl::Status LoadVerzuimCsv(const std::string& path, RecordStore* store,
                            const LoadOptions& options, LoadReport* report) {
  return LoadCsv<VerzuimTraits>(path, store, options, report);
}
absl::Status LoadVervolgzorgCsv(const std::string& path, RecordStore* store,
                                const LoadOptions& options, LoadReport* report) {
  return LoadCsv<VervolgzorgTraits>(path, store, options, report);
}
absl::Status LoadPersonsCsv(const std::string& path, RecordStore* store,
                            const LoadOptions& options, LoadReport* report) {
  return LoadCsv<PersonsTraits>(path, store, options, report);
}

absl::Status ParseJeugdhulpCsv(std::string_view text, std::string_view source,
                               RecordStore* store, const LoadOptions& options,
                               LoadReport* report) {
  return ParseCsv<JeugdhulpTraits>(text, source, store, options, report);
}
absl::Status ParseJeugdbeschermingCsv(std::string_view text, std::string_view source,
                                      RecordStore* store, const LoadOptions& options,
                                      LoadReport* report) {
  return ParseCsv<JeugdbeschermingTraits>(text, source, store, options, report);
}
absl::Status ParseVerzuimCsv(std::string_view text, std::string_view source,
                             RecordStore* store, const LoadOptions& options,
                             LoadReport* report) {
  return ParseCsv<VerzuimTraits>(text, source, store, options, report);
}
absl::Status ParseVervolgzorgCsv(std::string_view text, std::string_view source,
                                 RecordStore* store, const LoadOptions& options,
                                 LoadReport* report) {
  return ParseCsv<VervolgzorgTraits>(text, source, store, options, report);
}
absl::Status ParsePersonsCsv(std::string_view text, std::string_view source,
                             RecordStore* store, const LoadOptions& options,
                             LoadReport* report) {
  return ParseCsv<PersonsTraits>(text, source, store, options, report);
}

absl::Status LoadRecordFiles(const RecordFilePaths& paths, RecordStore* store,
                             const LoadOptions& options, LoadReport* report) {
  if (!paths.persons.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadPersonsCsv(paths.persons, store, options, report));
  }
  if (!paths.jeugdhulp.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadJeugdhulpCsv(paths.jeugdhulp, store, options, report));
  }
  if (!paths.jeugdbescherming.empty()) {
    ZVDJ_RETURN_IF_ERROR(
        LoadJeugdbeschermingCsv(paths.jeugdbescherming, store, options, report));
  }
  if (!paths.verzuim.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadVerzuimCsv(paths.verzuim, store, options, report));
  }
  if (!paths.vervolgzorg.empty()) {
    ZVDJ_RETURN_IF_ERROR(LoadVervolgzorgCsv(paths.vervolgzorg, store, options, report));
  }
  return absl::OkStatus();
}

absl::Status AddJeugdhulpRecords(RecordStore* store, const JeugdhulpInput* rows, size_t n,
                                 const LoadOptions& options, LoadReport* report) {
  return AddRows<JeugdhulpTraits>(store, rows, n, options, report);
}
absl::Status AddJeugdbeschermingRecords(RecordStore* store,
                                        const JeugdbeschermingInput* rows, size_t n,
                                        const LoadOptions& options, LoadReport* report) {
  return AddRows<JeugdbeschermingTraits>(store, rows, n, options, report);
}
absl::Status AddVerzuimRecords(RecordStore* store, const VerzuimInput* rows, size_t n,
                               const LoadOptions& options, LoadReport* report) {
  return AddRows<VerzuimTraits>(store, rows, n, options, report);
}
absl::Status AddVervolgzorgRecords(RecordStore* store, const VervolgzorgInput* rows,
                                   size_t n, const LoadOptions& options,
                                   LoadReport* report) {
  return AddRows<VervolgzorgTraits>(store, rows, n, options, report);
}
absl::Status AddPersonRecords(RecordStore* store, const PersonInput* rows, size_t n,
                              const LoadOptions& options, LoadReport* report) {
  return AddRows<PersonsTraits>(store, rows, n, options, report);
}

}  // namespace v1
}  // namespace zvdj
