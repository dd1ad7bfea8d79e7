"""libzvdj for Python: Zorg voor de Jeugd indicators, trends and cohort outflows.

Paths or pandas DataFrames in, DataFrames out (the columns of the ``zvdj``
command's CSV output):

    import pandas as pd, zvdj
    zvdj.trends("data/kernindicatoren.csv", summary=True)
    zvdj.compute(jeugdhulp=pd.read_csv("jeugdhulp.csv", dtype=str),
                 from_year=2016, to_year=2019, suppress=0)
    zvdj.cohort(jeugdhulp="jeugdhulp.csv", vervolgzorg="vervolgzorg.csv",
                year_of_18=2017, cutoff="2019-12-31")

The object API underneath needs the standard library only (ctypes); pandas is
used for the frame functions and ``to_dataframe()``.

    import zvdj
    ds = zvdj.Dataset.read_csv("kernindicatoren.csv")
    ds.rows(indicator="thuiszitters")          # list of dicts
    zvdj.summarize(ds).rows()                  # changes, CAGR, assessment
    zvdj.period_predecessor("2019KW01")        # '2018KW04'

    rec, report = zvdj.Records.load_files(jeugdhulp="jeugdhulp.csv",
                                          vervolgzorg="vervolgzorg.csv")
    zvdj.compute(rec, from_year=2016, to_year=2019)       # a Dataset
    zvdj.estimate_cohort(rec, 2017, cutoff="2019-12-31")  # a CohortResult

    c = zvdj.Cohort()                                     # any cohort, any outcome
    c.add_members([("P1", "2018-03-01")])
    c.add_event_outcome("new_care", [("P1", "2018-04-15")])
    c.outflow(rec, horizons="3m").rows()
    zvdj.cumulative_incidence([10, 45, 60], [1, 0, 2], at=[30, 60]).rows()
    ds, report = zvdj.read_statline("odata3", files, zvdj.StatLineMapping.read_csv("m.csv"))
    zvdj.write_factsheet(ds, "out")                       # out/index.html + SVGs
    zvdj.generate_files("synthetic", persons=1000)

Errors raise ``zvdj.ZvdjError`` with ``.code`` (the status number), ``.status``
("INVALID_ARGUMENT", ...) and the library's message (file:line:column for files).
The shared library is found through $ZVDJ_LIBRARY, next to this package, in a
build tree of the source checkout, or on the system library path.
"""

from ctypes import byref, c_int64

from ._lib import ZvdjError, check, encode, lib, library_path
from .catalogue import Breaks, Catalogue
from .dataset import STATUS_SYMBOLS, Dataset
from .periods import (add_months, age_on, format_dutch, format_dutch_percent,
                      format_dutch_signed, format_plain, normalize_period, parse_number,
                      period_info, period_predecessor, period_successor,
                      round_to_multiple_of_5, years_between)
from .records import Records
from .results import CohortResult, LoadReport, ResultTable, Table, TrendResult
from .trends import summarize, trends
from .cohort import (Cohort, compute, compute_with_closure, estimate_cohort,
                     state_distribution)
from .survival import SurvivalFit, cumulative_incidence, kaplan_meier
from .statline import StatLineMapping, parse_statline, read_statline
from .generator import generate_files, generate_records
from .factsheet import default_factsheet_config, factsheet_html, write_factsheet
# Paths or DataFrames in, DataFrames out (the object API stays: a Dataset or
# Records argument gives the objects as before).
from .analysis import cohort, compute, factsheet, generate, read_statline, trends

__all__ = [
    "ZvdjError", "Dataset", "Catalogue", "Breaks", "Records", "STATUS_SYMBOLS",
    "Table", "TrendResult", "LoadReport", "CohortResult", "ResultTable",
    "trends", "summarize", "compute", "cohort", "factsheet", "generate", "estimate_cohort",
    "compute_with_closure", "Cohort", "state_distribution",
    "SurvivalFit", "kaplan_meier", "cumulative_incidence",
    "StatLineMapping", "read_statline", "parse_statline",
    "generate_files", "generate_records",
    "write_factsheet", "factsheet_html", "default_factsheet_config",
    "version", "version_number", "constant", "library_path",
    "normalize_period", "period_predecessor", "period_successor", "period_info",
    "years_between", "parse_number", "format_dutch", "format_dutch_percent",
    "format_dutch_signed", "format_plain", "round_to_multiple_of_5", "age_on", "add_months",
]


def version():
    """The version of the loaded library, 'major.minor.patch'."""
    return lib.zvdj_version_string().decode()


def version_number():
    return lib.zvdj_version_number()


def constant(name):
    """The value of a C API constant by name, e.g. constant('ZVDJ_NOT_FOUND') == 5."""
    out = c_int64()
    check(lib.zvdj_constant(byref(out), encode(name)))
    return out.value


__version__ = version()
