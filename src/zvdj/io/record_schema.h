// The record schemas of the person-level files: for each file kind, its
// columns, how a CSV record becomes an input row, how an input row is checked
// (Validate: the checks that need no other row) and added to the store
// (Commit: the checks against earlier rows, then the append). The CSV loaders,
// the in-memory Add*Records functions and the C API share this code, so every
// path accepts exactly the same rows.
#ifndef ZVDJ_INTERNAL_RECORD_SCHEMA_H_
#define ZVDJ_INTERNAL_RECORD_SCHEMA_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "zvdj/core/csv_reader.h"
#include "zvdj/core/huge_pages.h"
#include "zvdj/core/status_macros.h"
#include "zvdj/core/strings.h"
#include "zvdj/records.hpp"
#include "zvdj/records_io.hpp"

namespace zvdj::internal {


// A problem with one row: the field (index into the file's column list, -1 for
// the whole row) and the reason.
struct Issue {
  int field = -1;
  std::string message;
};

inline bool Fail(Issue* issue, int field, std::string message) {
  issue->field = field;
  issue->message = std::move(message);
  return false;
}

// "2019-02-01"
std::string DateText(int32_t days);

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

inline bool Municipality(std::string_view s, int field, uint16_t* out, Issue* issue) {
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

inline bool Required(std::string_view s, int field, Issue* issue) {
  return !s.empty() || Fail(issue, field, "missing value");
}

// Rows of one load call: a one-entry cache for the person id (files are mostly
// grouped by person, so most rows skip the hash lookup).
class Sink {
 public:
  explicit Sink(RecordStore* store) : store_(store), persons_before_(store->persons.size()) {}
  RecordStore& store() { return *store_; }

  // What a call changed in persons known before it, oldest first, so that a
  // load that fails for want of memory can leave the store as it found it.
  struct PersonChange {
    uint32_t person;
    int32_t birth, exit;
    ExitReason exit_reason;
  };
  const std::vector<PersonChange>& changes() const { return changes_; }
  // Notes the state of `person` before a change (a no-op for persons added by
  // this call, which a rollback removes anyway).
  void BeforeChange(uint32_t person) {
    if (person >= persons_before_) return;
    const PersonTable& p = store_->persons;
    changes_.push_back({person, p.birth[person], p.exit[person], p.exit_reason[person]});
  }

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
    if (known == birth) return true;
    if (known != kNoDate) {
      return Fail(issue, field,
                  absl::StrFormat("person '%s' has birth_date %s here but %s earlier", id,
                                  DateText(birth), DateText(known)));
    }
    BeforeChange(*code);
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
  size_t persons_before_;
  std::vector<PersonChange> changes_;
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
inline bool CheckSpan(Date start, const std::optional<Date>& end, int end_field, Issue* issue) {
  if (end && *end < start) {
    return Fail(issue, end_field,
                absl::StrFormat("end_date %s is before start_date %s", end->ToString(),
                                start.ToString()));
  }
  return true;
}

inline bool CheckBirthBeforeStart(Date birth, Date start, int birth_field, Issue* issue) {
  if (birth > start) {
    return Fail(issue, birth_field,
                absl::StrFormat("birth_date %s is after start_date %s", birth.ToString(),
                                start.ToString()));
  }
  return true;
}

inline int32_t EndDays(const std::optional<Date>& end) { return end ? end->days() : kOpenEnd; }

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

inline bool DateField(std::string_view s, int field, Date* out, Issue* issue) {
  int32_t days;
  if (ParseIsoDateFast(s, &days)) {
    *out = Date::FromDays(days);
    return true;
  }
  if (s.empty()) return Fail(issue, field, "missing value");
  return Fail(issue, field, std::string(Date::Parse(s).status().message()));
}

inline bool OptionalDateField(std::string_view s, int field, std::optional<Date>* out,
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

// One record of file kind `T` into the store: the checks that do not depend on
// earlier rows, then those that do and the row itself.
template <class T>
bool AddRecord(const typename T::Input& in, Sink& sink, Issue* issue) {
  typename T::Pending p;
  return T::Validate(in, &p, issue) && T::Commit(p, sink, issue);
}

// ---- Per-file traits ----

// The person of a pending row in a file that gives a birth date.
struct PendingPersonWithBirth {
  std::string_view person_id;
  uint64_t person_hash = 0;
  int8_t same_person = 0;  // see Sink::InternWithBirth
  int32_t birth = 0;

  template <class Input>
  void SetPerson(const Input& in) {
    person_id = in.person_id;
    person_hash = IdDictionary::Hash(in.person_id);
    birth = in.birth_date.days();
  }
  // The checks against earlier rows of the person; its code into `*person`.
  bool InternPerson(Sink& sink, int birth_field, uint32_t* person, Issue* issue) const {
    return sink.InternWithBirth(person_id, person_hash, same_person, birth, birth_field, person,
                                issue);
  }
};

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

  template <typename F>
  static bool FromCsv(const F& f, Input* in, Issue* issue) {
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
  struct Pending : PendingPersonWithBirth {
    std::string_view provider;
    uint64_t provider_hash = 0;
    JeugdhulpRow row;
  };

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
    p->SetPerson(in);
    p->provider = in.provider;
    p->provider_hash = IdDictionary::Hash(in.provider);
    return true;
  }

  // The checks against earlier rows, then the row is added.
  static bool Commit(const Pending& p, Sink& sink, Issue* issue) {
    JeugdhulpRow row = p.row;
    if (!p.InternPerson(sink, kBirth, &row.person, issue)) return false;
    row.provider = sink.InternProvider(p.provider, p.provider_hash);
    sink.store().jeugdhulp.Append(row);
    return true;
  }
};

// Jeugdbescherming and verzuim rows have one shape: a person with a birth date, a
// municipality, one coded kind and a span. `Spec` names the file, the kind column,
// where the kind stands in the input and the row, its code list and the store's table.
template <class Spec>
struct KindEpisodeTraits {
  static constexpr bool kPersonPerRow = false;
  using Input = typename Spec::Input;
  using Row = typename Spec::Row;
  static constexpr std::string_view kName = Spec::kName;
  enum : int { kPerson, kBirth, kMunicipality, kKind, kStart, kEnd };
  static constexpr std::string_view kColumns[] = {"person_id",       "birth_date", "municipality",
                                                  Spec::kKindColumn, "start_date", "end_date"};
  static constexpr bool kOptional[] = {false, false, false, false, false, true};

  static void Reserve(RecordStore* s, size_t n) {
    auto& table = Spec::Table(*s);
    table.Reserve(table.size() + n);
  }

  template <typename F>
  static bool FromCsv(const F& f, Input* in, Issue* issue) {
    in->person_id = f[kPerson];
    in->municipality = f[kMunicipality];
    in->*Spec::kInputKind = f[kKind];
    return DateField(f[kBirth], kBirth, &in->birth_date, issue) &&
           DateField(f[kStart], kStart, &in->start_date, issue) &&
           OptionalDateField(f[kEnd], kEnd, &in->end_date, issue);
  }

  struct Pending : PendingPersonWithBirth {
    Row row;
  };

  static bool Validate(const Input& in, Pending* p, Issue* issue) {
    Row& row = p->row;
    if (!Required(in.person_id, kPerson, issue) ||
        !Municipality(in.municipality, kMunicipality, &row.municipality, issue) ||
        !Code(in.*Spec::kInputKind, kKind, Spec::kKindName, 0, Spec::kKindCount,
              Spec::kParseKind, &(row.*Spec::kRowKind), issue) ||
        !CheckBirthBeforeStart(in.birth_date, in.start_date, kBirth, issue) ||
        !CheckSpan(in.start_date, in.end_date, kEnd, issue)) {
      return false;
    }
    row.start = in.start_date.days();
    row.end = EndDays(in.end_date);
    p->SetPerson(in);
    return true;
  }

  static bool Commit(const Pending& p, Sink& sink, Issue* issue) {
    Row row = p.row;
    if (!p.InternPerson(sink, kBirth, &row.person, issue)) return false;
    Spec::Table(sink.store()).Append(row);
    return true;
  }
};

struct JeugdbeschermingSpec {
  using Input = JeugdbeschermingInput;
  using Row = JeugdbeschermingRow;
  static constexpr std::string_view kName = "jeugdbescherming";
  static constexpr std::string_view kKindColumn = "measure";
  static constexpr std::string_view Input::*kInputKind = &Input::measure;
  static constexpr Measure Row::*kRowKind = &Row::measure;
  static constexpr auto kKindName = &MeasureName;
  static constexpr auto kParseKind = &ParseMeasure;
  static constexpr int kKindCount = kMeasureCount;
  static JeugdbeschermingTable& Table(RecordStore& s) { return s.jeugdbescherming; }
};
struct JeugdbeschermingTraits : KindEpisodeTraits<JeugdbeschermingSpec> {};

struct VerzuimSpec {
  using Input = VerzuimInput;
  using Row = VerzuimRow;
  static constexpr std::string_view kName = "verzuim";
  static constexpr std::string_view kKindColumn = "kind";
  static constexpr std::string_view Input::*kInputKind = &Input::kind;
  static constexpr VerzuimKind Row::*kRowKind = &Row::kind;
  static constexpr auto kKindName = &VerzuimKindName;
  static constexpr auto kParseKind = &ParseVerzuimKind;
  static constexpr int kKindCount = 3;
  static VerzuimTable& Table(RecordStore& s) { return s.verzuim; }
};
struct VerzuimTraits : KindEpisodeTraits<VerzuimSpec> {};

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

  template <typename F>
  static bool FromCsv(const F& f, Input* in, Issue* issue) {
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

  template <typename F>
  static bool FromCsv(const F& f, Input* in, Issue* issue) {
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
    sink.BeforeChange(p);
    sink.MarkListed(p);
    PersonTable& persons = sink.store().persons;
    persons.birth[p] = birth;
    persons.exit[p] = in.exit_date ? in.exit_date->days() : kNoDate;
    persons.exit_reason[p] = reason;
    return true;
  }
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

// Room for about `rows` more rows of T, estimated from rows actually read
// (never from line ends: blank lines hold no rows). Sizing the person
// dictionary up front saves rehashing it several times: persons.csv has a
// person per row, the other files about two rows per person (only guessed
// for the first file; later files mostly meet known persons). Past the
// estimate the columns grow geometrically.
template <typename T>
void ReserveFor(RecordStore* store, size_t rows) {
  if (rows == 0) return;
  // Columns get a quarter more (capacity that is never written costs no memory).
  T::Reserve(store, rows + rows / 4 + 16);
  size_t persons = 0;
  if (T::kPersonPerRow) {
    persons = store->persons.size() + rows;
  } else if (store->persons.size() == 0) {
    persons = rows / 2;
  }
  if (persons > 0) {
    // Room for ids of 16 characters avoids copying the id buffer as it grows.
    store->persons.ids.Reserve(persons, persons * 16);
    internal::ReserveHuge(&store->persons.birth, persons);
    internal::ReserveHuge(&store->persons.exit, persons);
    internal::ReserveHuge(&store->persons.exit_reason, persons);
  }
}

// ---- Reporting and recovery ----

// InvalidArgument when lenient mode has no report to write to.
absl::Status NeedReport(const LoadOptions& options, const LoadReport* report);

// Splits a reader message "source:line[:column]: reason" into a SkippedRow.
SkippedRow SkippedFromStatus(const absl::Status& status, std::string_view source,
                             size_t line);

// Counts a skipped row in the report (per reason), keeps it as an example
// while fewer than options.max_skipped_examples are kept, and hands it to
// options.on_skipped.
void NoteSkipped(const LoadOptions& options, LoadReport* report, SkippedRow row);

// The reason of a skipped row without its values (digits and quoted text),
// the key of LoadReport::skipped_reasons:
// "end_date 2019-01-01 is before start_date 2019-02-01" ->
// "end_date #-#-# is before start_date #-#-#".
std::string ReasonKey(std::string_view reason);

// The sizes of a store's tables, to put it back as it was (RollBack).
struct StoreMark {
  size_t persons = 0, person_ids = 0, providers = 0;
  size_t jeugdhulp = 0, jeugdbescherming = 0, verzuim = 0, vervolgzorg = 0;
};
StoreMark MarkStore(const RecordStore& store);
// Removes every row and id added since `mark` and undoes `changes` (newest
// first). Allocates nothing, so it works when memory has run out.
void RollBack(RecordStore* store, const StoreMark& mark,
              const std::vector<Sink::PersonChange>& changes);

// The error of a load that ran out of memory: the file and what it needed.
absl::Status OutOfMemoryError(std::string_view source, size_t text_bytes, size_t store_bytes);

// Checks and adds `n` rows held by the caller, row i made by
// get(i, &input, &issue) (false: the row is bad): the same Validate and Commit
// as for CSV records. Errors name the row: "jeugdhulp[3]: reason (field 'x')".
template <typename T, typename Get>
absl::Status AddRowsFrom(RecordStore* store, size_t n, const Get& get,
                         const LoadOptions& options, LoadReport* report) {
  ZVDJ_RETURN_IF_ERROR(NeedReport(options, report));
  LoadReport scratch;
  LoadReport* rep = report != nullptr ? report : &scratch;
  T::Reserve(store, n);
  Sink sink(store);
  Issue issue;
  typename T::Input in{};
  for (size_t i = 0; i < n; ++i) {
    ++rep->input_rows;
    if (get(i, &in, &issue) && AddRecord<T>(in, sink, &issue)) {
      ++rep->loaded_rows;
      continue;
    }
    if (options.mode == LoadMode::kStrict) {
      if (issue.field < 0) {
        return absl::InvalidArgumentError(
            absl::StrFormat("%s[%d]: %s", T::kName, i, issue.message));
      }
      return absl::InvalidArgumentError(
          absl::StrFormat("%s[%d]: %s (field '%s')", T::kName, i, issue.message,
                          T::kColumns[static_cast<size_t>(issue.field)]));
    }
    NoteSkipped(options, rep,
                SkippedRow{std::string(T::kName), i, static_cast<size_t>(issue.field + 1),
                           std::move(issue.message)});
  }
  return absl::OkStatus();
}

// Rows already in memory (the Add*Records functions).
template <typename T>
absl::Status AddRows(RecordStore* store, const typename T::Input* rows, size_t n,
                     const LoadOptions& options, LoadReport* report) {
  const auto get = [rows](size_t i, typename T::Input* in, Issue*) {
    *in = rows[i];
    return true;
  };
  return AddRowsFrom<T>(store, n, get, options, report);
}

// The values of one row held as C string columns (the C API): field j of T
// is columns[j][row]; a NULL column or element is empty. Values are trimmed
// and parsed as in a CSV file.
class TextColumns {
 public:
  explicit TextColumns(const char* const* const* columns) : columns_(columns) {}
  void SetRow(size_t row) { row_ = row; }
  std::string_view operator[](int field) const {
    const char* const* column = columns_[field];
    const char* value = column == nullptr ? nullptr : column[row_];
    return value == nullptr ? std::string_view() : internal::Trim(std::string_view(value));
  }

 private:
  const char* const* const* columns_;
  size_t row_ = 0;
};

// Rows given as text columns, one per entry of T::kColumns.
template <typename T>
absl::Status AddTextRows(RecordStore* store, size_t n, const char* const* const* columns,
                         const LoadOptions& options, LoadReport* report) {
  TextColumns fields(columns);
  const auto get = [&fields](size_t i, typename T::Input* in, Issue* issue) {
    fields.SetRow(i);
    return T::FromCsv(fields, in, issue);
  };
  return AddRowsFrom<T>(store, n, get, options, report);
}

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_RECORD_SCHEMA_H_
