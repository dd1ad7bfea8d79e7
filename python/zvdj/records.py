"""Person-level records (jeugdhulp, jeugdbescherming, verzuim, vervolgzorg, persons)."""

import os
from ctypes import Structure, byref, c_char_p, c_int32, c_size_t, c_uint32, c_void_p

from ._lib import Enum, check, constant_value, declare, encode, lib, strings
from .results import LoadReport

__all__ = ["Records"]

# Table -> (C function, columns in the C argument order, as in the CSV formats).
_TABLES = {
    "jeugdhulp": ("zvdj_records_add_jeugdhulp",
                  ("person_id", "birth_date", "municipality", "provider", "form",
                   "start_date", "end_date", "end_reason")),
    "jeugdbescherming": ("zvdj_records_add_jeugdbescherming",
                         ("person_id", "birth_date", "municipality", "measure", "start_date",
                          "end_date")),
    "verzuim": ("zvdj_records_add_verzuim",
                ("person_id", "birth_date", "municipality", "kind", "start_date", "end_date")),
    "vervolgzorg": ("zvdj_records_add_vervolgzorg",
                    ("person_id", "kind", "start_date", "end_date")),
    "persons": ("zvdj_records_add_persons",
                ("person_id", "birth_date", "exit_date", "exit_reason")),
}
_MODES = Enum("load_mode", {"strict": "ZVDJ_LOAD_STRICT", "lenient": "ZVDJ_LOAD_LENIENT"})


class _LoadOptions(Structure):
    _fields_ = [("version", c_uint32), ("mode", c_int32), ("threads", c_int32)]


declare({
    "zvdj_load_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_records_load_csv": (c_int32, [c_void_p, c_void_p, c_char_p, c_char_p, c_void_p]),
    "zvdj_records_parse_csv": (c_int32, [c_void_p, c_void_p, c_char_p, c_char_p, c_size_t,
                                         c_char_p, c_void_p]),
    "zvdj_records_load_files": (c_int32, [c_void_p, c_void_p] + [c_char_p] * 5 + [c_void_p]),
    "zvdj_load_report_counts": (c_int32, [c_void_p, c_void_p, c_void_p, c_void_p]),
})


# The struct layout above is that of version 2 (with `threads`).
_LOAD_OPTIONS_VERSION = min(2, constant_value("ZVDJ_LOAD_OPTIONS_VERSION"))


def _load_options(mode):
    o = _LoadOptions()
    check(lib.zvdj_load_options_init(byref(o), _LOAD_OPTIONS_VERSION))
    o.mode = _MODES[mode]
    return o


def _path(p):
    return os.fsencode(p) if p else None


COUNT_TABLES = ("persons", "providers", "jeugdhulp", "jeugdbescherming", "verzuim",
                "vervolgzorg")


def _columns(rows):
    """A list of dicts, a dict of lists or a pandas DataFrame -> dict of lists."""
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):  # pandas
        return {c: list(rows[c]) for c in rows.columns}
    if isinstance(rows, dict):
        return {k: list(v) for k, v in rows.items()}
    rows = list(rows)
    keys = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    return {k: [r.get(k) for r in rows] for k in keys}


class Records:
    """A person-level record store (owns a zvdj_records handle).

    >>> rec = Records()
    >>> rec.add("jeugdhulp", [{"person_id": "P1", "birth_date": "2004-02-29",
    ...                        "municipality": "GM0363", "form": "pleegzorg",
    ...                        "start_date": "2019-03-01"}])
    """

    def __init__(self, _handle=None):
        if _handle is None:
            _handle = c_void_p()
            check(lib.zvdj_records_create(byref(_handle)))
        self._h = _handle

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            lib.zvdj_records_destroy(h)
            self._h = None

    @property
    def handle(self):
        return self._h

    def add(self, table, rows):
        """Appends rows (list of dicts, dict of lists or DataFrame, with the CSV
        column names; dates as 'YYYY-MM-DD' or datetime.date). All or nothing."""
        if table not in _TABLES:
            raise ValueError(f"unknown table {table!r}; one of {sorted(_TABLES)}")
        fn_name, order = _TABLES[table]
        if hasattr(rows, "columns") and hasattr(rows, "dtypes"):  # pandas: whole columns
            from .frames import add_frame
            add_frame(self._h, table, rows)
            return self
        cols = _columns(rows)
        unknown = set(cols) - set(order)
        if unknown:
            raise ValueError(f"unknown columns for {table}: {sorted(unknown)}")
        n = len(next(iter(cols.values()))) if cols else 0
        args = [strings(cols[c]) if c in cols else None for c in order]
        check(getattr(lib, fn_name)(self._h, n, *args))
        return self

    def load_csv(self, table, path, mode="strict"):
        """Loads a record file (jeugdhulp, jeugdbescherming, verzuim, vervolgzorg,
        persons); returns a LoadReport listing skipped rows (mode='lenient')."""
        rep = c_void_p()
        check(lib.zvdj_records_load_csv(byref(rep), self._h, encode(table), os.fsencode(path),
                                        byref(_load_options(mode))))
        return LoadReport(rep)

    def parse_csv(self, table, text, source="<memory>", mode="strict"):
        data = text.encode("utf-8")
        rep = c_void_p()
        check(lib.zvdj_records_parse_csv(byref(rep), self._h, encode(table), data, len(data),
                                         encode(source), byref(_load_options(mode))))
        return LoadReport(rep)

    @classmethod
    def load_files(cls, jeugdhulp=None, jeugdbescherming=None, verzuim=None,
                   vervolgzorg=None, persons=None, mode="strict"):
        """A new store from record files (persons first); returns (records, report)."""
        rec = cls()
        rep = c_void_p()
        check(lib.zvdj_records_load_files(byref(rep), rec._h, _path(jeugdhulp),
                                          _path(jeugdbescherming), _path(verzuim),
                                          _path(vervolgzorg), _path(persons),
                                          byref(_load_options(mode))))
        return rec, LoadReport(rep)

    def count(self, table):
        out = c_size_t()
        check(lib.zvdj_records_count(byref(out), self._h, encode(table)))
        return out.value

    def counts(self):
        return {t: self.count(t) for t in COUNT_TABLES}

    def __repr__(self):
        return f"<zvdj.Records {self.counts()}>"
