// libzvdj person-level records: a columnar in-memory store of youth-care
// trajectories, child-protection measures, school-absence episodes and
// follow-up care, keyed by dictionary-encoded person ids.
//
//   #include "zvdj/records.hpp"
//   zvdj::RecordStore store;
//   uint32_t p = store.persons.Intern("P000123");
//   store.persons.SetBirth(p, zvdj::Date::FromYmdUnchecked(2004, 2, 29));
//   store.jeugdhulp.Append({.person = p, .municipality = 363, .provider = 0,
//                           .form = zvdj::JeugdhulpForm::kPleegzorg,
//                           .start = zvdj::Date::FromYmdUnchecked(2019, 3, 1).days(),
//                           .end = zvdj::kOpenEnd});
//
// Dates are day numbers (zvdj::Date::days()); an open end is kOpenEnd. A
// municipality is the number of its GM code (GM0363 -> 363). Codes are small
// enums. A trajectory takes 20 bytes, a measure or episode 16, a person 9 plus its id
// (IdDictionary).
// The store is a plain value: fill it from one thread, then share it read-only.
#ifndef ZVDJ_RECORDS_HPP_
#define ZVDJ_RECORDS_HPP_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "zvdj/date.hpp"

namespace zvdj {
inline namespace v1 {

// End date of a record that is still running.
inline constexpr int32_t kOpenEnd = std::numeric_limits<int32_t>::max();
// Birth or exit date not known.
inline constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();

enum class JeugdhulpForm : uint8_t {
  kWijkteam = 0, kAmbulant = 1, kDaghulp = 2, kNetwerk = 3,  // zonder verblijf
  kPleegzorg = 4, kGezinsgericht = 5, kGesloten = 6, kOverigVerblijf = 7,  // met verblijf
};
inline constexpr int kJeugdhulpFormCount = 8;
constexpr bool IsMetVerblijf(JeugdhulpForm f) noexcept { return f >= JeugdhulpForm::kPleegzorg; }

enum class EndReason : uint8_t {
  kNone = 0,  // still running
  kVolgensPlan, kSamen, kEenzijdigClient, kEenzijdigAanbieder, kOverig, kOnbekend,
};
inline constexpr int kEndReasonCount = 7;

enum class Measure : uint8_t { kOts = 0, kVots, kVoogdij, kVoorlopigeVoogdij, kTijdelijkeVoogdij };
inline constexpr int kMeasureCount = 5;

enum class VerzuimKind : uint8_t { kRelatief = 0, kAbsoluut, kVrijstelling5a };
enum class VervolgzorgKind : uint8_t { kZvwGgz = 0, kWmo, kWlz };
enum class ExitReason : uint8_t { kNone = 0, kEmigratie, kOverlijden };

// Names as written in the CSV files ("pleegzorg", "volgens_plan", "ots", ...);
// the parsers return InvalidArgument listing the accepted names.
std::string_view JeugdhulpFormName(JeugdhulpForm v) noexcept;
std::string_view EndReasonName(EndReason v) noexcept;  // "" for kNone
std::string_view MeasureName(Measure v) noexcept;
std::string_view VerzuimKindName(VerzuimKind v) noexcept;
std::string_view VervolgzorgKindName(VervolgzorgKind v) noexcept;
std::string_view ExitReasonName(ExitReason v) noexcept;  // "" for kNone
absl::StatusOr<JeugdhulpForm> ParseJeugdhulpForm(std::string_view s);
absl::StatusOr<EndReason> ParseEndReason(std::string_view s);  // "" -> kNone
absl::StatusOr<Measure> ParseMeasure(std::string_view s);
absl::StatusOr<VerzuimKind> ParseVerzuimKind(std::string_view s);
absl::StatusOr<VervolgzorgKind> ParseVervolgzorgKind(std::string_view s);
absl::StatusOr<ExitReason> ParseExitReason(std::string_view s);  // "" -> kNone

// "GM0363" -> 363; InvalidArgument unless GM + exactly 4 digits.
absl::StatusOr<uint16_t> ParseMunicipalityCode(std::string_view code);
std::string MunicipalityCodeString(uint16_t number);  // 363 -> "GM0363"

// Dictionary of external ids (persons, providers) to dense codes 0..n-1.
// The ids are stored back to back in one buffer and found through an
// open-addressing table of 4-byte slots (the code and some bits of the hash)
// at most three quarters full. Ids of one length, as pseudonymised ids
// (RINPERSOON) are, need no offsets: an id of 10 characters takes 15 to 21
// bytes (the characters and 5 to 11 bytes of table), 8 more once lengths
// differ. A view returned by id() is valid until the next Intern().
class IdDictionary {
 public:
  uint32_t Intern(std::string_view id);
  std::optional<uint32_t> Find(std::string_view id) const;
  // The same with `hash == Hash(id)` computed beforehand (a loader hashes ids
  // on its reading threads, so that the thread that interns only probes).
  static uint64_t Hash(std::string_view id) noexcept;
  uint32_t Intern(std::string_view id, uint64_t hash);
  std::optional<uint32_t> Find(std::string_view id, uint64_t hash) const;
  std::string_view id(uint32_t code) const {
    if (offsets_.empty()) return {chars_.data() + size_t{code} * width_, width_};
    return {chars_.data() + offsets_[code], offsets_[code + 1] - offsets_[code]};
  }
  size_t size() const { return size_; }
  // Room for `n` ids (of `id_bytes` characters in all) without rehashing.
  void Reserve(size_t n, size_t id_bytes = 0);
  // Starts loading the table slot of `id` into the cache: a loader calls it a
  // row ahead, so that the lookup of a new id does not wait on memory.
  void Prefetch(std::string_view id) const noexcept;
  void Prefetch(uint64_t hash) const noexcept;
  // Bytes of memory held: the ids, their offsets and the whole table.
  size_t MemoryBytes() const;
  // Forgets the ids with codes >= n (a load that failed puts the dictionary
  // back as it found it). Allocates only if the table itself was lost.
  void Truncate(size_t n) noexcept;

 private:
  // Slot index of `id` (hash `h`), or of the free slot where it would go.
  size_t Probe(std::string_view id, uint64_t h) const;
  size_t Home(uint64_t h) const {  // first slot to probe, in [0, slots_.size())
    return static_cast<size_t>((h & 0xFFFFFFFFu) * slots_.size() >> 32);
  }
  uint32_t Tag(uint64_t h) const { return static_cast<uint32_t>(h >> 32) & ~code_mask_; }
  void Rehash(size_t capacity);
  void Append(std::string_view id);

  std::vector<char> chars_;        // vector, not string: reserved on huge pages
  std::vector<uint64_t> offsets_;  // id i is chars_[offsets_[i], offsets_[i + 1]); empty while
                                   // every id has `width_` characters (id i at i * width_)
  size_t width_ = 0;
  size_t size_ = 0;
  // A slot holds code + 1 in the bits of code_mask_ and the high bits of the
  // hash above them (compared before the ids are); 0 when free.
  std::vector<uint32_t> slots_;
  uint32_t code_mask_ = 0;
};

// Per-person facts, indexed by the person code.
struct PersonTable {
  IdDictionary ids;
  std::vector<int32_t> birth;       // kNoDate when unknown
  std::vector<int32_t> exit;        // kNoDate when none (emigration or death)
  std::vector<ExitReason> exit_reason;

  // Interns `id` and grows the columns.
  uint32_t Intern(std::string_view id);
  uint32_t Intern(std::string_view id, uint64_t hash);  // hash == IdDictionary::Hash(id)
  void SetBirth(uint32_t person, Date birth_date) { birth[person] = birth_date.days(); }
  size_t size() const { return birth.size(); }
};

struct JeugdhulpRow {
  uint32_t person = 0;
  uint16_t municipality = 0;
  uint32_t provider = 0;
  JeugdhulpForm form = JeugdhulpForm::kAmbulant;
  int32_t start = 0;
  int32_t end = kOpenEnd;
  EndReason end_reason = EndReason::kNone;
};

struct JeugdhulpTable {
  std::vector<uint32_t> person;
  std::vector<uint16_t> municipality;
  std::vector<uint32_t> provider;
  std::vector<JeugdhulpForm> form;
  std::vector<int32_t> start, end;
  std::vector<EndReason> end_reason;

  void Append(const JeugdhulpRow& r);
  void Reserve(size_t n);
  size_t size() const { return person.size(); }
};

struct JeugdbeschermingRow {
  uint32_t person = 0;
  uint16_t municipality = 0;
  Measure measure = Measure::kOts;
  int32_t start = 0;
  int32_t end = kOpenEnd;
};

struct JeugdbeschermingTable {
  std::vector<uint32_t> person;
  std::vector<uint16_t> municipality;
  std::vector<Measure> measure;
  std::vector<int32_t> start, end;

  void Append(const JeugdbeschermingRow& r);
  void Reserve(size_t n);
  size_t size() const { return person.size(); }
};

struct VerzuimRow {
  uint32_t person = 0;
  uint16_t municipality = 0;
  VerzuimKind kind = VerzuimKind::kRelatief;
  int32_t start = 0;
  int32_t end = kOpenEnd;
};

struct VerzuimTable {
  std::vector<uint32_t> person;
  std::vector<uint16_t> municipality;
  std::vector<VerzuimKind> kind;
  std::vector<int32_t> start, end;

  void Append(const VerzuimRow& r);
  void Reserve(size_t n);
  size_t size() const { return person.size(); }
};

struct VervolgzorgRow {
  uint32_t person = 0;
  VervolgzorgKind kind = VervolgzorgKind::kZvwGgz;
  int32_t start = 0;
  int32_t end = kOpenEnd;
};

struct VervolgzorgTable {
  std::vector<uint32_t> person;
  std::vector<VervolgzorgKind> kind;
  std::vector<int32_t> start, end;

  void Append(const VervolgzorgRow& r);
  void Reserve(size_t n);
  size_t size() const { return person.size(); }
};

struct RecordStore {
  PersonTable persons;
  IdDictionary providers;
  JeugdhulpTable jeugdhulp;
  JeugdbeschermingTable jeugdbescherming;
  VerzuimTable verzuim;
  VervolgzorgTable vervolgzorg;
};

// Bytes of memory the store's contents take: the columns at their sizes and
// the dictionaries with their whole tables (reserved capacity that was never
// written costs address space only and is not counted).
size_t MemoryBytes(const RecordStore& store);

}  // namespace v1
}  // namespace zvdj

#endif  // ZVDJ_RECORDS_HPP_
