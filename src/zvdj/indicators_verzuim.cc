// Verzuim indicators per school year (1 August - 31 July): thuiszitters,
// thuiszitters langer dan 3 maanden, and vrijstellingen artikel 5 onder a.
#include <algorithm>

#include "zvdj/internal/indicators_internal.h"

namespace zvdj::internal {

absl::StatusOr<Family> ComputeVerzuim(const EngineContext& ctx) {
  const RecordStore& s = *ctx.store;
  const VerzuimTable& t = s.verzuim;
  const ComputeOptions& opt = *ctx.options;
  const int years = ctx.years();
  enum { kThuiszitters = 0, kLanger = 1, kVrijstellingen = 2, kCells = 3 };
  Family f;
  // School years ending in from..to: the last one ends on 31 July of `to`, so
  // data up to 31 December of `to` cover it completely.
  for (int y = ctx.from; y <= ctx.to; ++y) f.periods.push_back(Period::SchoolYear(y - 1));
  f.slots = BuildSlots(t.municipality, ctx.classify);
  f.counts = CellCounts(years, static_cast<int>(f.slots.codes.size()), kCells);
  f.specs.push_back({"thuiszitters", {}, kThuiszitters});
  f.specs.push_back({"thuiszitters_langer_3m", {}, kLanger});
  f.specs.push_back({"vrijstellingen_5a", {}, kVrijstellingen});

  const auto& col = t.person;
  const size_t person_count = std::max<size_t>(
      s.persons.size(), col.empty() ? 0 : *std::max_element(col.begin(), col.end()) + 1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.end[i] < t.start[i]) {
      return RowEndsBeforeStart(
          "verzuim", i,
          t.person[i] < s.persons.size() ? s.persons.ids.id(t.person[i]) : std::string_view(),
          t.start[i], t.end[i]);
    }
  }
  const PersonGroups groups = GroupByPerson(t.person, person_count);
  std::vector<int32_t> first(static_cast<size_t>(years)), last(static_cast<size_t>(years));
  for (int yi = 0; yi < years; ++yi) {
    first[static_cast<size_t>(yi)] = Date::FromYmdUnchecked(ctx.from + yi - 1, 8, 1).days();
    last[static_cast<size_t>(yi)] = Date::FromYmdUnchecked(ctx.from + yi, 7, 31).days();
  }
  // Under kCbs each cell goes to the municipality of the record that makes
  // it (the vrijstelling, the thuiszitter episode); under kLatest all go to
  // that of the most recent record active during the school year.
  const bool cbs = opt.attribution == Attribution::kCbs;
  SlotCells cells;
  const auto bit = [](int cell) { return uint64_t{1} << cell; };
  for (size_t p = 0; p < person_count; ++p) {
    const uint32_t b = groups.offsets[p], e = groups.offsets[p + 1];
    if (b == e) continue;
    for (int yi = 0; yi < years; ++yi) {
      const int32_t sf = first[static_cast<size_t>(yi)], sl = last[static_cast<size_t>(yi)];
      LatestRow latest(t, ctx.classify);
      bool vrijstelling = false;
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        if (t.start[row] > sl || t.end[row] < sf) continue;  // active during S
        if (t.kind[row] == VerzuimKind::kVrijstelling5a) vrijstelling = true;
        latest.Offer(row);
      }
      if (!latest.found()) continue;
      const int32_t latest_slot = f.slots.slot_of[latest.code()];
      const auto slot_of = [&](uint32_t row) {
        return cbs ? f.slots.slot_of[ctx.classify[t.municipality[row]]] : latest_slot;
      };
      cells.Clear();
      for (uint32_t pos = b; pos < e; ++pos) {
        const uint32_t row = groups.row(pos);
        const VerzuimKind kind = t.kind[row];
        const int32_t st = t.start[row], en = t.end[row];
        if (st > sl || en < sf) continue;
        if (kind == VerzuimKind::kVrijstelling5a) {
          cells[slot_of(row)] |= bit(kVrijstellingen);
          continue;
        }
        // Duration up to the episode's end or the end of S (exclusive day).
        const int32_t stop = std::min(en, sl + 1);
        if (kind == VerzuimKind::kRelatief && stop - st < opt.thuiszitter_min_relatief_days) {
          continue;
        }
        // Covered: a vrijstelling active during the episode's overlap with S.
        const int32_t ov_first = std::max(st, sf), ov_last = std::min(en, sl);
        bool covered = false;
        if (vrijstelling) {
          for (uint32_t q = b; q < e && !covered; ++q) {
            const uint32_t v = groups.row(q);
            covered = t.kind[v] == VerzuimKind::kVrijstelling5a && t.start[v] <= ov_last &&
                      t.end[v] >= ov_first;
          }
        }
        if (covered) continue;
        uint64_t& c = cells[slot_of(row)];
        c |= bit(kThuiszitters);
        if (stop > AddMonths(Date::FromDays(st), opt.thuiszitter_long_months).days()) {
          c |= bit(kLanger);
        }
      }
      cells.Flush(yi, &f.counts);
    }
  }
  return f;
}

}  // namespace zvdj::internal
