// Writers for the person-level files (the inverse of the loaders).
#include <ostream>

#include "absl/strings/str_format.h"
#include "zvdj/io/csv_out.h"
#include "zvdj/records_io.hpp"

namespace zvdj {
inline namespace v1 {
namespace {

absl::Status Finish(internal::CsvOut& out, std::ostream& os, std::string_view what) {
  out.Flush();
  os.flush();
  if (!os) return absl::DataLossError(absl::StrFormat("cannot write %s", what));
  return absl::OkStatus();
}

// A CSV file of `header` and `rows` rows, `cells(out, i)` writing the cells of row i.
template <size_t N, class Cells>
absl::Status WriteRows(std::ostream& os, const std::string_view (&header)[N], size_t rows,
                       std::string_view what, Cells cells) {
  internal::CsvOut out(&os);
  out.Header(header);
  for (size_t i = 0; i < rows; ++i) {
    cells(out, i);
    out.EndRow();
  }
  return Finish(out, os, what);
}

// The person, birth date and municipality that lead every row of an episode file.
template <class Table>
void PersonCells(internal::CsvOut& out, const RecordStore& store, const Table& t, size_t i) {
  const uint32_t p = t.person[i];
  out.Text(store.persons.ids.id(p));
  out.Day(store.persons.birth[p]);
  out.Municipality(t.municipality[i]);
}

// Files whose rows are the person cells, one kind column and the two dates.
template <class Table, class Kinds, class KindName>
absl::Status WriteKindEpisodes(const RecordStore& store, const Table& t, const Kinds& kinds,
                               std::string_view kind_column, KindName kind_name,
                               std::ostream& os, std::string_view what) {
  const std::string_view header[] = {"person_id",  "birth_date", "municipality",
                                     kind_column, "start_date", "end_date"};
  return WriteRows(os, header, t.size(), what, [&](internal::CsvOut& out, size_t i) {
    PersonCells(out, store, t, i);
    out.Text(kind_name(kinds[i]));
    out.Day(t.start[i]);
    out.Day(t.end[i]);
  });
}

}  // namespace

absl::Status WriteJeugdhulpCsv(const RecordStore& store, std::ostream& os) {
  static constexpr std::string_view kHeader[] = {"person_id", "birth_date", "municipality",
                                                 "provider",  "form",       "start_date",
                                                 "end_date",  "end_reason"};
  const JeugdhulpTable& t = store.jeugdhulp;
  return WriteRows(os, kHeader, t.size(), "jeugdhulp.csv", [&](internal::CsvOut& out, size_t i) {
    PersonCells(out, store, t, i);
    out.Text(store.providers.id(t.provider[i]));
    out.Text(JeugdhulpFormName(t.form[i]));
    out.Day(t.start[i]);
    out.Day(t.end[i]);
    out.Text(EndReasonName(t.end_reason[i]));
  });
}

absl::Status WriteJeugdbeschermingCsv(const RecordStore& store, std::ostream& os) {
  const JeugdbeschermingTable& t = store.jeugdbescherming;
  return WriteKindEpisodes(store, t, t.measure, "measure", MeasureName, os,
                           "jeugdbescherming.csv");
}

absl::Status WriteVerzuimCsv(const RecordStore& store, std::ostream& os) {
  const VerzuimTable& t = store.verzuim;
  return WriteKindEpisodes(store, t, t.kind, "kind", VerzuimKindName, os, "verzuim.csv");
}

absl::Status WriteVervolgzorgCsv(const RecordStore& store, std::ostream& os) {
  static constexpr std::string_view kHeader[] = {"person_id", "kind", "start_date",
                                                 "end_date"};
  const VervolgzorgTable& t = store.vervolgzorg;
  return WriteRows(os, kHeader, t.size(), "vervolgzorg.csv", [&](internal::CsvOut& out,
                                                                  size_t i) {
    out.Text(store.persons.ids.id(t.person[i]));
    out.Text(VervolgzorgKindName(t.kind[i]));
    out.Day(t.start[i]);
    out.Day(t.end[i]);
  });
}

absl::Status WritePersonsCsv(const RecordStore& store, std::ostream& os) {
  static constexpr std::string_view kHeader[] = {"person_id", "birth_date", "exit_date",
                                                 "exit_reason"};
  const PersonTable& t = store.persons;
  return WriteRows(os, kHeader, t.size(), "persons.csv", [&](internal::CsvOut& out, size_t i) {
    const auto p = static_cast<uint32_t>(i);
    out.Text(t.ids.id(p));
    out.Day(t.birth[p]);
    out.Day(t.exit[p]);
    out.Text(ExitReasonName(t.exit_reason[p]));
  });
}

}  // namespace v1
}  // namespace zvdj
