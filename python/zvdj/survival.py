"""Kaplan–Meier and Aalen–Johansen estimates on plain lists (R survfit conventions)."""

from ctypes import (Structure, byref, c_double, c_int32, c_int64, c_size_t, c_uint32,
                    c_void_p, POINTER)

from ._lib import call_array, check, constant_value, declare, lib
from .results import ResultTable

__all__ = ["SurvivalFit", "kaplan_meier", "cumulative_incidence"]

from .cohort import _CI  # noqa: E402  (the names of the library's ci option)

_ESTIMATES = {name: constant_value("ZVDJ_SURVIVAL_" + c) for name, c in (
    ("survival", "ALL_CAUSE"), ("all_cause", "ALL_CAUSE"), ("cif", "CUMULATIVE_INCIDENCE"),
    ("cumulative_incidence", "CUMULATIVE_INCIDENCE"), ("type_km", "TYPE_KAPLAN_MEIER"),
    ("type_kaplan_meier", "TYPE_KAPLAN_MEIER"))}


class _SurvivalOptions(Structure):
    _fields_ = [("version", c_uint32), ("ci", c_int32), ("ci_level", c_double)]


declare({
    "zvdj_survival_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_survival_fit_create": (c_int32, [POINTER(c_void_p), c_size_t, POINTER(c_double),
                                           POINTER(c_int32)]),
    "zvdj_survival_fit_destroy": (None, [c_void_p]),
    "zvdj_survival_fit_info": (c_int32, [POINTER(c_int32), POINTER(c_int64), POINTER(c_size_t),
                                         c_void_p]),
    "zvdj_survival_fit_times": (c_int32, [POINTER(c_double), c_size_t, POINTER(c_size_t),
                                          c_void_p]),
    "zvdj_survival_evaluate": (c_int32, [POINTER(c_void_p), c_void_p, c_int32, c_int32,
                                         c_size_t, POINTER(c_double), c_void_p]),
})


def _options(ci, ci_level):
    o = _SurvivalOptions()
    check(lib.zvdj_survival_options_init(byref(o), 1))
    if ci not in _CI:
        raise ValueError(f"unknown ci {ci!r}; one of {sorted(_CI.names())}")
    o.ci = _CI[ci]
    o.ci_level = float(ci_level)
    return o


class SurvivalFit:
    """The event table of (time, status) pairs: status 0 = censored, k >= 1 an
    event of type k. Owns a zvdj_survival_fit handle.

    >>> fit = SurvivalFit([10, 10, 45, 60], [1, 2, 0, 1])
    >>> fit.evaluate("cif", event_type=1, at=[30, 60]).rows()
    """

    def __init__(self, times, statuses):
        times = [float(t) for t in times]
        statuses = [int(s) for s in statuses]
        if len(times) != len(statuses):
            raise ValueError(f"times and statuses differ in length "
                             f"({len(times)} vs {len(statuses)})")
        n = len(times)
        t = (c_double * max(n, 1))(*times)
        s = (c_int32 * max(n, 1))(*statuses)
        h = c_void_p()
        check(lib.zvdj_survival_fit_create(byref(h), n, t, s))
        self._h = h

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            lib.zvdj_survival_fit_destroy(h)
            self._h = None

    @property
    def handle(self):
        return self._h

    def info(self):
        """{'event_types', 'subjects', 'distinct_times'}."""
        k, n, d = c_int32(), c_int64(), c_size_t()
        check(lib.zvdj_survival_fit_info(byref(k), byref(n), byref(d), self._h))
        return {"event_types": k.value, "subjects": n.value, "distinct_times": d.value}

    @property
    def times(self):
        """The distinct times, ascending (where the curves step)."""
        arr, n = call_array(lib.zvdj_survival_fit_times, c_double, self._h)
        return [arr[i] for i in range(n)]

    def evaluate(self, estimate="cif", event_type=1, at=None, ci="log", ci_level=0.95):
        """A ResultTable (time, estimate, std_err, ci_low, ci_high, n_at_risk,
        n_events, n_censored_before) at the times `at` (None = every distinct
        time). estimate: 'survival' (all-cause Kaplan–Meier), 'cif'
        (Aalen–Johansen of event_type) or 'type_km' (Kaplan–Meier of event_type,
        other types censored); ci: 'log', 'log-log' or 'plain'."""
        if estimate not in _ESTIMATES:
            raise ValueError(f"unknown estimate {estimate!r}; one of {sorted(_ESTIMATES)}")
        pts = None
        count = 0
        if at is not None:
            at = [float(a) for a in at]
            count = len(at)
            pts = (c_double * max(count, 1))(*at)
        h = c_void_p()
        check(lib.zvdj_survival_evaluate(byref(h), self._h, _ESTIMATES[estimate],
                                         int(event_type), count, pts,
                                         byref(_options(ci, ci_level))))
        return ResultTable(h)


def kaplan_meier(times, statuses, at=None, ci="log", ci_level=0.95):
    """All-cause Kaplan–Meier survival S(t) (any status > 0 is an event)."""
    return SurvivalFit(times, statuses).evaluate("survival", 0, at, ci, ci_level)


def cumulative_incidence(times, statuses, event_type=1, at=None, ci="log", ci_level=0.95):
    """Aalen–Johansen cumulative incidence of `event_type`, other types competing."""
    return SurvivalFit(times, statuses).evaluate("cif", event_type, at, ci, ci_level)
