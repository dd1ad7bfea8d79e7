"""Indicators from person-level records, and the 18th-birthday cohort outflow."""

import os
from ctypes import (Structure, byref, c_char_p, c_double, c_int32, c_int64, c_uint32,
                    c_void_p)

from ._lib import check, declare, encode, lib
from .dataset import Dataset
from .results import CohortResult

__all__ = ["compute", "estimate_cohort"]

_AGE_BASIS = {"period_end": 0, "period_start": 1, "record_start": 2}
_LEVELS = {"gemeente": 1, "jeugdregio": 2, "provincie": 4, "land": 8, "nl": 8}
_DENOMINATORS = {"all": 0, "zonder_verlengde": 1}


class _ComputeOptions(Structure):
    _fields_ = [("version", c_uint32), ("from_year", c_int32), ("to_year", c_int32),
                ("round5", c_int32), ("suppress_below", c_int64), ("age_basis", c_int32),
                ("merge_trajectories", c_int32), ("vots_counts_as_ots", c_int32),
                ("levels", c_int32), ("classification_year", c_int32),
                ("regions_path", c_char_p), ("herindeling_path", c_char_p)]


class _CohortOptions(Structure):
    _fields_ = [("version", c_uint32), ("year_of_18", c_int32), ("year_of_18_last", c_int32),
                ("horizons", c_char_p), ("cutoff", c_char_p), ("methods", c_char_p),
                ("ci", c_char_p), ("ci_level", c_double), ("death_as_censoring", c_int32),
                ("denominator", c_int32), ("by_municipality", c_int32),
                ("window_months", c_int32)]


declare({
    "zvdj_compute_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_compute": (c_int32, [c_void_p, c_void_p, c_void_p]),
    "zvdj_cohort_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_cohort_estimate": (c_int32, [c_void_p, c_void_p, c_void_p]),
    "zvdj_cohort_result_to_dataset": (c_int32, [c_void_p, c_void_p]),
})


def compute(records, from_year=None, to_year=None, round5=False, suppress_below=None,
            age_basis="period_end", merge_trajectories=True, vots_counts_as_ots=True,
            levels=None, classification_year=None, regions=None, herindeling=None):
    """The kernindicatoren from `records` as a Dataset (as `zvdj compute`).

    levels: e.g. ["gemeente", "land"] (default all); regions / herindeling:
    paths of regions.csv / herindeling.csv.
    """
    o = _ComputeOptions()
    check(lib.zvdj_compute_options_init(byref(o), 1))
    o.from_year = from_year or 0
    o.to_year = to_year or 0
    o.round5 = 1 if round5 else 0
    if suppress_below is not None:
        o.suppress_below = int(suppress_below)
    o.age_basis = _AGE_BASIS[age_basis]
    o.merge_trajectories = 1 if merge_trajectories else 0
    o.vots_counts_as_ots = 1 if vots_counts_as_ots else 0
    if levels:
        o.levels = sum(_LEVELS[level] for level in set(levels))
    o.classification_year = classification_year or 0
    o.regions_path = os.fsencode(regions) if regions else None
    o.herindeling_path = os.fsencode(herindeling) if herindeling else None
    h = c_void_p()
    check(lib.zvdj_compute(byref(h), records.handle, byref(o)))
    return Dataset(h)


def estimate_cohort(records, year_of_18, year_of_18_last=None, horizons="1m,3m,6m",
                    cutoff=None, methods="aj", ci="log", ci_level=0.95,
                    death_as_censoring=False, denominator="all", by_municipality=False,
                    window_months=3):
    """Outflow of the 18th-birthday cohort (a CohortResult: .rows(), .to_dataset())."""
    o = _CohortOptions()
    check(lib.zvdj_cohort_options_init(byref(o), 1))
    o.year_of_18 = int(year_of_18)
    o.year_of_18_last = int(year_of_18_last or 0)
    o.horizons = encode(horizons)
    o.cutoff = encode(cutoff)
    o.methods = encode(methods)
    o.ci = encode(ci)
    o.ci_level = float(ci_level)
    o.death_as_censoring = 1 if death_as_censoring else 0
    o.denominator = _DENOMINATORS[denominator]
    o.by_municipality = 1 if by_municipality else 0
    o.window_months = int(window_months)
    h = c_void_p()
    check(lib.zvdj_cohort_estimate(byref(h), records.handle, byref(o)))
    return CohortResult(h)
