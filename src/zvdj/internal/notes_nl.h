// Dutch wording of the notes that trends and summaries carry (the csv and json
// keep the English notes; tables and factsheets for readers show these).
#ifndef ZVDJ_INTERNAL_NOTES_NL_H_
#define ZVDJ_INTERNAL_NOTES_NL_H_

#include <string>
#include <string_view>

#include "zvdj/breaks.hpp"

namespace zvdj::internal {

// `note` in Dutch: known phrases translated, period codes shown as readers
// know them ("2018JJ00" -> "2018"), and break reasons replaced by the
// register's Dutch `reden` when `breaks` has one.
std::string NoteNl(std::string_view note, const BreakRegister* breaks);

}  // namespace zvdj::internal

#endif  // ZVDJ_INTERNAL_NOTES_NL_H_
