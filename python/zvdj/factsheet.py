"""Factsheets ("Feiten & Cijfers"): self-contained HTML pages with SVG charts."""

import ctypes
import os
from ctypes import (POINTER, Structure, byref, c_char_p, c_int32, c_size_t, c_uint32,
                    c_void_p)

from ._lib import call_string, check, declare, encode, lib, strings
from .results import ResultTable

__all__ = ["write_factsheet", "factsheet_html", "default_factsheet_config"]


class _FactsheetOptions(Structure):
    _fields_ = [("version", c_uint32), ("title", c_char_p), ("subtitle", c_char_p),
                ("region", c_char_p), ("compare_count", c_size_t), ("compare", c_void_p),
                ("config_path", c_char_p), ("config_text", c_char_p)]


_SBUF = [c_char_p, c_size_t, POINTER(c_size_t)]
declare({
    "zvdj_factsheet_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_factsheet_default_config": (c_int32, _SBUF),
    "zvdj_factsheet_write": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p, c_char_p,
                                       c_void_p]),
    "zvdj_factsheet_html": (c_int32, _SBUF + [c_void_p, c_void_p, c_void_p, c_void_p]),
})


def _options(title, subtitle, region, compare, config_path, config_text):
    o = _FactsheetOptions()
    check(lib.zvdj_factsheet_options_init(byref(o), 1))
    o.title = encode(title)
    o.subtitle = encode(subtitle)
    o.region = encode(region)
    compare = list(compare or [])
    arr = strings(compare)
    o.compare_count = len(compare)
    o.compare = ctypes.cast(arr, c_void_p).value if compare else None
    o.config_path = os.fsencode(config_path) if config_path else None
    o.config_text = encode(config_text)
    return o, arr  # the array must outlive the call


def _handle(obj):
    return obj.handle if obj is not None else None


def write_factsheet(dataset, directory, title=None, subtitle=None, region=None, compare=None,
                    config_path=None, config_text=None, catalogue=None, breaks=None):
    """Writes directory/index.html and one SVG per chart; returns a ResultTable
    (kind 'html' / 'svg' / 'warning', name, title)."""
    o, _keep = _options(title, subtitle, region, compare, config_path, config_text)
    h = c_void_p()
    check(lib.zvdj_factsheet_write(byref(h), dataset.handle, _handle(catalogue),
                                   _handle(breaks), os.fsencode(directory), byref(o)))
    return ResultTable(h)


def factsheet_html(dataset, title=None, subtitle=None, region=None, compare=None,
                   config_path=None, config_text=None, catalogue=None, breaks=None):
    """The factsheet page (index.html) as a string."""
    o, _keep = _options(title, subtitle, region, compare, config_path, config_text)
    return call_string(lib.zvdj_factsheet_html, dataset.handle, _handle(catalogue),
                       _handle(breaks), byref(o))


def default_factsheet_config():
    """The built-in configuration CSV (section, indicator, dims, chart, title)."""
    return call_string(lib.zvdj_factsheet_default_config)
