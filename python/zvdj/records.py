"""Person-level records (jeugdhulp, jeugdbescherming, verzuim, vervolgzorg, persons)."""

from ctypes import byref, c_size_t, c_void_p

from ._lib import check, encode, lib, strings

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
        cols = _columns(rows)
        unknown = set(cols) - set(order)
        if unknown:
            raise ValueError(f"unknown columns for {table}: {sorted(unknown)}")
        n = len(next(iter(cols.values()))) if cols else 0
        args = [strings(cols[c]) if c in cols else None for c in order]
        check(getattr(lib, fn_name)(self._h, n, *args))
        return self

    def count(self, table):
        out = c_size_t()
        check(lib.zvdj_records_count(byref(out), self._h, encode(table)))
        return out.value

    def counts(self):
        return {t: self.count(t) for t in COUNT_TABLES}

    def __repr__(self):
        return f"<zvdj.Records {self.counts()}>"
