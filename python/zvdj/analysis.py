"""The functions an analyst reaches for first: paths or pandas DataFrames in,
DataFrames out, with the columns of the `zvdj` command's CSV output.

    >>> import zvdj, pandas as pd
    >>> zvdj.trends("data/kernindicatoren.csv", summary=True)
    >>> jh = pd.read_csv("jeugdhulp.csv", dtype=str)
    >>> zvdj.compute(jeugdhulp=jh, from_year=2016, to_year=2019, suppress=0)
"""

import os
import tempfile
from ctypes import byref, c_void_p

from . import frames
from ._lib import check, encode, lib
from .catalogue import Breaks, Catalogue
from .cohort import _compute_options, estimate_cohort
from .dataset import Dataset
from .records import Records, _load_options
from .statline import StatLineMapping
from .trends import summarize as _summarize
from .trends import trends as _trend_rows

__all__ = ["trends", "compute", "cohort", "read_statline", "factsheet", "generate"]

_PathTypes = (str, bytes, os.PathLike)


def _is_frame(obj):
    return hasattr(obj, "columns") and hasattr(obj, "dtypes")


def _dataset(obj, name="dataset"):
    """A Dataset from a path, a DataFrame in the dataset format or a Dataset."""
    if isinstance(obj, Dataset):
        return obj
    if isinstance(obj, _PathTypes):
        return Dataset.read_csv(obj)
    if _is_frame(obj):
        return Dataset(frames.dataset_from_frame(obj, f"<{name} data frame>"))
    raise TypeError(f"{name}: expected a path, a pandas DataFrame or a zvdj.Dataset, "
                    f"not {type(obj).__name__}")


def _breaks(obj, dataset_path):
    if obj is False:
        return None
    if obj is None:
        # As the command: <dataset>.breaks.csv next to a dataset file, if present.
        if isinstance(dataset_path, _PathTypes):
            stem = os.fsdecode(dataset_path)
            stem = stem[:-4] if stem.endswith(".csv") else stem
            if os.path.exists(stem + ".breaks.csv"):
                return Breaks.read_csv(stem + ".breaks.csv")
        return None
    if isinstance(obj, Breaks):
        return obj
    if isinstance(obj, _PathTypes):
        return Breaks.read_csv(obj)
    if _is_frame(obj):
        b = Breaks()
        fixed = {"indicator", "region", "before", "after", "reason", "source", "reden"}
        dims = [c for c in obj.columns if c not in fixed]
        for row in obj.itertuples(index=False):
            r = row._asdict()
            names = [d for d in dims if isinstance(r[d], str) and r[d]]
            b.add(r["indicator"], r["before"], r["after"],
                  region=_text(r.get("region")), reason=_text(r.get("reason")),
                  source=_text(r.get("source")), **{d: r[d] for d in names})
        return b
    raise TypeError(f"breaks: expected a path, a DataFrame or zvdj.Breaks, "
                    f"not {type(obj).__name__}")


def _text(value):
    return value if isinstance(value, str) and value else None


def trends(dataset, summary=False, breaks=None, catalogue=None, from_period=None,
           to_period=None, base=None, rule="cagr", tolerance=None, cagr_on_track_pct=None,
           cagr_acceleration_pct=None, cagr_scale=None):
    """Trend rows (or, with summary=True, one summary per series with its
    assessment) as a DataFrame with the columns of `zvdj trends --format csv`.

    dataset: a path or a DataFrame in the dataset format (indicator, period,
    region, value, status, dimension columns). breaks: a path, a DataFrame or
    zvdj.Breaks; by default <dataset>.breaks.csv next to a dataset file, as the
    command does (False: none). catalogue: a path or zvdj.Catalogue.

    zvdj.trends(zvdj.Dataset, ...) is the object API: it returns a
    zvdj.TrendResult (.rows(), .to_dataframe(), .to_csv()).
    """
    if isinstance(dataset, Dataset):
        if summary:
            return _summarize(dataset, catalogue, breaks or None, from_period=from_period,
                              to_period=to_period, rule=rule, tolerance=tolerance,
                              cagr_on_track_pct=cagr_on_track_pct,
                              cagr_acceleration_pct=cagr_acceleration_pct,
                              cagr_scale=cagr_scale)
        return _trend_rows(dataset, catalogue, breaks or None, from_period=from_period,
                           to_period=to_period, base=base)
    ds = _dataset(dataset)
    br = _breaks(breaks, dataset)
    cat = Catalogue.read_csv(catalogue) if isinstance(catalogue, _PathTypes) else catalogue
    if summary:
        result = _summarize(ds, cat, br, from_period=from_period, to_period=to_period,
                            rule=rule, tolerance=tolerance, cagr_on_track_pct=cagr_on_track_pct,
                            cagr_acceleration_pct=cagr_acceleration_pct, cagr_scale=cagr_scale)
    else:
        result = _trend_rows(ds, cat, br, from_period=from_period, to_period=to_period,
                             base=base)
    return frames.table_frame(result)


def _records(tables, threads, lenient=False):
    """A record store from paths or frames: {table: path or DataFrame or None}.
    Persons first, so that their birth dates are the reference."""
    rec = Records()
    order = ("persons", "jeugdhulp", "jeugdbescherming", "verzuim", "vervolgzorg")
    opts = _load_options("lenient" if lenient else "strict")
    opts.threads = int(threads)
    for table in order:
        obj = tables.get(table)
        if obj is None:
            continue
        if isinstance(obj, _PathTypes):
            rep = c_void_p()
            check(lib.zvdj_records_load_csv(byref(rep), rec.handle, encode(table),
                                            os.fsencode(obj), byref(opts)))
            lib.zvdj_load_report_destroy(rep)
        elif _is_frame(obj):
            frames.add_frame(rec.handle, table, obj)
        else:
            raise TypeError(f"{table}: expected a path or a pandas DataFrame, "
                            f"not {type(obj).__name__}")
    return rec


def _path_only(value, name):
    if value is None or isinstance(value, _PathTypes):
        return value
    raise TypeError(f"{name}: expected a path (the regions and herindeling files are read "
                    f"by the library), not {type(value).__name__}")


def compute(jeugdhulp=None, jeugdbescherming=None, verzuim=None, persons=None, regions=None,
            herindeling=None, from_year=None, to_year=None, suppress=10, round5=False,
            threads=2, age_basis="period_end", merge_trajectories=True,
            vots_counts_as_ots=None, levels=None, classification_year=None,
            attribution="cbs", *, records=None, **legacy):
    """The kernindicatoren from person-level records, as `zvdj compute`: a
    DataFrame with columns indicator, period, region, <dimensions>, value,
    status (and note when set).

    jeugdhulp, jeugdbescherming, verzuim, persons: paths or DataFrames in the
    record formats (text columns; dates as 'YYYY-MM-DD' text or datetime64; NaN,
    None and '' are missing). regions, herindeling: paths. threads: threads
    reading the files and computing (0 = one per core). attribution: "cbs"
    (default; a youth counts in every municipality with a record) or "latest".
    vots_counts_as_ots: None keeps the default (voorlopige OTS separate).

    zvdj.compute(records, ...) with a zvdj.Records store is the object API and
    returns a zvdj.Dataset.
    """
    if isinstance(jeugdhulp, Records):  # the object API: compute(records, ...)
        from .cohort import compute as compute_dataset
        legacy.update(from_year=from_year, to_year=to_year, round5=round5,
                      age_basis=age_basis, merge_trajectories=merge_trajectories,
                      vots_counts_as_ots=vots_counts_as_ots, levels=levels,
                      classification_year=classification_year, regions=regions,
                      herindeling=herindeling, attribution=attribution)
        return compute_dataset(jeugdhulp, **legacy)
    if legacy:
        raise TypeError(f"compute() got unexpected arguments {sorted(legacy)}")
    if records is None:
        if jeugdhulp is None:
            raise TypeError("compute() needs jeugdhulp (a path or a DataFrame)")
        records = _records({"jeugdhulp": jeugdhulp, "jeugdbescherming": jeugdbescherming,
                            "verzuim": verzuim, "persons": persons}, threads)
    o = _compute_options(from_year, to_year, round5, suppress, age_basis, merge_trajectories,
                         vots_counts_as_ots, levels, classification_year,
                         _path_only(regions, "regions"), _path_only(herindeling, "herindeling"),
                         attribution)
    o.threads = int(threads)
    h = c_void_p()
    check(lib.zvdj_compute(byref(h), records.handle, byref(o)))
    return frames.dataset_frame(Dataset(h))


def cohort(jeugdhulp=None, vervolgzorg=None, persons=None, year_of_18=None,
           horizons="1m,3m,6m", cutoff=None, method="aj", year_of_18_last=None, ci="log",
           ci_level=0.95, death_as_censoring=False, denominator="all", by_municipality=False,
           window_months=3, threads=2):
    """Outflow of the 18th-birthday cohort, as `zvdj cohort`: a DataFrame with
    columns year_of_18, region, outcome, horizon, n_cohort, n_at_risk, n_events,
    estimate (a proportion), std_err, ci_low, ci_high, method, denominator,
    note. jeugdhulp, vervolgzorg, persons: paths or DataFrames. method: 'aj',
    'km', 'naive', 'aj,km' or 'all'. cutoff: ISO date or date (default: the
    latest date in the data)."""
    if jeugdhulp is None or year_of_18 is None:
        raise TypeError("cohort() needs jeugdhulp and year_of_18")
    rec = _records({"jeugdhulp": jeugdhulp, "vervolgzorg": vervolgzorg, "persons": persons},
                   threads)
    return frames.table_frame(estimate_cohort(
        rec, year_of_18, year_of_18_last=year_of_18_last, horizons=horizons, cutoff=cutoff,
        methods=method, ci=ci, ci_level=ci_level, death_as_censoring=death_as_censoring,
        denominator=denominator, by_municipality=by_municipality,
        window_months=window_months))


def _mapping(obj):
    if isinstance(obj, StatLineMapping):
        return obj
    if isinstance(obj, _PathTypes):
        return StatLineMapping.read_csv(obj)
    if _is_frame(obj):
        m = StatLineMapping()
        for row in obj.itertuples(index=False):
            r = {k: (v if isinstance(v, str) else "") for k, v in row._asdict().items()}
            m.add(**r)
        return m
    raise TypeError(f"mapping: expected a path, a DataFrame or zvdj.StatLineMapping, "
                    f"not {type(obj).__name__}")


def read_statline(fmt, paths, mapping, table=None, default_region=None, note=None,
                  report=False):
    """StatLine files ('odata3', 'odata4' or 'csv') through a mapping (a path or
    a DataFrame with columns table, topic, dimension, code, indicator, dim_name,
    dim_value) as a DataFrame in the dataset format; with report=True, also the
    report (item, key, count) as a second DataFrame.

    With a zvdj.StatLineMapping object this is the object API: it returns
    (zvdj.Dataset, zvdj.ResultTable)."""
    from .statline import read_statline as read_objects
    if isinstance(mapping, StatLineMapping):
        return read_objects(fmt, paths, mapping, table=table, default_region=default_region,
                            note=note)
    ds, rep = read_objects(fmt, paths, _mapping(mapping), table=table,
                           default_region=default_region, note=note)
    frame = frames.dataset_frame(ds)
    return (frame, frames.table_frame(rep)) if report else frame


def factsheet(dataset, directory=None, breaks=None, title=None, subtitle=None, region=None,
              compare=None, config=None):
    """The factsheet of a dataset (a path, a DataFrame in the dataset format or a
    zvdj.Dataset): with `directory`, writes index.html and the SVG charts there
    and returns the report (kind, name, title) as a DataFrame; without, returns
    the HTML text. config: a path or the configuration CSV text (None: built-in)."""
    from .factsheet import factsheet_html, write_factsheet
    ds = _dataset(dataset)
    br = _breaks(breaks, dataset)
    kw = dict(title=title, subtitle=subtitle, region=region, compare=compare, breaks=br)
    if isinstance(config, _PathTypes) and os.path.exists(os.fsdecode(config)):
        kw["config_path"] = config
    elif config is not None:
        kw["config_text"] = config
    if directory is None:
        return factsheet_html(ds, **kw)
    return frames.table_frame(write_factsheet(ds, directory, **kw))


def generate(directory=None, persons=1000, from_year=2016, to_year=2019, seed=1):
    """Synthetic person-level data: with `directory`, writes the record files
    (jeugdhulp.csv, ..., regions.csv, herindeling.csv) there and returns the
    summary (file, rows) as a DataFrame; without, returns a dict of DataFrames
    {table: frame} (read back from a temporary folder that is removed)."""
    from .generator import generate_files
    pd = frames._pd()
    if directory is not None:
        return frames.table_frame(generate_files(directory, seed=seed, persons=persons,
                                                 from_year=from_year, to_year=to_year))
    with tempfile.TemporaryDirectory(prefix="zvdj-generate-") as d:
        summary = generate_files(d, seed=seed, persons=persons, from_year=from_year,
                                 to_year=to_year)
        out = {}
        for name in frames.table_frame(summary)["file"]:
            table = os.path.splitext(os.path.basename(name))[0]
            out[table] = pd.read_csv(os.path.join(d, os.path.basename(name)), dtype=str)
        return out
