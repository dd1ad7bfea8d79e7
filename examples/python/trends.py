#!/usr/bin/env python3
"""libzvdj from Python: read a dataset, summarise and assess every series.

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
for s in zvdj.summarize(ds).rows():  # a list of dicts; .to_dataframe() with pandas
    name = catalogue.get(s["indicator"])["name_nl"]
    if s.get("age_group"):
        name += " " + s["age_group"]
    if s["pp_change"] is not None:
        change = zvdj.format_dutch_signed(s["pp_change"], 1) + " procentpunt"
    else:
        change = zvdj.format_dutch_signed(s["rel_change_pct"], 0) + "%"
    print(f"{name}: {s['first_period']} -> {s['last_period']}: {change} ({s['assessment']})")
