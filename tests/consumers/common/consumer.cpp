// A C++ program that uses libzvdj's C++ API (and one C call).
#include <iostream>

#include "zvdj/catalogue.hpp"
#include "zvdj/dataset.hpp"
#include "zvdj/period.hpp"
#include "zvdj/zvdj.h"

int main() {
  auto period = zvdj::Period::Parse("2018/2019");
  if (!period.ok() || period->ToString() != "2018/'19") {
    std::cerr << "period parse failed\n";
    return 1;
  }
  zvdj::Dataset ds;
  if (!ds.Add({.indicator = "thuiszitters", .period = *period, .value = 4790}).ok()) {
    std::cerr << "dataset add failed\n";
    return 1;
  }
  const zvdj::IndicatorDef* def = zvdj::Catalogue::BuiltIn().Find("thuiszitters");
  if (def == nullptr) {
    std::cerr << "catalogue lookup failed\n";
    return 1;
  }
  std::cout << "C++ consumer OK: libzvdj " << zvdj_version_string() << ", " << def->name_nl
            << " " << ds.period(0).ToString() << " = " << ds.value(0) << "\n";
  return 0;
}
