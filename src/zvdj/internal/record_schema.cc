#include "zvdj/internal/record_schema.h"

#include <utility>

namespace zvdj::internal {

std::string DateText(int32_t days) { return Date::FromDays(days).ToString(); }

absl::Status NeedReport(const LoadOptions& options, const LoadReport* report) {
  if (options.mode == LoadMode::kLenient && report == nullptr) {
    return absl::InvalidArgumentError("lenient loading needs a LoadReport to list skipped rows");
  }
  return absl::OkStatus();
}

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

std::string ReasonKey(std::string_view reason) {
  std::string key;
  key.reserve(reason.size());
  for (size_t i = 0; i < reason.size(); ++i) {
    const char c = reason[i];
    if (c >= '0' && c <= '9') {
      while (i + 1 < reason.size() && reason[i + 1] >= '0' && reason[i + 1] <= '9') ++i;
      key += '#';
    } else if (c == '\'') {
      const size_t close = reason.find('\'', i + 1);
      if (close == std::string_view::npos) {
        key += c;
        continue;
      }
      key += "'...'";
      i = close;
    } else {
      key += c;
    }
  }
  return key;
}

void NoteSkipped(const LoadOptions& options, LoadReport* report, SkippedRow row) {
  ++report->skipped_rows;
  ++report->skipped_reasons[ReasonKey(row.reason)];
  if (options.on_skipped) options.on_skipped(row);
  if (report->skipped.size() < options.max_skipped_examples) {
    report->skipped.push_back(std::move(row));
  }
}

StoreMark MarkStore(const RecordStore& store) {
  StoreMark m;
  m.persons = store.persons.size();
  m.person_ids = store.persons.ids.size();
  m.providers = store.providers.size();
  m.jeugdhulp = store.jeugdhulp.size();
  m.jeugdbescherming = store.jeugdbescherming.size();
  m.verzuim = store.verzuim.size();
  m.vervolgzorg = store.vervolgzorg.size();
  return m;
}

namespace {

// Cuts every column to `n` rows; columns left empty give their memory back.
template <typename... V>
void Cut(size_t n, V*... v) {
  const auto one = [n](auto* column) {
    if (n == 0) {
      std::remove_reference_t<decltype(*column)>().swap(*column);
    } else if (column->size() > n) {
      column->resize(n);
    }
  };
  (one(v), ...);
}

}  // namespace

void RollBack(RecordStore* store, const StoreMark& mark,
              const std::vector<Sink::PersonChange>& changes) {
  JeugdhulpTable& j = store->jeugdhulp;
  Cut(mark.jeugdhulp, &j.person, &j.municipality, &j.provider, &j.form, &j.start, &j.end,
      &j.end_reason);
  JeugdbeschermingTable& b = store->jeugdbescherming;
  Cut(mark.jeugdbescherming, &b.person, &b.municipality, &b.measure, &b.start, &b.end);
  VerzuimTable& v = store->verzuim;
  Cut(mark.verzuim, &v.person, &v.municipality, &v.kind, &v.start, &v.end);
  VervolgzorgTable& z = store->vervolgzorg;
  Cut(mark.vervolgzorg, &z.person, &z.kind, &z.start, &z.end);
  PersonTable& p = store->persons;
  Cut(mark.persons, &p.birth, &p.exit, &p.exit_reason);
  p.ids.Truncate(mark.person_ids);
  store->providers.Truncate(mark.providers);
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    if (it->person >= p.size()) continue;
    p.birth[it->person] = it->birth;
    p.exit[it->person] = it->exit;
    p.exit_reason[it->person] = it->exit_reason;
  }
}

absl::Status OutOfMemoryError(std::string_view source, size_t text_bytes, size_t store_bytes) {
  return absl::ResourceExhaustedError(absl::StrFormat(
      "%s: out of memory while loading: it needs more than %d bytes (%d bytes of text, "
      "%d bytes of records when an allocation failed); the store is left as it was",
      source, text_bytes + store_bytes, text_bytes, store_bytes));
}

}  // namespace zvdj::internal
