"""Datasets: observations keyed by indicator, period, region and dimensions."""

import ctypes
import math
import os
from ctypes import (Structure, byref, c_char_p, c_double, c_int32, c_size_t, c_uint32,
                    c_uint8, c_void_p)

from ._lib import call_array, call_string, check, constant_value, encode, lib, strings

__all__ = ["Dataset", "STATUS_SYMBOLS"]

# ZVDJ_VALUE_* code -> the symbol of the `status` column.
# The status symbols and number formats with their ZVDJ_* values, from the library.
_SYMBOL_CODES = {symbol: constant_value("ZVDJ_VALUE_" + name) for symbol, name in (
    ("", "DEFINITIVE"), ("*", "PROVISIONAL"), ("**", "REVISED_PROVISIONAL"), (".", "UNKNOWN"),
    ("x", "SECRET"), ("-", "NIL"))}
STATUS_SYMBOLS = tuple(
    next((sym for sym, code in _SYMBOL_CODES.items() if code == value), "")
    for value in range(constant_value("ZVDJ_VALUE_IMPOSSIBLE") + 1))
_NUMBER_FORMATS = {None: constant_value("ZVDJ_NUMBER_FORMAT_AUTO"),
                   "auto": constant_value("ZVDJ_NUMBER_FORMAT_AUTO"),
                   "plain": constant_value("ZVDJ_NUMBER_FORMAT_PLAIN"),
                   "dutch": constant_value("ZVDJ_NUMBER_FORMAT_DUTCH")}


class _ReadOptions(Structure):
    _fields_ = [("version", c_uint32), ("number_format", c_int32)]


class _Query(Structure):
    _fields_ = [("version", c_uint32), ("indicator", c_char_p), ("region", c_char_p),
                ("period_kind", c_int32), ("from_", c_char_p), ("to", c_char_p),
                ("dim_count", c_size_t), ("dim_names", c_void_p), ("dim_values", c_void_p)]


_PERIOD_KINDS = {name: constant_value("ZVDJ_PERIOD_" + name.upper()) for name in (
    "year", "half_year", "quarter", "month", "school_year", "peildatum")}


def _read_options(number_format):
    opts = _ReadOptions()
    check(lib.zvdj_read_options_init(byref(opts), 1))
    opts.number_format = _NUMBER_FORMATS[number_format]
    return opts


def _status_code(status):
    if status is None:
        return None
    if isinstance(status, int):
        return status
    return _SYMBOL_CODES[status]


class Dataset:
    """A libzvdj dataset (owns a zvdj_dataset handle).

    >>> ds = Dataset.read_csv("kernindicatoren.csv")
    >>> ds.rows(indicator="thuiszitters")[0]["value"]
    """

    def __init__(self, _handle=None):
        if _handle is None:
            _handle = c_void_p()
            check(lib.zvdj_dataset_create(byref(_handle)))
        self._h = _handle

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            lib.zvdj_dataset_destroy(h)
            self._h = None

    @property
    def handle(self):
        """The zvdj_dataset* (owned by this object)."""
        return self._h

    # ---- construction -------------------------------------------------
    @classmethod
    def read_csv(cls, path, number_format=None):
        """Reads a dataset CSV; number_format None/'auto', 'plain' or 'dutch'."""
        h = c_void_p()
        check(lib.zvdj_dataset_read_csv(byref(h), os.fsencode(path),
                                        byref(_read_options(number_format))))
        return cls(h)

    @classmethod
    def parse_csv(cls, text, source="<memory>", number_format=None):
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        h = c_void_p()
        check(lib.zvdj_dataset_parse_csv(byref(h), data, len(data), encode(source),
                                         byref(_read_options(number_format))))
        return cls(h)

    @classmethod
    def from_arrays(cls, indicators, periods, values, regions=None, statuses=None,
                    dims=None):
        """Builds a dataset from parallel lists.

        values: numbers, None/NaN where missing; statuses: symbols ('', '*', ...)
        or ZVDJ_VALUE_* codes, None = definitive / '.' for missing values;
        dims: {name: [value per row]} ('' or None = total).
        """
        n = len(indicators)
        vals = (c_double * max(n, 1))(*[math.nan if v is None else float(v) for v in values])
        st = None
        if statuses is not None:
            st = (c_int32 * max(n, 1))(*[_status_code(s) for s in statuses])
        names = list((dims or {}).keys())
        dim_vals = []
        for r in range(n):
            for name in names:
                dim_vals.append(dims[name][r])
        h = c_void_p()
        check(lib.zvdj_dataset_from_arrays(
            byref(h), n, strings(indicators), strings(regions) if regions is not None else None,
            strings(periods), vals, st, len(names), strings(names) if names else None,
            strings(dim_vals) if names else None))
        return cls(h)

    @classmethod
    def from_rows(cls, rows):
        """From a list of dicts with keys indicator, period, value and optionally
        region, status and dimension names."""
        rows = list(rows)
        fixed = {"indicator", "period", "region", "value", "status", "note"}
        dim_names = []
        for row in rows:
            for k in row:
                if k not in fixed and k not in dim_names:
                    dim_names.append(k)
        return cls.from_arrays(
            [r["indicator"] for r in rows], [r["period"] for r in rows],
            [r.get("value") for r in rows], regions=[r.get("region", "NL01") for r in rows],
            statuses=[_default_status(r) for r in rows],
            dims={d: [r.get(d) for r in rows] for d in dim_names})

    def add(self, indicator, period, value, region="NL01", status="", **dims):
        """Appends one observation; dimensions as keyword arguments."""
        names = list(dims.keys())
        check(lib.zvdj_dataset_add(
            self._h, encode(indicator), encode(region), encode(period),
            math.nan if value is None else float(value), _status_code(status), len(names),
            strings(names) if names else None,
            strings([dims[k] for k in names]) if names else None))

    def append(self, other):
        """Adds every row of `other` (all or nothing)."""
        check(lib.zvdj_dataset_append(self._h, other._h))

    def copy(self):
        h = c_void_p()
        check(lib.zvdj_dataset_clone(byref(h), self._h))
        return Dataset(h)

    # ---- reading ----------------------------------------------------------
    def __len__(self):
        n = c_size_t()
        check(lib.zvdj_dataset_size(byref(n), self._h))
        return n.value

    @property
    def dimension_names(self):
        n = c_size_t()
        check(lib.zvdj_dataset_dimension_count(byref(n), self._h))
        return [call_string(lib.zvdj_dataset_dimension_name, self._h, i) for i in range(n.value)]

    def get(self, row, column):
        """One text field of a row (indicator, period, region, status, value, note,
        or a dimension name)."""
        return call_string(lib.zvdj_dataset_get_string, self._h, row, encode(column))

    def row(self, row, _dims=None):
        """Row `row` as a dict; value is a float or None, status a symbol."""
        dims = self.dimension_names if _dims is None else _dims
        value = c_double()
        status = c_int32()
        check(lib.zvdj_dataset_get_value(byref(value), byref(status), self._h, row))
        out = {"indicator": self.get(row, "indicator"), "period": self.get(row, "period"),
               "region": self.get(row, "region")}
        for d in dims:
            out[d] = self.get(row, d)
        out["value"] = None if math.isnan(value.value) else value.value
        out["status"] = STATUS_SYMBOLS[status.value]
        return out

    def select(self, indicator=None, region=None, period_kind=None, from_period=None,
               to_period=None, **dims):
        """Indices of matching rows; dims must match exactly ('' = total)."""
        q = _Query()
        check(lib.zvdj_query_init(byref(q), 1))
        q.indicator = encode(indicator)
        q.region = encode(region)
        if period_kind is not None:
            q.period_kind = _PERIOD_KINDS[period_kind]
        q.from_ = encode(from_period)
        q.to = encode(to_period)
        keep = []
        if dims:
            names = strings(dims.keys())
            values = strings(dims.values())
            keep = [names, values]
            q.dim_count = len(dims)
            q.dim_names = ctypes.addressof(names)
            q.dim_values = ctypes.addressof(values)
        arr, n = call_array(lib.zvdj_dataset_select, c_size_t, self._h, byref(q))
        del keep  # the arrays had to outlive the call
        return [arr[i] for i in range(n)]

    def rows(self, **query):
        """Matching rows as a list of dicts (all rows without arguments)."""
        dims = self.dimension_names
        idx = self.select(**query) if query else range(len(self))
        return [self.row(i, dims) for i in idx]

    def __iter__(self):
        return iter(self.rows())

    def values(self):
        """All values in row order (None where missing)."""
        n = len(self)
        vals = (c_double * max(n, 1))()
        valid = (c_uint8 * max(n, 1))()
        written = c_size_t()
        check(lib.zvdj_dataset_get_values(vals, valid, n, byref(written), self._h))
        return [vals[i] if valid[i] else None for i in range(written.value)]

    def find(self, indicator, period, region="NL01", **dims):
        """The row index with exactly this key, or None."""
        names = list(dims.keys())
        out = c_size_t()
        status = lib.zvdj_dataset_find(
            byref(out), self._h, encode(indicator), encode(region), encode(period),
            len(names), strings(names) if names else None,
            strings([dims[k] for k in names]) if names else None)
        if status == 5:  # NOT_FOUND
            return None
        check(status)
        return out.value

    def to_csv(self):
        return call_string(lib.zvdj_dataset_to_csv, self._h)

    def write_csv(self, path):
        check(lib.zvdj_dataset_write_csv(self._h, os.fsencode(path)))

    def to_dataframe(self):
        """The rows as a pandas DataFrame (requires pandas)."""
        import pandas as pd  # optional dependency
        return pd.DataFrame(self.rows())

    def __repr__(self):
        return f"<zvdj.Dataset rows={len(self)} dimensions={self.dimension_names}>"


def _default_status(row):
    s = row.get("status")
    if s is not None:
        return s
    v = row.get("value")
    return "." if v is None or (isinstance(v, float) and math.isnan(v)) else ""
