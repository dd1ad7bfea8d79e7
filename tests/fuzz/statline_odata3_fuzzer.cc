// Fuzzes ParseStatLine with format odata3 over one or more documents (see
// statline_fuzz.h for the input layout and the invariants).
#include <cstddef>
#include <cstdint>

#include "statline_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zvdj::fuzz::FuzzStatLine(zvdj::StatLineFormat::kODataV3, "82972NED_TypedDataSet.json", data, size);
  return 0;
}
