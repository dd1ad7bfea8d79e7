"""Trends, summaries and assessments."""

from ctypes import Structure, byref, c_char_p, c_double, c_int32, c_uint32, c_void_p

from ._lib import Enum, check, declare, encode, lib
from .results import TrendResult

__all__ = ["trends", "summarize", "TrendResult"]

_RULES = Enum("assessment", {"cagr": "ZVDJ_ASSESSMENT_CAGR",
                             "tolerance": "ZVDJ_ASSESSMENT_TOLERANCE",
                             "none": "ZVDJ_ASSESSMENT_NONE"})


class _TrendOptions(Structure):
    _fields_ = [("version", c_uint32), ("from_", c_char_p), ("to", c_char_p),
                ("base", c_char_p), ("rule", c_int32), ("cagr_on_track_pct", c_double),
                ("cagr_acceleration_pct", c_double), ("cagr_scale", c_double),
                ("tolerance", c_double)]


declare({
    "zvdj_trend_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_trends_compute": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p, c_void_p]),
    "zvdj_trends_summarize": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p, c_void_p]),
})


def _options(from_period, to_period, base, rule, tolerance, cagr_on_track_pct,
             cagr_acceleration_pct, cagr_scale):
    o = _TrendOptions()
    check(lib.zvdj_trend_options_init(byref(o), 1))
    o.from_ = encode(from_period)
    o.to = encode(to_period)
    o.base = encode(base)
    o.rule = _RULES["none" if rule is None else rule]
    if tolerance is not None:
        o.tolerance = float(tolerance)
    if cagr_on_track_pct is not None:
        o.cagr_on_track_pct = float(cagr_on_track_pct)
    if cagr_acceleration_pct is not None:
        o.cagr_acceleration_pct = float(cagr_acceleration_pct)
    if cagr_scale is not None:
        o.cagr_scale = float(cagr_scale)
    return o


def _run(fn, dataset, catalogue, breaks, **kw):
    opts = _options(**kw)
    h = c_void_p()
    check(fn(byref(h), dataset.handle, catalogue.handle if catalogue is not None else None,
             breaks.handle if breaks is not None else None, byref(opts)))
    return TrendResult(h)


def trends(dataset, catalogue=None, breaks=None, from_period=None, to_period=None, base=None):
    """Year-over-year trend rows (a TrendResult: .rows(), .to_dataframe(), .to_csv())."""
    return _run(lib.zvdj_trends_compute, dataset, catalogue, breaks, from_period=from_period,
                to_period=to_period, base=base, rule="cagr", tolerance=None,
                cagr_on_track_pct=None, cagr_acceleration_pct=None, cagr_scale=None)


def summarize(dataset, catalogue=None, breaks=None, from_period=None, to_period=None,
              rule="cagr", tolerance=None, cagr_on_track_pct=None, cagr_acceleration_pct=None,
              cagr_scale=None):
    """One summary per series with CAGR, Mann-Kendall and the assessment
    (rule 'cagr', 'tolerance' or None)."""
    return _run(lib.zvdj_trends_summarize, dataset, catalogue, breaks,
                from_period=from_period, to_period=to_period, base=None, rule=rule,
                tolerance=tolerance, cagr_on_track_pct=cagr_on_track_pct,
                cagr_acceleration_pct=cagr_acceleration_pct, cagr_scale=cagr_scale)
