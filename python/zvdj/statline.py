"""CBS StatLine exports (OData v3 / v4 JSON, CSV downloads) read into a Dataset."""

import os
from ctypes import (POINTER, Structure, byref, c_char_p, c_int32, c_size_t, c_uint32,
                    c_void_p)

from ._lib import CsvHandle, Enum, check, declare, encode, lib, strings
from .dataset import Dataset
from .results import ResultTable

__all__ = ["StatLineMapping", "read_statline", "parse_statline"]

_FORMATS = Enum("statline_format", {"odata3": "ZVDJ_STATLINE_ODATA3",
                                    "odata4": "ZVDJ_STATLINE_ODATA4", "csv": "ZVDJ_STATLINE_CSV"})


class _StatLineOptions(Structure):
    _fields_ = [("version", c_uint32), ("table", c_char_p), ("default_region", c_char_p),
                ("note", c_char_p)]


declare({
    "zvdj_statline_mapping_create": (c_int32, [c_void_p]),
    "zvdj_statline_mapping_destroy": (None, [c_void_p]),
    "zvdj_statline_mapping_load_csv": (c_int32, [c_void_p, c_char_p]),
    "zvdj_statline_mapping_parse_csv": (c_int32, [c_void_p, c_char_p, c_size_t, c_char_p]),
    "zvdj_statline_mapping_add": (c_int32, [c_void_p] + [c_char_p] * 7),
    "zvdj_statline_mapping_size": (c_int32, [POINTER(c_size_t), c_void_p]),
    "zvdj_statline_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_statline_read": (c_int32, [c_void_p, c_void_p, c_int32, c_size_t, c_void_p,
                                     c_void_p, c_void_p]),
    "zvdj_statline_parse": (c_int32, [c_void_p, c_void_p, c_int32, c_size_t, c_void_p,
                                      c_void_p, POINTER(c_size_t), c_void_p, c_void_p]),
})


class StatLineMapping(CsvHandle):
    """Rows mapping StatLine topics and dimension keys onto indicators and
    breakdowns (owns a zvdj_statline_mapping handle)."""

    _prefix = "zvdj_statline_mapping"

    def add(self, table="", topic="", dimension="", code="", indicator="", dim_name="",
            dim_value=""):
        """Adds a topic row (topic, indicator) or a category row (dimension, code)."""
        check(lib.zvdj_statline_mapping_add(self._h, *[encode(v) for v in (
            table, topic, dimension, code, indicator, dim_name, dim_value)]))
        return self

    def __len__(self):
        n = c_size_t()
        check(lib.zvdj_statline_mapping_size(byref(n), self._h))
        return n.value


def _options(table, default_region, note):
    o = _StatLineOptions()
    check(lib.zvdj_statline_options_init(byref(o), 1))
    o.table = encode(table)
    o.default_region = encode(default_region)
    o.note = encode(note)
    return o


def _format(fmt):
    if fmt not in _FORMATS:
        raise ValueError(f"unknown StatLine format {fmt!r}; one of {sorted(_FORMATS.names())}")
    return _FORMATS[fmt]


def read_statline(fmt, paths, mapping, table=None, default_region=None, note=None):
    """Reads StatLine files ('odata3', 'odata4' or 'csv'); returns (Dataset, report)
    where the report is a ResultTable (item, key, count)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fsencode(p) for p in paths]
    opts = _options(table, default_region, note)
    h, rep = c_void_p(), c_void_p()
    check(lib.zvdj_statline_read(byref(h), byref(rep), _format(fmt), len(paths),
                                 strings(paths), mapping.handle, byref(opts)))
    return Dataset(h), ResultTable(rep)


def parse_statline(fmt, documents, mapping, table=None, default_region=None, note=None):
    """As read_statline over documents in memory: {name: text} or [(name, text)]."""
    items = list(documents.items()) if isinstance(documents, dict) else list(documents)
    names = [n for n, _ in items]
    texts = [t.encode("utf-8") if isinstance(t, str) else bytes(t) for _, t in items]
    n = len(items)
    lengths = (c_size_t * max(n, 1))(*[len(t) for t in texts])
    opts = _options(table, default_region, note)
    h, rep = c_void_p(), c_void_p()
    check(lib.zvdj_statline_parse(byref(h), byref(rep), _format(fmt), n, strings(names),
                                  strings(texts), lengths, mapping.handle, byref(opts)))
    return Dataset(h), ResultTable(rep)
