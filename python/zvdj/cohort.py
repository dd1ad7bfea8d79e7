"""Indicators from person-level records, the 18th-birthday cohort outflow, general
cohorts with user-defined outcomes, and state distributions."""

import datetime
import os
from ctypes import (POINTER, Structure, byref, c_char_p, c_double, c_int32, c_int64, c_size_t,
                    c_uint32, c_void_p)

from ._lib import Enum, check, constant_value, declare, encode, lib, strings
from .dataset import Dataset
from .results import CohortResult, ResultTable

__all__ = ["compute", "compute_with_closure", "estimate_cohort", "Cohort", "state_distribution"]

# Option names and their values, from the library.
_AGE_BASIS = Enum("age_basis", {"period_end": "ZVDJ_AGE_BASIS_PERIOD_END",
                                "period_start": "ZVDJ_AGE_BASIS_PERIOD_START",
                                "record_start": "ZVDJ_AGE_BASIS_RECORD_START"})
_LEVELS = Enum("level", {"gemeente": "ZVDJ_LEVEL_GEMEENTE", "jeugdregio": "ZVDJ_LEVEL_JEUGDREGIO",
                         "provincie": "ZVDJ_LEVEL_PROVINCIE", "land": "ZVDJ_LEVEL_LAND",
                         "nl": "ZVDJ_LEVEL_LAND"})
_ATTRIBUTION = Enum("attribution", {"cbs": "ZVDJ_ATTRIBUTION_CBS",
                                    "latest": "ZVDJ_ATTRIBUTION_LATEST"})
_DENOMINATORS = Enum("denominator", {"all": "ZVDJ_DENOMINATOR_ALL",
                                     "zonder_verlengde": "ZVDJ_DENOMINATOR_ZONDER_VERLENGDE"})


class _ComputeOptions(Structure):
    _fields_ = [("version", c_uint32), ("from_year", c_int32), ("to_year", c_int32),
                ("round5", c_int32), ("suppress_below", c_int64), ("age_basis", c_int32),
                ("merge_trajectories", c_int32), ("vots_counts_as_ots", c_int32),
                ("levels", c_int32), ("classification_year", c_int32),
                ("regions_path", c_char_p), ("herindeling_path", c_char_p),
                ("attribution", c_int32), ("threads", c_int32)]


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
    "zvdj_compute_with_closure": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p]),
    "zvdj_cohort_create": (c_int32, [c_void_p]),
    "zvdj_cohort_destroy": (None, [c_void_p]),
    "zvdj_cohort_eighteenth_birthday": (c_int32, [c_void_p, c_void_p, c_void_p]),
    "zvdj_cohort_add_group": (c_int32, [POINTER(c_size_t), c_void_p, c_char_p, c_int32,
                                        c_char_p]),
    "zvdj_cohort_add_members": (c_int32, [c_void_p, c_size_t, c_void_p, POINTER(c_int32),
                                          POINTER(c_size_t)]),
    "zvdj_cohort_add_builtin_outcome": (c_int32, [c_void_p, c_char_p]),
    "zvdj_cohort_add_event_outcome": (c_int32, [c_void_p, c_char_p, c_size_t, c_void_p,
                                                POINTER(c_int32)]),
    "zvdj_cohort_info": (c_int32, [POINTER(c_size_t), POINTER(c_size_t), POINTER(c_size_t),
                                   c_void_p]),
    "zvdj_outflow_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_cohort_outflow": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p]),
    "zvdj_state_distribution": (c_int32, [c_void_p, c_size_t, c_void_p, c_void_p, c_char_p]),
})

_EPOCH = datetime.date(1970, 1, 1)
# The struct layout above is that of version 2 (with `threads`).
_COMPUTE_OPTIONS_VERSION = min(2, constant_value("ZVDJ_COMPUTE_OPTIONS_VERSION"))
_CI = Enum("ci", {"log": "ZVDJ_CI_LOG", "log-log": "ZVDJ_CI_LOG_LOG",
                  "loglog": "ZVDJ_CI_LOG_LOG", "plain": "ZVDJ_CI_PLAIN"})


class _OutflowOptions(Structure):
    _fields_ = [("version", c_uint32), ("horizons", c_char_p), ("cutoff", c_char_p),
                ("methods", c_char_p), ("ci", c_int32), ("ci_level", c_double),
                ("death_as_censoring", c_int32), ("denominator", c_int32)]


def _day(value):
    """A day number from a date, an ISO text or an int (already a day number)."""
    if isinstance(value, int):
        return value
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return (value - _EPOCH).days


def _compute_options(from_year, to_year, round5, suppress_below, age_basis,
                     merge_trajectories, vots_counts_as_ots, levels, classification_year,
                     regions, herindeling, attribution="cbs"):
    # vots_counts_as_ots None keeps the library's default (VOTS separate).
    o = _ComputeOptions()
    check(lib.zvdj_compute_options_init(byref(o), _COMPUTE_OPTIONS_VERSION))
    o.from_year = from_year or 0
    o.to_year = to_year or 0
    o.round5 = 1 if round5 else 0
    if suppress_below is not None:
        o.suppress_below = int(suppress_below)
    o.age_basis = _AGE_BASIS[age_basis]
    o.merge_trajectories = 1 if merge_trajectories else 0
    if vots_counts_as_ots is not None:
        o.vots_counts_as_ots = 1 if vots_counts_as_ots else 0
    o.attribution = _ATTRIBUTION[attribution]
    if levels:
        o.levels = sum(_LEVELS[level] for level in set(levels))
    o.classification_year = classification_year or 0
    o.regions_path = os.fsencode(regions) if regions else None
    o.herindeling_path = os.fsencode(herindeling) if herindeling else None
    return o


def compute_with_closure(records, from_year=None, to_year=None, round5=False,
                         suppress_below=None, age_basis="period_end", merge_trajectories=True,
                         vots_counts_as_ots=None, levels=None, classification_year=None,
                         regions=None, herindeling=None, attribution="cbs"):
    """As compute(), returning (Dataset, closure ResultTable): the jeugdbescherming
    stock-flow rows period, region, measure ('' = persons), begin, inflow, outflow,
    end, difference (unrounded, unsuppressed)."""
    o = _compute_options(from_year, to_year, round5, suppress_below, age_basis,
                         merge_trajectories, vots_counts_as_ots, levels, classification_year,
                         regions, herindeling, attribution)
    h = c_void_p()
    c = c_void_p()
    check(lib.zvdj_compute_with_closure(byref(h), byref(c), records.handle, byref(o)))
    return Dataset(h), ResultTable(c)


def compute(records, from_year=None, to_year=None, round5=False, suppress_below=None,
            age_basis="period_end", merge_trajectories=True, vots_counts_as_ots=None,
            levels=None, classification_year=None, regions=None, herindeling=None,
            attribution="cbs"):
    """The kernindicatoren from `records` as a Dataset (as `zvdj compute`).

    levels: e.g. ["gemeente", "land"] (default all); regions / herindeling:
    paths of regions.csv / herindeling.csv.
    """
    o = _compute_options(from_year, to_year, round5, suppress_below, age_basis,
                         merge_trajectories, vots_counts_as_ots, levels, classification_year,
                         regions, herindeling, attribution)
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


class Cohort:
    """A general cohort: groups, members (person id, entry date, group) and outcomes
    (built-in names or user-defined events). Owns a zvdj_cohort handle.

    >>> c = Cohort()
    >>> g = c.add_group("ended 2017", year=2017)
    >>> c.add_members([{"person_id": "P2", "entry": "2017-01-01", "group": g}])
    >>> c.add_event_outcome("new_care", [("P2", "2017-02-15")])
    >>> c.add_outcome("wmo")
    >>> c.outflow(records, horizons="30d,3m", cutoff="2018-12-31").rows()
    """

    def __init__(self, _handle=None):
        if _handle is None:
            _handle = c_void_p()
            check(lib.zvdj_cohort_create(byref(_handle)))
        self._h = _handle

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            lib.zvdj_cohort_destroy(h)
            self._h = None

    @property
    def handle(self):
        return self._h

    @classmethod
    def eighteenth_birthday(cls, records, year_of_18, year_of_18_last=None, cutoff=None,
                            by_municipality=False, window_months=3):
        """The 18th-birthday cohort of `records`, to which outcomes can be added."""
        o = _CohortOptions()
        check(lib.zvdj_cohort_options_init(byref(o), 1))
        o.year_of_18 = int(year_of_18)
        o.year_of_18_last = int(year_of_18_last or 0)
        o.cutoff = encode(cutoff)
        o.by_municipality = 1 if by_municipality else 0
        o.window_months = int(window_months)
        h = c_void_p()
        check(lib.zvdj_cohort_eighteenth_birthday(byref(h), records.handle, byref(o)))
        return cls(h)

    def add_group(self, label, year=0, region=None):
        """Adds a group (or finds the one with this label); returns its index."""
        out = c_size_t()
        check(lib.zvdj_cohort_add_group(byref(out), self._h, encode(label), int(year),
                                        encode(region)))
        return out.value

    def add_members(self, rows):
        """Appends members: dicts with person_id, entry (date, ISO text or day
        number) and group (index, default 0), or (person_id, entry[, group])
        tuples. All or nothing."""
        ids, days, groups = [], [], []
        for r in rows:
            if isinstance(r, dict):
                ids.append(r["person_id"])
                days.append(_day(r["entry"]))
                groups.append(int(r.get("group", 0)))
            else:
                ids.append(r[0])
                days.append(_day(r[1]))
                groups.append(int(r[2]) if len(r) > 2 else 0)
        n = len(ids)
        check(lib.zvdj_cohort_add_members(self._h, n, strings(ids),
                                          (c_int32 * max(n, 1))(*days),
                                          (c_size_t * max(n, 1))(*groups)))
        return self

    def add_outcome(self, name):
        """Adds a built-in outcome: verlengde_jeugdhulp, zvw_ggz, wmo, wlz,
        vervolgzorg_any."""
        check(lib.zvdj_cohort_add_builtin_outcome(self._h, encode(name)))
        return self

    def add_event_outcome(self, name, events):
        """Adds a user-defined outcome from (person_id, event date) pairs; a
        member's event is its first event on or after its entry date."""
        events = list(events)
        n = len(events)
        days = (c_int32 * max(n, 1))(*[_day(e[1]) for e in events])
        check(lib.zvdj_cohort_add_event_outcome(self._h, encode(name), n,
                                                strings([e[0] for e in events]), days))
        return self

    def info(self):
        """{'members', 'groups', 'outcomes'}."""
        m, g, o = c_size_t(), c_size_t(), c_size_t()
        check(lib.zvdj_cohort_info(byref(m), byref(g), byref(o), self._h))
        return {"members": m.value, "groups": g.value, "outcomes": o.value}

    def outflow(self, records, horizons="1m,3m,6m", cutoff=None, methods="aj", ci="log",
                ci_level=0.95, death_as_censoring=False, denominator="all"):
        """Estimates every outcome within each horizon (a CohortResult with columns
        group, year, region, outcome, horizon, n_cohort, ..., estimate, ...)."""
        o = _OutflowOptions()
        check(lib.zvdj_outflow_options_init(byref(o), 1))
        o.horizons = encode(horizons)
        o.cutoff = encode(cutoff)
        o.methods = encode(methods)
        if ci not in _CI:
            raise ValueError(f"unknown ci {ci!r}; one of {sorted(_CI.names())}")
        o.ci = _CI[ci]
        o.ci_level = float(ci_level)
        o.death_as_censoring = 1 if death_as_censoring else 0
        o.denominator = _DENOMINATORS[denominator]
        h = c_void_p()
        check(lib.zvdj_cohort_outflow(byref(h), records.handle, self._h, byref(o)))
        return CohortResult(h)

    def __repr__(self):
        return f"<zvdj.Cohort {self.info()}>"


def state_distribution(groups, categories, reference_group):
    """Shares of each category per group with percentage-point differences against
    `reference_group` (a ResultTable: group, category, count, group_total,
    share_pct, pp_diff)."""
    groups = list(groups)
    categories = list(categories)
    if len(groups) != len(categories):
        raise ValueError(f"groups and categories differ in length "
                         f"({len(groups)} vs {len(categories)})")
    h = c_void_p()
    check(lib.zvdj_state_distribution(byref(h), len(groups), strings(groups),
                                      strings(categories), encode(reference_group)))
    return ResultTable(h)
