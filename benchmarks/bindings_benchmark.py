"""zvdj.compute on a 1M-row jeugdhulp DataFrame against the same from the CSV
path, in one process run: each round runs the three inputs one after the
other (in a rotating order), so that a busy machine slows them alike; the
times are medians over --repeat rounds, the ratios medians of each round's
ratio.

usage: bindings_benchmark.py DIR_WITH_JEUGDHULP_CSV [--repeat N] [--threads N]
"""

import argparse
import os
import statistics
import time

import pandas as pd

import zvdj


def median_seconds(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def rounds(runs, repeat):
    """{name: [seconds of each round]}, {name: result}: every round runs each
    function once, starting one further along each time."""
    names = list(runs)
    times = {n: [] for n in names}
    results = {}
    for r in range(repeat):
        for n in names[r % len(names):] + names[:r % len(names)]:
            start = time.perf_counter()
            results[n] = runs[n]()
            times[n].append(time.perf_counter() - start)
    return times, results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    path = os.path.join(a.dir, "jeugdhulp.csv")
    kw = dict(from_year=2016, to_year=2019, suppress=0, threads=a.threads)
    text = pd.read_csv(path, dtype=str)
    dated = pd.read_csv(path, dtype=str)
    for c in ("birth_date", "start_date", "end_date"):
        dated[c] = pd.to_datetime(dated[c])
    runs = {"csv": lambda: zvdj.compute(jeugdhulp=path, **kw),
            "text": lambda: zvdj.compute(jeugdhulp=text, **kw),
            "dated": lambda: zvdj.compute(jeugdhulp=dated, **kw)}
    times, results = rounds(runs, a.repeat)
    want, got, got2 = results["csv"], results["text"], results["dated"]
    csv_s, frame_s, dated_s = (statistics.median(times[k]) for k in ("csv", "text", "dated"))
    frame_x, dated_x = (statistics.median(t / c for t, c in zip(times[k], times["csv"]))
                        for k in ("text", "dated"))
    pd.testing.assert_frame_equal(got, want)
    pd.testing.assert_frame_equal(got2, want)
    rec = zvdj.Records()
    add_s, _ = median_seconds(lambda: zvdj.Records().add("jeugdhulp", text), 1)
    ds = zvdj.compute(zvdj.Records.load_files(jeugdhulp=path)[0], from_year=2016,
                      to_year=2019, suppress_below=0)
    out_s, _ = median_seconds(lambda: zvdj.frames.dataset_frame(ds), a.repeat)
    trend_in = zvdj.trends(want)
    rows_s, _ = median_seconds(lambda: zvdj.trends(want), a.repeat)
    del rec
    print(f"python: {len(text)} jeugdhulp rows, {len(want)} result rows, "
          f"{a.threads} threads, median of {a.repeat}")
    print(f"python: compute from CSV path         {csv_s:7.3f} s")
    print(f"python: compute from text DataFrame   {frame_s:7.3f} s  ({frame_x:.2f}x)")
    print(f"python: compute from datetime64 frame {dated_s:7.3f} s  ({dated_x:.2f}x)")
    print(f"python: (object API, Records.add of the frame {add_s:.3f} s; "
          f"result to DataFrame {out_s:.3f} s; trends of the result "
          f"({len(trend_in)} rows) {rows_s:.3f} s)")


if __name__ == "__main__":
    main()
