"""Table results of the C API (trend results, load reports, cohort results, and the
general zvdj_table of survival curves, state distributions, closure rows and reports)."""

from ctypes import POINTER, byref, c_char_p, c_double, c_int32, c_size_t, c_uint8, c_void_p

from ._lib import call_string, check, declare, encode, lib

__all__ = ["Table", "ResultTable"]

_SBUF = [c_char_p, c_size_t, POINTER(c_size_t)]


def _declare(prefix):
    declare({
        f"{prefix}_destroy": (None, [c_void_p]),
        f"{prefix}_rows": (c_int32, [POINTER(c_size_t), c_void_p]),
        f"{prefix}_column_count": (c_int32, [POINTER(c_size_t), c_void_p]),
        f"{prefix}_column_name": (c_int32, _SBUF + [c_void_p, c_size_t]),
        f"{prefix}_column_is_numeric": (c_int32, [POINTER(c_int32), c_void_p, c_char_p]),
        f"{prefix}_get_numbers": (c_int32, [POINTER(c_double), POINTER(c_uint8), c_size_t,
                                            POINTER(c_size_t), c_void_p, c_char_p]),
        f"{prefix}_get_string": (c_int32, _SBUF + [c_void_p, c_size_t, c_char_p]),
        f"{prefix}_to_csv": (c_int32, _SBUF + [c_void_p]),
    })


for _p in ("zvdj_trend_result", "zvdj_load_report", "zvdj_cohort_result", "zvdj_table"):
    _declare(_p)


class Table:
    """A table result owned by Python: columns of numbers (None = missing) or text.

    rows() gives a list of dicts, columns() a dict of lists, to_dataframe() a
    pandas DataFrame (when pandas is installed), to_csv() the CSV text.
    """

    _prefix = None

    def __init__(self, handle):
        self._h = handle
        self._fn = {name: getattr(lib, f"{self._prefix}_{name}")
                    for name in ("destroy", "rows", "column_count", "column_name",
                                 "column_is_numeric", "get_numbers", "get_string", "to_csv")}

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            self._fn["destroy"](h)
            self._h = None

    @property
    def handle(self):
        return self._h

    def __len__(self):
        n = c_size_t()
        check(self._fn["rows"](byref(n), self._h))
        return n.value

    @property
    def column_names(self):
        n = c_size_t()
        check(self._fn["column_count"](byref(n), self._h))
        return [call_string(self._fn["column_name"], self._h, i) for i in range(n.value)]

    def is_numeric(self, column):
        out = c_int32()
        check(self._fn["column_is_numeric"](byref(out), self._h, encode(column)))
        return bool(out.value)

    def column(self, name):
        """One column as a list (floats/None for numbers, str for text)."""
        n = len(self)
        if self.is_numeric(name):
            values = (c_double * max(n, 1))()
            valid = (c_uint8 * max(n, 1))()
            written = c_size_t()
            check(self._fn["get_numbers"](values, valid, n, byref(written), self._h,
                                          encode(name)))
            return [values[i] if valid[i] else None for i in range(written.value)]
        return [call_string(self._fn["get_string"], self._h, r, encode(name)) for r in range(n)]

    def columns(self):
        return {name: self.column(name) for name in self.column_names}

    def rows(self):
        cols = self.columns()
        names = list(cols)
        return [{k: cols[k][r] for k in names} for r in range(len(self))]

    def __iter__(self):
        return iter(self.rows())

    def to_csv(self):
        return call_string(self._fn["to_csv"], self._h)

    def to_dataframe(self):
        import pandas as pd  # optional dependency
        return pd.DataFrame(self.columns())

    def __repr__(self):
        return f"<zvdj.{type(self).__name__} rows={len(self)} columns={self.column_names}>"


class TrendResult(Table):
    _prefix = "zvdj_trend_result"


class LoadReport(Table):
    _prefix = "zvdj_load_report"

    def counts(self):
        """{'input_rows', 'loaded_rows', 'skipped_rows'}."""
        a, b, c = c_size_t(), c_size_t(), c_size_t()
        check(lib.zvdj_load_report_counts(byref(a), byref(b), byref(c), self._h))
        return {"input_rows": a.value, "loaded_rows": b.value, "skipped_rows": c.value}


class CohortResult(Table):
    _prefix = "zvdj_cohort_result"

    def to_dataset(self):
        """The estimates as a Dataset (vervolgzorg_pct, value = estimate x 100)."""
        from .dataset import Dataset
        h = c_void_p()
        check(lib.zvdj_cohort_result_to_dataset(byref(h), self._h))
        return Dataset(h)


class ResultTable(Table):
    """A general table result: survival curves, state distributions, closure rows,
    StatLine and generator reports, factsheet file lists."""
    _prefix = "zvdj_table"
