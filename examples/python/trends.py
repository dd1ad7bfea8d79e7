#!/usr/bin/env python3
"""libzvdj from Python: read a dataset and print a series with its changes.

    PYTHONPATH=python python3 examples/python/trends.py [DATASET.csv]

The module finds libzvdj.so through $ZVDJ_LIBRARY, next to the package, in a
build tree (build/ci, build/release) or on the system library path.
"""

import os
import sys

import zvdj

HERE = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data",
                                                          "kernindicatoren_sample.csv")
try:
    ds = zvdj.Dataset.read_csv(path)
except zvdj.ZvdjError as e:  # e.status, e.code, e.message ("file:line:column: ...")
    sys.exit(f"cannot read {path}: {e}")

catalogue = zvdj.Catalogue.builtin()
print(f"libzvdj {zvdj.version()}: {len(ds)} observations")
for row_set in (ds.rows(indicator="jeugdhulp_met_verblijf", age_group="18-23"),
                ds.rows(indicator="jeugdhulp_met_verblijf_pct")):
    if not row_set:
        continue
    ind = row_set[0]["indicator"]
    print(catalogue.get(ind)["name_nl"])
    for r in row_set:
        print(f"  {r['period']}  {zvdj.format_dutch(r['value'], 1)}")
    first, last = row_set[0]["value"], row_set[-1]["value"]
    print(f"  {row_set[0]['period']} -> {row_set[-1]['period']}: "
          f"{zvdj.format_dutch_signed(100 * (last - first) / first, 0)}%")
