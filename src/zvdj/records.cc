#include "zvdj/records.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "zvdj/internal/huge_pages.h"
#include "zvdj/internal/strings.h"

namespace zvdj {
inline namespace v1 {
namespace {

template <typename E, size_t N>
absl::StatusOr<E> ParseName(std::string_view s, const E (&all)[N],
                            std::string_view (*name)(E) noexcept, std::string_view what) {
  for (E v : all) {
    if (name(v) == s) return v;
  }
  std::vector<std::string> names;
  for (E v : all) {
    if (!name(v).empty()) names.emplace_back(name(v));
  }
  return absl::InvalidArgumentError(absl::StrFormat("unknown %s '%s' (expected one of: %s)",
                                                    what, s, absl::StrJoin(names, ", ")));
}

}  // namespace

std::string_view JeugdhulpFormName(JeugdhulpForm v) noexcept {
  static constexpr std::string_view k[] = {"wijkteam", "ambulant", "daghulp", "netwerk",
                                           "pleegzorg", "gezinsgericht", "gesloten",
                                           "overig_verblijf"};
  return k[static_cast<int>(v)];
}
std::string_view EndReasonName(EndReason v) noexcept {
  static constexpr std::string_view k[] = {"", "volgens_plan", "samen", "eenzijdig_client",
                                           "eenzijdig_aanbieder", "overig", "onbekend"};
  return k[static_cast<int>(v)];
}
std::string_view MeasureName(Measure v) noexcept {
  static constexpr std::string_view k[] = {"ots", "vots", "voogdij", "voorlopige_voogdij",
                                           "tijdelijke_voogdij"};
  return k[static_cast<int>(v)];
}
std::string_view VerzuimKindName(VerzuimKind v) noexcept {
  static constexpr std::string_view k[] = {"relatief", "absoluut", "vrijstelling_5a"};
  return k[static_cast<int>(v)];
}
std::string_view VervolgzorgKindName(VervolgzorgKind v) noexcept {
  static constexpr std::string_view k[] = {"zvw_ggz", "wmo", "wlz"};
  return k[static_cast<int>(v)];
}
std::string_view ExitReasonName(ExitReason v) noexcept {
  static constexpr std::string_view k[] = {"", "emigratie", "overlijden"};
  return k[static_cast<int>(v)];
}

absl::StatusOr<JeugdhulpForm> ParseJeugdhulpForm(std::string_view s) {
  using enum JeugdhulpForm;
  static constexpr JeugdhulpForm k[] = {kWijkteam, kAmbulant, kDaghulp, kNetwerk,
                                        kPleegzorg, kGezinsgericht, kGesloten, kOverigVerblijf};
  return ParseName(s, k, &JeugdhulpFormName, "form");
}
absl::StatusOr<EndReason> ParseEndReason(std::string_view s) {
  using enum EndReason;
  static constexpr EndReason k[] = {kNone, kVolgensPlan, kSamen, kEenzijdigClient,
                                    kEenzijdigAanbieder, kOverig, kOnbekend};
  return ParseName(s, k, &EndReasonName, "end_reason");
}
absl::StatusOr<Measure> ParseMeasure(std::string_view s) {
  using enum Measure;
  static constexpr Measure k[] = {kOts, kVots, kVoogdij, kVoorlopigeVoogdij,
                                  kTijdelijkeVoogdij};
  return ParseName(s, k, &MeasureName, "measure");
}
absl::StatusOr<VerzuimKind> ParseVerzuimKind(std::string_view s) {
  using enum VerzuimKind;
  static constexpr VerzuimKind k[] = {kRelatief, kAbsoluut, kVrijstelling5a};
  return ParseName(s, k, &VerzuimKindName, "kind");
}
absl::StatusOr<VervolgzorgKind> ParseVervolgzorgKind(std::string_view s) {
  using enum VervolgzorgKind;
  static constexpr VervolgzorgKind k[] = {kZvwGgz, kWmo, kWlz};
  return ParseName(s, k, &VervolgzorgKindName, "kind");
}
absl::StatusOr<ExitReason> ParseExitReason(std::string_view s) {
  using enum ExitReason;
  static constexpr ExitReason k[] = {kNone, kEmigratie, kOverlijden};
  return ParseName(s, k, &ExitReasonName, "exit_reason");
}

absl::StatusOr<uint16_t> ParseMunicipalityCode(std::string_view code) {
  if (code.size() != 6 || code[0] != 'G' || code[1] != 'M') {
    return absl::InvalidArgumentError(
        absl::StrFormat("'%s' is not a municipality code (GM + 4 digits)", code));
  }
  int v = 0;
  for (size_t i = 2; i < 6; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return absl::InvalidArgumentError(
          absl::StrFormat("'%s' is not a municipality code (GM + 4 digits)", code));
    }
    v = v * 10 + (code[i] - '0');
  }
  return static_cast<uint16_t>(v);
}

std::string MunicipalityCodeString(uint16_t number) {
  return absl::StrFormat("GM%04d", number);
}

// A fast hash of a short id, 8 bytes at a time (the last word overlapping the
// one before, the length mixed in first), with a strong final mix.
uint64_t IdDictionary::Hash(std::string_view s) noexcept {
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  uint64_t w = 0;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&w, p + i, 8);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    std::memcpy(&w, p + n - 8, 8);
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    w = uint64_t{hi} << 32 | lo;
  } else {
    for (size_t i = 0; i < n; ++i) w = w << 8 | static_cast<unsigned char>(p[i]);
  }
  h = (h ^ w) * 0x94D049BB133111EBull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 32;
  return h;
}

size_t IdDictionary::Probe(std::string_view id, uint64_t h) const {
  const size_t capacity = slots_.size();
  const uint32_t tag = Tag(h);
  for (size_t i = Home(h);;) {
    const uint32_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & ~code_mask_) == tag &&
        internal::ShortEqual(this->id((slot & code_mask_) - 1), id)) {
      return i;
    }
    if (++i == capacity) i = 0;
  }
}

void IdDictionary::Rehash(size_t capacity) {
  // Codes (plus one) take the low bits a code below `capacity` needs; the
  // bits above them keep part of the hash, so that most probes that do not
  // match are told apart without reading the id. More than 2^32 - 1 slots
  // would not leave room for 32-bit codes.
  capacity = std::min<size_t>(capacity, 0xFFFFFFFFu);
  // Lookups land anywhere in a table of tens of megabytes: huge pages spare a
  // TLB miss on top of the cache miss. The old table goes first (lower peak).
  slots_ = std::vector<uint32_t>();
  internal::ReserveHuge(&slots_, capacity);
  slots_.assign(capacity, 0);
  const auto bits = static_cast<int>(std::bit_width(capacity));
  code_mask_ = bits >= 32 ? 0xFFFFFFFFu : (uint32_t{1} << bits) - 1;
  for (uint32_t code = 0; code < size_; ++code) {
    const uint64_t h = Hash(id(code));
    size_t i = Home(h);
    while (slots_[i] != 0) {
      if (++i == capacity) i = 0;
    }
    slots_[i] = Tag(h) | (code + 1);
  }
}

void IdDictionary::Append(std::string_view id) {
  if (offsets_.empty() && id.size() != width_) {
    if (size_ == 0) {
      width_ = id.size();
    } else {  // the first id of another length: offsets from here on
      offsets_.reserve(size_ + size_ / 2 + 2);
      for (size_t i = 0; i <= size_; ++i) offsets_.push_back(i * width_);
    }
  }
  chars_.insert(chars_.end(), id.begin(), id.end());
  if (!offsets_.empty()) offsets_.push_back(chars_.size());
  ++size_;
}

uint32_t IdDictionary::Intern(std::string_view id) { return Intern(id, Hash(id)); }

uint32_t IdDictionary::Intern(std::string_view id, uint64_t h) {
  // Keep the table at most three quarters full.
  if (4 * (size_ + 1) > 3 * slots_.size()) Rehash(std::max<size_t>(16, slots_.size() * 2));
  const size_t i = Probe(id, h);
  if (slots_[i] != 0) return (slots_[i] & code_mask_) - 1;
  const auto code = static_cast<uint32_t>(size_);
  Append(id);
  slots_[i] = Tag(h) | (code + 1);
  return code;
}

std::optional<uint32_t> IdDictionary::Find(std::string_view id) const {
  return Find(id, Hash(id));
}

std::optional<uint32_t> IdDictionary::Find(std::string_view id, uint64_t hash) const {
  if (slots_.empty()) return std::nullopt;
  const size_t i = Probe(id, hash);
  if (slots_[i] == 0) return std::nullopt;
  return (slots_[i] & code_mask_) - 1;
}

void IdDictionary::Prefetch(std::string_view id) const noexcept { Prefetch(Hash(id)); }

void IdDictionary::Prefetch(uint64_t hash) const noexcept {
  if (!slots_.empty()) __builtin_prefetch(&slots_[Home(hash)]);
}

void IdDictionary::Reserve(size_t n, size_t id_bytes) {
  if (!offsets_.empty()) internal::ReserveHuge(&offsets_, n + 1);
  internal::ReserveHuge(&chars_, id_bytes);
  const size_t capacity = std::max<size_t>(16, n + n / 3 + 1);
  if (capacity > slots_.size()) Rehash(capacity);
}

void IdDictionary::Truncate(size_t n) noexcept {
  if (n > size_) return;
  const size_t wanted = std::max<size_t>(16, n + n / 3 + 1);
  if (slots_.size() < wanted) {
    // A rehash failed half way (out of memory): build the table again.
    size_ = n;
    try {
      Rehash(wanted);
    } catch (...) {
      slots_.clear();
      size_ = 0;
      chars_.clear();
      offsets_.clear();
      return;
    }
  } else {
    // Ids are placed in code order (also by a rehash), so the probe path of
    // an id below n never runs through a slot of a later one: clearing the
    // later ones keeps every earlier id findable.
    for (uint32_t& slot : slots_) {
      if (slot != 0 && (slot & code_mask_) - 1 >= n) slot = 0;
    }
    size_ = n;
  }
  if (offsets_.empty()) {
    chars_.resize(std::min(chars_.size(), n * width_));
  } else {
    chars_.resize(std::min<size_t>(chars_.size(), offsets_[std::min(n, offsets_.size() - 1)]));
    offsets_.resize(std::min(offsets_.size(), n + 1));
  }
}

size_t IdDictionary::MemoryBytes() const {
  return chars_.size() + offsets_.size() * sizeof(uint64_t) + slots_.size() * sizeof(uint32_t);
}

uint32_t PersonTable::Intern(std::string_view id) { return Intern(id, IdDictionary::Hash(id)); }

uint32_t PersonTable::Intern(std::string_view id, uint64_t hash) {
  const uint32_t code = ids.Intern(id, hash);
  if (code >= birth.size()) {
    birth.push_back(kNoDate);
    exit.push_back(kNoDate);
    exit_reason.push_back(ExitReason::kNone);
  }
  return code;
}

void JeugdhulpTable::Append(const JeugdhulpRow& r) {
  person.push_back(r.person);
  municipality.push_back(r.municipality);
  provider.push_back(r.provider);
  form.push_back(r.form);
  start.push_back(r.start);
  end.push_back(r.end);
  end_reason.push_back(r.end_reason);
}
void JeugdhulpTable::Reserve(size_t n) {
  internal::ReserveHuge(&person, n);
  internal::ReserveHuge(&municipality, n);
  internal::ReserveHuge(&provider, n);
  internal::ReserveHuge(&form, n);
  internal::ReserveHuge(&start, n);
  internal::ReserveHuge(&end, n);
  internal::ReserveHuge(&end_reason, n);
}

void JeugdbeschermingTable::Append(const JeugdbeschermingRow& r) {
  person.push_back(r.person);
  municipality.push_back(r.municipality);
  measure.push_back(r.measure);
  start.push_back(r.start);
  end.push_back(r.end);
}
void JeugdbeschermingTable::Reserve(size_t n) {
  internal::ReserveHuge(&person, n);
  internal::ReserveHuge(&municipality, n);
  internal::ReserveHuge(&measure, n);
  internal::ReserveHuge(&start, n);
  internal::ReserveHuge(&end, n);
}

void VerzuimTable::Append(const VerzuimRow& r) {
  person.push_back(r.person);
  municipality.push_back(r.municipality);
  kind.push_back(r.kind);
  start.push_back(r.start);
  end.push_back(r.end);
}
void VerzuimTable::Reserve(size_t n) {
  internal::ReserveHuge(&person, n);
  internal::ReserveHuge(&municipality, n);
  internal::ReserveHuge(&kind, n);
  internal::ReserveHuge(&start, n);
  internal::ReserveHuge(&end, n);
}

void VervolgzorgTable::Append(const VervolgzorgRow& r) {
  person.push_back(r.person);
  kind.push_back(r.kind);
  start.push_back(r.start);
  end.push_back(r.end);
}
void VervolgzorgTable::Reserve(size_t n) {
  internal::ReserveHuge(&person, n);
  internal::ReserveHuge(&kind, n);
  internal::ReserveHuge(&start, n);
  internal::ReserveHuge(&end, n);
}

namespace {
template <typename... V>
size_t ColumnBytes(const V&... columns) {
  return ((columns.size() * sizeof(typename V::value_type)) + ...);
}
}  // namespace

size_t MemoryBytes(const RecordStore& s) {
  const PersonTable& p = s.persons;
  const JeugdhulpTable& j = s.jeugdhulp;
  const JeugdbeschermingTable& b = s.jeugdbescherming;
  const VerzuimTable& v = s.verzuim;
  const VervolgzorgTable& z = s.vervolgzorg;
  return p.ids.MemoryBytes() + ColumnBytes(p.birth, p.exit, p.exit_reason) +
         s.providers.MemoryBytes() +
         ColumnBytes(j.person, j.municipality, j.provider, j.form, j.start, j.end, j.end_reason) +
         ColumnBytes(b.person, b.municipality, b.measure, b.start, b.end) +
         ColumnBytes(v.person, v.municipality, v.kind, v.start, v.end) +
         ColumnBytes(z.person, z.kind, z.start, z.end);
}

}  // namespace v1
}  // namespace zvdj
