// Building blocks of the person-level engine shared by the indicator families
// (src/zvdj/indicators_*.cc): grouping rows by person, municipality slots,
// dense cell counters, attribution and the age rule.
#ifndef ZVDJ_INTERNAL_INDICATORS_INTERNAL_H_
#define ZVDJ_INTERNAL_INDICATORS_INTERNAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "zvdj/dataset.hpp"
#include "zvdj/date.hpp"
#include "zvdj/indicators.hpp"
#include "zvdj/records.hpp"

namespace zvdj::internal {

// Rows of each person: for person p, positions offsets[p] .. offsets[p+1]-1,
// mapped to rows through `order` (empty when the table is already sorted by
// person, then the position is the row). Rows keep their table order.
struct PersonGroups {
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> order;
  uint32_t row(uint32_t pos) const { return order.empty() ? pos : order[pos]; }
};
PersonGroups GroupByPerson(const std::vector<uint32_t>& person, size_t person_count);

// Dense slots for the municipalities (after herindeling) that occur in a table.
struct MunicipalitySlots {
  const std::vector<uint16_t>* classify = nullptr;  // raw code -> classified code
  std::vector<int32_t> slot_of;                     // classified code -> slot or -1
  std::vector<uint16_t> codes;                      // slot -> classified code, ascending
  uint16_t Classified(uint16_t raw) const { return (*classify)[raw]; }
};
MunicipalitySlots BuildSlots(const std::vector<uint16_t>& municipality,
                             const std::vector<uint16_t>& classify);

// A person counted in more than one municipality of a period (the CBS rule):
// the person cells set in each, so that a region over several municipalities
// counts the person once. Entries [begin, begin + count) of CellCounts::mover_cells().
struct MoverCell {
  int32_t slot;
  uint64_t cells;  // bit c = person cell c
};
struct Mover {
  int32_t period;
  uint32_t begin;
  uint32_t count;
};

// Counters [period][slot][cell], plus the movers of the CBS rule.
class CellCounts {
 public:
  CellCounts() = default;
  CellCounts(int periods, int slots, int cells)
      : slots_(slots), cells_(cells),
        v_(static_cast<size_t>(periods) * static_cast<size_t>(slots) *
               static_cast<size_t>(cells), 0) {}
  uint32_t* at(int period, int slot) {
    return &v_[(static_cast<size_t>(period) * static_cast<size_t>(slots_) +
                static_cast<size_t>(slot)) * static_cast<size_t>(cells_)];
  }
  uint32_t get(int period, int slot, int cell) const {
    return v_[(static_cast<size_t>(period) * static_cast<size_t>(slots_) +
               static_cast<size_t>(slot)) * static_cast<size_t>(cells_) +
              static_cast<size_t>(cell)];
  }
  int cells() const { return cells_; }
  // Adds the counts and movers of `other` (of the same shape).
  void Add(const CellCounts& other) {
    for (size_t i = 0; i < v_.size(); ++i) v_[i] += other.v_[i];
    const auto base = static_cast<uint32_t>(mover_cells_.size());
    mover_cells_.insert(mover_cells_.end(), other.mover_cells_.begin(), other.mover_cells_.end());
    for (Mover m : other.movers_) {
      m.begin += base;
      movers_.push_back(m);
    }
  }
  void AddMover(int period, const MoverCell* cells, size_t n) {
    movers_.push_back({period, static_cast<uint32_t>(mover_cells_.size()),
                       static_cast<uint32_t>(n)});
    mover_cells_.insert(mover_cells_.end(), cells, cells + n);
  }
  const std::vector<Mover>& movers() const { return movers_; }
  const std::vector<MoverCell>& mover_cells() const { return mover_cells_; }

 private:
  int slots_ = 0, cells_ = 0;
  std::vector<uint32_t> v_;
  std::vector<Mover> movers_;
  std::vector<MoverCell> mover_cells_;
};

// The person cells of one person in one period, per municipality slot. Flush
// adds one to each set cell in each slot and, when more than one slot has
// cells, records the person as a mover.
class SlotCells {
 public:
  void Clear() { e_.clear(); }
  uint64_t& operator[](int32_t slot) {
    for (MoverCell& c : e_) {
      if (c.slot == slot) return c.cells;
    }
    e_.push_back({slot, 0});
    return e_.back().cells;
  }
  // The k-th slot and its cells, in order of first use; false past the end.
  bool At(size_t k, int32_t* slot, uint64_t* cells) const {
    if (k >= e_.size()) return false;
    *slot = e_[k].slot;
    *cells = e_[k].cells;
    return true;
  }
  void Flush(int period, CellCounts* counts) {
    size_t used = 0;
    for (const MoverCell& c : e_) {
      if (c.cells == 0) continue;
      e_[used++] = c;
      uint32_t* v = counts->at(period, c.slot);
      for (uint64_t m = c.cells; m != 0; m &= m - 1) ++v[__builtin_ctzll(m)];
    }
    if (used > 1) counts->AddMover(period, e_.data(), used);
    e_.clear();
  }

 private:
  std::vector<MoverCell> e_;
};

// One published series of a family: a count (den < 0) or a percentage
// 100 * num / den of two cells.
struct OutputSpec {
  std::string indicator;
  Dimensions dims;
  int num = 0;
  int den = -1;
};

struct Family {
  std::vector<Period> periods;
  MunicipalitySlots slots;
  CellCounts counts;
  std::vector<OutputSpec> specs;
};

struct EngineContext {
  const RecordStore* store = nullptr;
  const ComputeOptions* options = nullptr;
  int from = 0, to = 0;
  std::vector<uint16_t> classify;  // raw municipality -> classified
  int years() const { return to - from + 1; }
  static int32_t Jan1(int year) { return Date::FromYmdUnchecked(year, 1, 1).days(); }
  static int32_t Dec31(int year) { return Date::FromYmdUnchecked(year, 12, 31).days(); }
};

// Whether candidate (start, end, code) is more recent than the current best:
// latest start, then latest end, then highest municipality code.
inline bool MoreRecent(int32_t start, int32_t end, uint16_t code, int32_t best_start,
                       int32_t best_end, uint16_t best_code) {
  if (start != best_start) return start > best_start;
  if (end != best_end) return end > best_end;
  return code > best_code;
}

// The most recent of the rows offered (MoreRecent), with its municipality
// classified: the person's municipality in a period under
// Attribution::kLatest.
template <typename Table>
class LatestRow {
 public:
  LatestRow(const Table& t, const std::vector<uint16_t>& classify) : t_(t), classify_(classify) {}
  void Offer(uint32_t row) {
    const uint16_t code = classify_[t_.municipality[row]];
    if (!found_ || MoreRecent(t_.start[row], t_.end[row], code, t_.start[row_], t_.end[row_], code_)) {
      found_ = true;
      row_ = row;
      code_ = code;
    }
  }
  bool found() const { return found_; }
  uint16_t code() const { return code_; }  // classified municipality; only when found()

 private:
  const Table& t_;
  const std::vector<uint16_t>& classify_;
  bool found_ = false;
  uint32_t row_ = 0;
  uint16_t code_ = 0;
};

// Completed years on `on_ymd` for a birth on `birth_ymd` (yyyymmdd integers);
// -1 before birth. Under kFeb28 a 29 February birthday falls on 28 February in
// common years.
inline int AgeYmd(int32_t birth_ymd, int32_t on_ymd, Feb29Rule rule) {
  if (rule == Feb29Rule::kFeb28 && birth_ymd % 10000 == 229 && !IsLeapYear(on_ymd / 10000)) {
    birth_ymd -= 1;
  }
  if (on_ymd < birth_ymd) return -1;
  return (on_ymd - birth_ymd) / 10000;
}

inline int YearOfDay(int32_t day) { return Date::FromDays(day).year(); }

// A jeugdhulp trajectory while a person is processed.
struct Trajectory {
  int32_t start;
  int32_t end;
  uint32_t provider;
  uint16_t municipality;  // classified
  JeugdhulpForm form;
  EndReason end_reason;
};

// Sorts by (form, provider, start, end, end reason, municipality) and merges
// trajectories with the same form and provider that overlap or touch (next
// start <= current end) into one from the first start to the last end; the
// merged one keeps the end reason and municipality of the part that ends last
// (ties: the later start, then the higher end reason code, then the higher
// municipality code), so the result depends on the set of rows only.
// Returns the new count; t[0..count) holds the result.
size_t MergeTrajectories(Trajectory* t, size_t n);

absl::Status RowEndsBeforeStart(std::string_view table, size_t row, std::string_view person,
                                int32_t start, int32_t end);

// Families. `jmv_on_dec31` (one bit per year from ctx.from) is filled when not null.
absl::StatusOr<Family> ComputeJeugdhulp(const EngineContext& ctx,
                                        std::vector<uint64_t>* jmv_on_dec31);
absl::StatusOr<Family> ComputeJeugdbescherming(const EngineContext& ctx);
absl::StatusOr<Family> ComputeUithuisplaatsing(const EngineContext& ctx,
                                               const std::vector<uint64_t>& jmv_on_dec31);
absl::StatusOr<Family> ComputeVerzuim(const EngineContext& ctx);

// Jeugdbescherming cell layout: quantity q (0 begin, 1 inflow, 2 outflow,
// 3 end) x measure m (0..4, 5 = persons).
constexpr int JbCell(int q, int m) { return q * (kMeasureCount + 1) + m; }
inline constexpr int kJbPersons = kMeasureCount;

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_INDICATORS_INTERNAL_H_
