// Jeugdbescherming indicators: begin stock, inflow, outflow and end stock per
// calendar year (measures and persons), and uithuisplaatsing bij OTS on the
// peildatum 31 December.
#include <algorithm>

#include "zvdj/internal/indicators_internal.h"

namespace zvdj::internal {
namespace {

constexpr const char* kJbIndicators[] = {"jeugdbescherming_beginstand",
                                         "jeugdbescherming_instroom",
                                         "jeugdbescherming_uitstroom",
                                         "jeugdbescherming_eindstand"};

size_t PersonCount(const RecordStore& s) {
  const auto& col = s.jeugdbescherming.person;
  return std::max<size_t>(s.persons.size(),
                          col.empty() ? 0 : *std::max_element(col.begin(), col.end()) + 1);
}

std::string_view PersonId(const RecordStore& s, size_t p) {
  return p < s.persons.size() ? s.persons.ids.id(static_cast<uint32_t>(p)) : std::string_view();
}

absl::Status CheckRows(const RecordStore& s) {
  const JeugdbeschermingTable& t = s.jeugdbescherming;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.end[i] < t.start[i]) {
      return RowEndsBeforeStart("jeugdbescherming", i, PersonId(s, t.person[i]), t.start[i],
                                t.end[i]);
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Family> ComputeJeugdbescherming(const EngineContext& ctx) {
  const RecordStore& s = *ctx.store;
  const JeugdbeschermingTable& t = s.jeugdbescherming;
  if (absl::Status st = CheckRows(s); !st.ok()) return st;
  const int years = ctx.years();
  constexpr int kCells = 4 * (kMeasureCount + 1);
  Family f;
  for (int y = ctx.from; y <= ctx.to; ++y) f.periods.push_back(Period::Year(y));
  f.slots = BuildSlots(t.municipality, ctx.classify);
  f.counts = CellCounts(years, static_cast<int>(f.slots.codes.size()), kCells);
  for (int q = 0; q < 4; ++q) {
    f.specs.push_back({kJbIndicators[q], {}, JbCell(q, kJbPersons)});
    for (int m = 0; m < kMeasureCount; ++m) {
      f.specs.push_back({kJbIndicators[q],
                         {{"measure", std::string(MeasureName(static_cast<Measure>(m)))}},
                         JbCell(q, m)});
    }
  }

  const size_t person_count = PersonCount(s);
  const PersonGroups groups = GroupByPerson(t.person, person_count);
  const int32_t range_first = EngineContext::Jan1(ctx.from);
  const int32_t range_last = EngineContext::Dec31(ctx.to);
  const bool cbs = ctx.options->attribution == Attribution::kCbs;
  SlotCells cells;
  for (size_t p = 0; p < person_count; ++p) {
    const uint32_t b = groups.offsets[p], e = groups.offsets[p + 1];
    if (b == e) continue;
    int32_t min_start = kOpenEnd, max_end = kNoDate;
    for (uint32_t pos = b; pos < e; ++pos) {
      const uint32_t row = groups.row(pos);
      min_start = std::min(min_start, t.start[row]);
      max_end = std::max(max_end, t.end[row]);
    }
    if (min_start > range_last || max_end < range_first) continue;
    const int y_lo = std::max(0, YearOfDay(std::max(min_start, range_first)) - ctx.from);
    const int y_hi = std::min(years - 1, YearOfDay(std::min(max_end, range_last)) - ctx.from);
    for (int yi = y_lo; yi <= y_hi; ++yi) {
      const int y = ctx.from + yi;
      const int32_t d0 = EngineContext::Dec31(y - 1), d1 = EngineContext::Dec31(y);
      // The measures active during the year are exactly those that count in
      // any of the four quantities. Under kLatest all go to the municipality
      // of the most recent of them; under kCbs each to its own.
      LatestRow latest(t, ctx.classify);
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        if (t.start[row] > d1 || t.end[row] <= d0) continue;
        latest.Offer(row);
      }
      if (!latest.found()) continue;
      const int32_t latest_slot = f.slots.slot_of[latest.code()];
      cells.Clear();
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        const int32_t st = t.start[row], en = t.end[row];
        if (st > d1 || en <= d0) continue;
        const int32_t slot =
            cbs ? f.slots.slot_of[ctx.classify[t.municipality[row]]] : latest_slot;
        uint32_t* c = f.counts.at(yi, slot);
        uint64_t& persons = cells[slot];
        const int m = static_cast<int>(t.measure[row]);
        const bool q[4] = {st <= d0,              // active on 31 Dec Y-1 (en > d0 holds)
                           st > d0,               // started in Y (st <= d1 holds)
                           en <= d1,              // ended in Y (en > d0 holds)
                           en > d1};              // active on 31 Dec Y (st <= d1 holds)
        for (int k = 0; k < 4; ++k) {
          if (q[k]) {
            ++c[JbCell(k, m)];  // measures: each in its own (or the attributed) municipality
            persons |= uint64_t{1} << JbCell(k, kJbPersons);
          }
        }
      }
      cells.Flush(yi, &f.counts);
    }
  }
  return f;
}

absl::StatusOr<Family> ComputeUithuisplaatsing(const EngineContext& ctx,
                                               const std::vector<uint64_t>& jmv_on_dec31) {
  const RecordStore& s = *ctx.store;
  const JeugdbeschermingTable& t = s.jeugdbescherming;
  const bool vots_as_ots = ctx.options->vots_counts_as_ots;
  const int years = ctx.years();
  // Cells: 0..4 placed persons per measure, 5 placed persons (any measure),
  // 6 persons with ots (and vots), 7 of whom placed.
  enum { kPlacedAny = 5, kOtsDen = 6, kOtsNum = 7, kCells = 8 };
  Family f;
  for (int y = ctx.from; y <= ctx.to; ++y) {
    f.periods.push_back(Period::Peildatum(Date::FromDays(EngineContext::Dec31(y))));
  }
  f.slots = BuildSlots(t.municipality, ctx.classify);
  f.counts = CellCounts(years, static_cast<int>(f.slots.codes.size()), kCells);
  f.specs.push_back({"uithuisplaatsing_ots_pct", {}, kOtsNum, kOtsDen});
  f.specs.push_back({"uithuisplaatsingen", {}, kPlacedAny});
  for (int m = 0; m < kMeasureCount; ++m) {
    if (vots_as_ots && static_cast<Measure>(m) == Measure::kVots) continue;
    f.specs.push_back({"uithuisplaatsingen",
                       {{"measure", std::string(MeasureName(static_cast<Measure>(m)))}}, m});
  }

  const size_t person_count = PersonCount(s);
  const PersonGroups groups = GroupByPerson(t.person, person_count);
  const bool cbs = ctx.options->attribution == Attribution::kCbs;
  SlotCells measures_in;  // measure bits per municipality slot
  SlotCells cells;
  for (size_t p = 0; p < person_count; ++p) {
    const uint32_t b = groups.offsets[p], e = groups.offsets[p + 1];
    if (b == e) continue;
    const uint64_t placed_years = p < jmv_on_dec31.size() ? jmv_on_dec31[p] : 0;
    for (int yi = 0; yi < years; ++yi) {
      const int32_t d = EngineContext::Dec31(ctx.from + yi);
      // Measures active on the peildatum, in the municipality of each record
      // (kCbs) or all in that of the most recent one (kLatest).
      LatestRow latest(t, ctx.classify);
      measures_in.Clear();
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        if (t.start[row] > d || t.end[row] <= d) continue;  // active on the peildatum
        Measure m = t.measure[row];
        if (vots_as_ots && m == Measure::kVots) m = Measure::kOts;
        measures_in[cbs ? f.slots.slot_of[ctx.classify[t.municipality[row]]] : 0] |=
            uint64_t{1} << static_cast<unsigned>(m);
        latest.Offer(row);
      }
      if (!latest.found()) continue;
      const bool placed = (placed_years >> yi) & 1u;
      cells.Clear();
      for (int k = 0;; ++k) {
        int32_t slot = -1;
        uint64_t measures = 0;
        if (!measures_in.At(static_cast<size_t>(k), &slot, &measures)) break;
        if (!cbs) slot = f.slots.slot_of[latest.code()];
        uint64_t& c = cells[slot];
        const bool ots = (measures & 1u) || (vots_as_ots && (measures & 2u));
        if (ots) {
          c |= uint64_t{1} << kOtsDen;
          if (placed) c |= uint64_t{1} << kOtsNum;
        }
        if (placed) c |= (uint64_t{1} << kPlacedAny) | measures;  // cells 0..4 = measures
      }
      cells.Flush(yi, &f.counts);
    }
  }
  return f;
}

}  // namespace zvdj::internal
