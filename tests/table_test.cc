#include "zvdj/table.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "zvdj/names.hpp"

namespace zvdj {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Valid UTF-8 (no stray or cut sequences).
bool IsUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += len;
  }
  return true;
}

// indicator, region, age_group, form (dimensions), value, n, note.
Table Sample() {
  Table t;
  const size_t ind = t.AddText("indicator", ColumnRole::kKey);
  const size_t reg = t.AddText("region", ColumnRole::kKey);
  const size_t age = t.AddText("age_group", ColumnRole::kDimension);
  const size_t form = t.AddText("form", ColumnRole::kDimension);
  const size_t measure = t.AddText("measure", ColumnRole::kDimension);
  const size_t val = t.AddNumber("value");
  const size_t n = t.AddInteger("n");
  const size_t note = t.AddText("note");
  auto row = [&](const char* a, const char* f, double v, double count, const char* nt) {
    t.Text(ind, "jeugdhulp_jongeren");
    t.Text(reg, "NL01");
    t.Text(age, a);
    t.Text(form, f);
    t.Text(measure, "");
    t.Number(val, v);
    t.Number(n, count);
    t.Text(note, nt);
    t.EndRow();
  };
  row("", "", 10.539410828025478, 4790, "");
  row("18-23", "gezinsgericht", 0.1 + 0.2, 12, "a, \"quoted\" note");
  row("0-4", "", std::nan(""), 3, "");
  return t;
}

TEST(TableCsv, HeaderFullPrecisionMissingAndQuoting) {
  const std::string csv = TableToString(Sample(), TableFormat::kCsv);
  const std::vector<std::string> lines = absl::StrSplit(csv, '\n');
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "indicator,region,age_group,form,measure,value,n,note");
  EXPECT_EQ(lines[1], "jeugdhulp_jongeren,NL01,,,,10.539410828025478,4790,");
  EXPECT_EQ(lines[2],
            "jeugdhulp_jongeren,NL01,18-23,gezinsgericht,,0.30000000000000004,12,"
            "\"a, \"\"quoted\"\" note\"");
  EXPECT_EQ(lines[3], "jeugdhulp_jongeren,NL01,0-4,,,,3,");
  EXPECT_EQ(Sample().ToCsv(), csv);
}

TEST(TableJson, NumbersNullsAndTotals) {
  const std::string json = TableToString(Sample(), TableFormat::kJson);
  EXPECT_THAT(json, HasSubstr("{\"indicator\": \"jeugdhulp_jongeren\", \"region\": \"NL01\", "
                              "\"age_group\": \"\", \"form\": \"\", \"measure\": \"\", "
                              "\"value\": 10.539410828025478, \"n\": 4790, \"note\": null}"));
  EXPECT_THAT(json, HasSubstr("\"note\": \"a, \\\"quoted\\\" note\""));
  EXPECT_THAT(json, HasSubstr("\"value\": null, \"n\": 3"));
  EXPECT_EQ(json.front(), '[');
  EXPECT_EQ(TableToString(Table{}, TableFormat::kJson), "[]\n");
}

TEST(TableJson, OneEscaper) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
}

TEST(TableTerminal, BreakdownListsOnlyTheDimensionsSet) {
  const std::string t = TableToString(Sample(), TableFormat::kTable);
  EXPECT_THAT(t, HasSubstr("Uitsplitsing"));
  EXPECT_THAT(t, HasSubstr("leeftijd 18-23, vorm gezinsgericht"));
  EXPECT_THAT(t, HasSubstr("leeftijd 0-4 "));
  EXPECT_THAT(t, HasSubstr("totaal"));
  EXPECT_THAT(t, Not(HasSubstr("maatregel")));  // total in every row
  EXPECT_THAT(t, Not(HasSubstr("age_group")));
  // Numbers for readers: Dutch, a readable number of decimals.
  EXPECT_THAT(t, HasSubstr("10,5"));
  EXPECT_THAT(t, Not(HasSubstr("10.539")));
  EXPECT_THAT(t, HasSubstr("4.790"));
  const std::vector<std::string> lines = absl::StrSplit(t, '\n');
  EXPECT_THAT(lines[1], HasSubstr("──"));
}

TEST(TableTerminal, SeparateDimensionColumnsOnRequest) {
  const std::string t = TableToString(Sample(), TableFormat::kTable, {.breakdown = false});
  EXPECT_THAT(t, Not(HasSubstr("Uitsplitsing")));
  EXPECT_THAT(t, HasSubstr("leeftijd"));
  EXPECT_THAT(t, HasSubstr("vorm"));
  EXPECT_THAT(t, Not(HasSubstr("maatregel")));
}

TEST(TableTerminal, FitsTheWidthAndWrapsAtCharacterBoundaries) {
  Table t;
  const size_t label = t.AddText("label");
  const size_t v = t.AddNumber("value");
  for (int i = 0; i < 3; ++i) {
    std::string s;
    for (int k = 0; k < 40; ++k) s += "é€";  // 2- and 3-byte characters
    t.Text(label, s);
    t.Number(v, 1234567.0 * i);
    t.EndRow();
  }
  const std::string out = TableToString(t, TableFormat::kTable, {.width = 30});
  EXPECT_TRUE(IsUtf8(out));
  const std::vector<std::string> lines = absl::StrSplit(out, '\n');
  for (const std::string& line : lines) {
    EXPECT_LE(DisplayWidth(line), 30u) << line;
  }
  EXPECT_GT(lines.size(), 6u);               // rows wrapped over several lines
  EXPECT_THAT(out, HasSubstr("2.469.134"));  // numbers are never cut
  // Without a limit nothing is wrapped: header, rule, three rows.
  const std::vector<std::string> full =
      absl::StrSplit(TableToString(t, TableFormat::kTable, {.width = 0}), '\n');
  EXPECT_EQ(full.size(), 6u);
}

TEST(TableTerminal, NotesBecomeFootnotesListedOnceBelow) {
  Table t;
  const size_t name = t.AddText("name");
  const size_t note = t.AddText("note");
  t.column(note).footnote = true;
  const std::string long_note(300, 'x');
  const char* notes[] = {"kort", "", "kort", "lang \x1b", nullptr};
  for (int i = 0; i < 4; ++i) {
    t.Text(name, "rij " + std::to_string(i));
    t.Text(note, notes[i] ? notes[i] : "");
    t.EndRow();
  }
  t.Text(name, "rij 4");
  t.Text(note, "een lange opmerking " + long_note);
  t.EndRow();
  const std::string out = TableToString(t, TableFormat::kTable, {.width = 80});
  const std::vector<std::string> lines = absl::StrSplit(out, '\n');
  // Header, rule, five rows, a blank line, three notes (the long one wrapped
  // and broken inside its word), the final newline.
  EXPECT_THAT(lines[2], HasSubstr("rij 0"));
  EXPECT_THAT(lines[2], HasSubstr("[1]"));
  EXPECT_THAT(lines[3], Not(HasSubstr("[")));
  EXPECT_THAT(lines[4], HasSubstr("[1]"));
  EXPECT_THAT(lines[5], HasSubstr("[2]"));
  EXPECT_THAT(lines[6], HasSubstr("[3]"));
  EXPECT_EQ(lines[7], "");
  EXPECT_EQ(lines[8], "[1] kort");
  EXPECT_EQ(lines[9], "[2] lang \\x1b");  // escaped, never raw
  EXPECT_THAT(lines[10], testing::StartsWith("[3] een lange opmerking"));
  for (const std::string& line : lines) EXPECT_LE(DisplayWidth(line), 80u) << line;
  EXPECT_GT(lines.size(), 13u);
  // Markdown keeps the notes in their cells.
  EXPECT_THAT(TableToString(t, TableFormat::kMarkdown), HasSubstr("| kort |"));
}

TEST(TableTerminal, HeadingColumnIsALineAboveItsRows) {
  Table t;
  const size_t ind = t.AddText("indicator", ColumnRole::kKey);
  const size_t reg = t.AddText("region", ColumnRole::kKey);
  const size_t val = t.AddNumber("value");
  t.column(ind).heading = true;
  const std::string name = "Een lange naam van een indicator die niet in een smalle kolom past";
  for (const char* region : {"NL01", "PV27", "GM0363"}) {
    t.Text(ind, name);
    t.Text(reg, region);
    t.Number(val, 1);
    t.EndRow();
  }
  t.Text(ind, "Tweede");
  t.Text(reg, "NL01");
  t.Number(val, 2);
  t.EndRow();
  const std::string out = TableToString(t, TableFormat::kTable, {.width = 40});
  const std::vector<std::string> lines = absl::StrSplit(out, '\n');
  // header, rule, heading (wrapped to the table's minimum of 8 or its width),
  // three rows, heading, row.
  EXPECT_THAT(lines[0], Not(HasSubstr("indicator")));
  size_t headings = 0, rows = 0;
  for (const std::string& line : lines) {
    if (line.rfind("Een", 0) == 0 || line.rfind("Tweede", 0) == 0) ++headings;
    if (line.rfind("NL01", 0) == 0 || line.rfind("PV27", 0) == 0 || line.rfind("GM0363", 0) == 0) {
      ++rows;
    }
  }
  EXPECT_EQ(headings, 2u);
  EXPECT_EQ(rows, 4u);
  EXPECT_EQ(out.find(name.substr(0, 10)), out.rfind(name.substr(0, 10)));  // once
  // Markdown keeps the column.
  EXPECT_THAT(TableToString(t, TableFormat::kMarkdown), HasSubstr("| indicator |"));
}

TEST(TableTerminal, LongTextGetsTheRoomShortCellsKeepTheirLine) {
  // A long free-text column and a column of short phrases: the text wraps
  // to four lines whatever room it gets, so the phrases keep theirs.
  Table t;
  const size_t text = t.AddText("text");
  const size_t phrase = t.AddText("phrase");
  for (int i = 0; i < 10; ++i) {
    t.Text(text, std::string(40, 'a') + " " + std::string(40, 'b') + " " + std::string(40, 'c') +
                     " " + std::string(40, 'd'));
    t.Text(phrase, "goede richting, te langzaam");
    t.EndRow();
  }
  const std::string out = TableToString(t, TableFormat::kTable, {.width = 80});
  const std::vector<std::string> lines = absl::StrSplit(out, '\n');
  size_t phrases = 0;
  for (const std::string& line : lines) {
    EXPECT_LE(DisplayWidth(line), 80u) << line;
    phrases += line.find("goede richting, te langzaam") != std::string::npos;
  }
  EXPECT_EQ(phrases, 10u);
}

TEST(TableTerminal, EscapesControlCharacters) {
  Table t;
  const size_t r = t.AddText("region", ColumnRole::kKey);
  t.Text(r, "GM\x1b[2J\x07 x\xff y\xe2\x80\xae");
  t.EndRow();
  for (TableFormat f : {TableFormat::kTable, TableFormat::kMarkdown}) {
    const std::string out = TableToString(t, f);
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
    EXPECT_EQ(out.find('\x07'), std::string::npos);
    EXPECT_THAT(out, HasSubstr("GM\\x1b[2J\\x07 x\\xff y\\u202e"));
    EXPECT_TRUE(IsUtf8(out));
  }
  EXPECT_EQ(TerminalSafe("a\nb\tc"), "a\\nb\\tc");
  EXPECT_EQ(TerminalSafe("gewoon – tekst"), "gewoon – tekst");
}

TEST(TableMarkdown, BreakdownAndEscapedPipes) {
  Table t = Sample();
  t.column(0).label = "Indicator";
  t.Text(0, "a|b");
  t.Text(1, "NL01");
  t.Text(2, "");
  t.Text(3, "");
  t.Text(4, "ots");
  t.Number(5, 1);
  t.Number(6, 1);
  t.Text(7, "");
  t.EndRow();
  const std::string md = TableToString(t, TableFormat::kMarkdown);
  const std::vector<std::string> lines = absl::StrSplit(md, '\n');
  EXPECT_EQ(lines[0], "| Indicator | region | Uitsplitsing | value | n | note |");
  EXPECT_EQ(lines[1], "| --- | --- | --- | ---: | ---: | --- |");
  EXPECT_THAT(md, HasSubstr("| a\\|b | NL01 | maatregel ots |"));
}

TEST(TableColumns, KindsAndLookup) {
  const Table t = Sample();
  EXPECT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.columns()[5].kind, ColumnKind::kNumber);
  EXPECT_EQ(t.columns()[6].kind, ColumnKind::kInteger);
  EXPECT_EQ(t.IndexOf("note"), 7);
  EXPECT_EQ(t.IndexOf("nope"), -1);
  EXPECT_EQ(t.Find("nope").status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(t.Find("nope").status().message()), HasSubstr("value, n, note"));
  EXPECT_EQ(t.Cell(t.columns()[5], 2), "");
  EXPECT_EQ(t.Cell(t.columns()[6], 0), "4790");
  Table u;
  const size_t c = u.AddNumber("x");
  u.Number(c, std::optional<double>(INFINITY));
  u.Number(c, std::optional<double>());
  EXPECT_TRUE(std::isnan(u.columns()[0].numbers[0]));
  EXPECT_TRUE(std::isnan(u.columns()[0].numbers[1]));
}

TEST(TableText, Wrap) {
  EXPECT_EQ(WrapToWidth("leeftijd 18-23, vorm gezinsgericht", 15),
            (std::vector<std::string>{"leeftijd 18-23,", "vorm", "gezinsgericht"}));
  EXPECT_EQ(WrapToWidth("abcdefgh", 3), (std::vector<std::string>{"abc", "def", "gh"}));
  EXPECT_EQ(WrapToWidth("ab éééé", 3), (std::vector<std::string>{"ab", "ééé", "é"}));
  EXPECT_EQ(WrapToWidth("kort", 10), (std::vector<std::string>{"kort"}));
}

TEST(TableText, ShortenAndLabels) {
  EXPECT_EQ(ShortenToWidth("abcdef", 4), "abc…");
  EXPECT_EQ(ShortenToWidth("abc", 4), "abc");
  EXPECT_EQ(ShortenToWidth("ab  cdef", 5), "ab…");
  EXPECT_EQ(ShortenToWidth("ééééé", 3), "éé…");
  EXPECT_EQ(DimensionLabelNl("age_group"), "leeftijd");
  EXPECT_EQ(DimensionLabelNl("end_reason"), "reden einde");
  EXPECT_EQ(DimensionLabelNl("some_thing"), "some thing");
  EXPECT_EQ(FormatForReading(-0.25, 2), "−0,25");
  EXPECT_EQ(FormatForReading(std::nan(""), 2), "");
}

TEST(Names, OneTablePerOption) {
  EXPECT_EQ(*ParseEnum<AgeBasis>("period_start"), AgeBasis::kPeriodStart);
  EXPECT_EQ(EnumName(AgeBasis::kRecordStart), "record_start");
  EXPECT_EQ(*ParseEnum<CiTransform>("loglog"), CiTransform::kLogLog);
  EXPECT_EQ(EnumName(CiTransform::kLogLog), "log-log");
  EXPECT_EQ(*ParseEnum<TableFormat>("markdown"), TableFormat::kMarkdown);
  EXPECT_EQ(*ParseEnum<Feb29Rule>("feb28"), Feb29Rule::kFeb28);
  EXPECT_EQ(*ParseEnum<RecordKind>("vervolgzorg"), RecordKind::kVervolgzorg);
  EXPECT_EQ(*ParseEnum<LoadMode>("lenient"), LoadMode::kLenient);
  EXPECT_EQ(*ParseEnum<StatLineFormat>("odata4"), StatLineFormat::kODataV4);
  const absl::StatusOr<Denominator> bad = ParseEnum<Denominator>("some");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "unknown denominator 'some' (expected all or zonder_verlengde)");
  ASSERT_NE(FindEnumTable("ci"), nullptr);
  EXPECT_EQ(ExpectedNames(*FindEnumTable("ci")), "log, log-log or plain");
  EXPECT_EQ(CConstantName(kCiTable, "log-log"), "ZVDJ_CI_LOG_LOG");
  EXPECT_EQ(CConstantName(kMethodTable, "aj"), "");
  EXPECT_EQ(FindEnumTable("nope"), nullptr);
  // Every table: names unique, values in order of the names.
  for (const EnumTable* t : EnumTables()) {
    for (size_t i = 0; i < t->names.size(); ++i) {
      EXPECT_EQ(*ParseEnumValue(*t, t->names[i].name), t->names[i].value) << t->kind;
      EXPECT_EQ(EnumValueName(*t, t->names[i].value), t->names[i].name) << t->kind;
    }
  }
}

}  // namespace
}  // namespace zvdj
