"""pandas DataFrames to and from the C API, a whole column per call.

Frames go in as arrays of C strings built with numpy (one contiguous buffer per
column, no Python object per cell handed to ctypes); results come out with the
numeric columns as double arrays and the text columns from the table's CSV
text, read once by pandas' C parser.
"""

import io
import re
from ctypes import POINTER, byref, c_char_p, c_double, c_int32, c_size_t, c_uint8, c_void_p
from ctypes import c_char as ctypes_char

from ._lib import ZvdjError, check, lib

__all__ = ["RECORD_COLUMNS", "add_frame", "dataset_from_frame", "dataset_frame", "table_frame"]

_INVALID_ARGUMENT = 3

# Table -> (C function, columns in the C argument order, the required ones).
RECORD_COLUMNS = {
    "jeugdhulp": ("zvdj_records_add_jeugdhulp",
                  ("person_id", "birth_date", "municipality", "provider", "form",
                   "start_date", "end_date", "end_reason"),
                  ("person_id", "birth_date", "municipality", "provider", "form",
                   "start_date")),
    "jeugdbescherming": ("zvdj_records_add_jeugdbescherming",
                         ("person_id", "birth_date", "municipality", "measure", "start_date",
                          "end_date"),
                         ("person_id", "birth_date", "municipality", "measure", "start_date")),
    "verzuim": ("zvdj_records_add_verzuim",
                ("person_id", "birth_date", "municipality", "kind", "start_date", "end_date"),
                ("person_id", "birth_date", "municipality", "kind", "start_date")),
    "vervolgzorg": ("zvdj_records_add_vervolgzorg",
                    ("person_id", "kind", "start_date", "end_date"),
                    ("person_id", "kind", "start_date")),
    "persons": ("zvdj_records_add_persons",
                ("person_id", "birth_date", "exit_date", "exit_reason"),
                ("person_id",)),
}
# Columns where whole numbers are accepted and written as text (ids).
_ID_COLUMNS = {"person_id", "provider"}
# Integer-valued numeric result columns, returned as pandas' nullable Int64.
_COUNT_COLUMNS = {"n_cohort", "n_at_risk", "n_events", "n_censored_before", "n_periods",
                  "mk_s", "count", "group_total", "rows", "begin", "inflow", "outflow", "end",
                  "difference", "year_of_18", "year", "line", "column", "input_rows",
                  "loaded_rows", "skipped_rows"}
# Text result columns that keep "" (a status symbol: "" is definitive).
_STATUS_COLUMNS = {"status", "prev_status"}



def _pd():
    import pandas  # the frame functions need pandas; the object API does not
    return pandas


def _np():
    import numpy
    return numpy


def frame_error(source, message):
    return ZvdjError(_INVALID_ARGUMENT, f"{source}: {message}")


def _is_date_column(name):
    return name.endswith("_date") or name == "date"


class _Column:
    """A column as C strings: `data` holds the bytes, `pointers` the char* of
    every cell (numpy uintp). Keep the object alive during the C call."""

    def __init__(self, data, pointers):
        self.data = data
        self.pointers = pointers


# Day numbers spanning at most this many days are written as a table of every
# day in their range (the cells index it); wider spans go through np.unique.
_DAY_TABLE_SPAN = 1 << 18


def _date_column(days, missing):
    """C strings 'YYYY-MM-DD' of day numbers (int64 days since 1970-01-01): each
    day is written once (a column of a million dates holds a few thousand days)
    and the cells point at it; missing cells point at an empty string. Dates of
    a span up to _DAY_TABLE_SPAN days index a table of the whole span, without
    a sort."""
    np = _np()
    some_missing = bool(missing.any())
    present = days[~missing] if some_missing else days
    if len(present) and int(present.max()) - int(present.min()) < _DAY_TABLE_SPAN:
        low = int(present.min())
        uniq = np.arange(low, int(present.max()) + 1, dtype=np.int64)
        index = present - low  # of the present cells
    else:
        uniq, index = np.unique(present, return_inverse=True)
    text = _widen(np.datetime_as_string(uniq.astype("datetime64[D]")).astype("S"))
    text = np.concatenate([text, np.zeros(1, dtype=text.dtype)])  # the last: empty
    width = text.dtype.itemsize
    base = text.ctypes.data
    cells = base + index.astype(np.uintp) * np.uintp(width)
    if not some_missing:
        return _Column(text, cells)
    pointers = np.full(len(days), base + (len(text) - 1) * width, dtype=np.uintp)
    pointers[~missing] = cells
    return _Column(text, pointers)


def _joined(values):
    """The cells (str, no missing ones) in one NUL-separated UTF-8 buffer; None
    when a cell holds a NUL itself."""
    np = _np()
    if len(values) == 0:
        return _Column(np.zeros(1, dtype=np.uint8), np.zeros(1, dtype=np.uintp))
    data = np.frombuffer(("\0".join(values) + "\0").encode("utf-8"), dtype=np.uint8)
    ends = np.flatnonzero(data == 0)
    if len(ends) != len(values):
        return None
    starts = np.empty(len(values), dtype=np.uintp)
    if len(values):
        starts[0] = 0
        starts[1:] = ends[:-1] + 1
    return _Column(data, data.ctypes.data + starts)


def _type_error(source, name, position, what):
    return frame_error(source, f"column '{name}' (column {position}) {what}; expected text"
                               + (" or dates" if _is_date_column(name) else ""))


def _nan_cells(values):
    """The NaN (and NaT) cells of an object array: the cells unequal to
    themselves, 3x as fast as pd.isna; None and pd.NA are not found."""
    np = _np()
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            missing = values != values
        except Exception:  # pd.NA has no truth value
            missing = None
    if not isinstance(missing, np.ndarray) or missing.dtype != bool or \
            missing.shape != values.shape:
        return _pd().isna(values)
    return missing


def _text_column(series, source, name, position):
    """The column as C strings; missing values (NaN, None, NaT, "") are empty.
    Text, datetime64 (date columns) and whole numbers (id columns) are accepted."""
    pd, np = _pd(), _np()
    dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype):
        if getattr(dtype, "tz", None) is not None:
            series = series.dt.tz_localize(None)
        # numpy's own unit conversion: pandas' to_numpy(dtype=...) would box
        # every cell as a Timestamp.
        stamps = series.to_numpy()
        return _date_column(stamps.astype("datetime64[D]").view(np.int64), np.isnat(stamps))
    if pd.api.types.is_integer_dtype(dtype) and name in _ID_COLUMNS:
        if series.isna().any():
            raise _type_error(source, name, position, "has a missing id")
        return _joined(series.astype("int64").astype(str).to_numpy(dtype=object))
    if not (dtype == object or pd.api.types.is_string_dtype(dtype)):
        raise _type_error(source, name, position, f"has type {dtype}")
    values = series.to_numpy(dtype=object)
    try:  # the common case, text without missing cells: one pass
        column = _joined(values)
        if column is not None:
            return column
        raise frame_error(source, f"column '{name}' (column {position}) holds a NUL character")
    except TypeError:  # a cell that is not text (NaN, None, a date, a number)
        pass
    missing = _nan_cells(values)
    try:  # text with missing cells: the present ones in one pass ...
        try:
            column = _joined(values[~missing])
        except TypeError:  # None or pd.NA besides NaN: pandas' slower test
            missing = pd.isna(values)
            column = _joined(values[~missing])
    except TypeError:
        kind = pd.api.types.infer_dtype(series, skipna=True)
        if kind in ("date", "datetime", "datetime64") and _is_date_column(name):
            return _text_column(pd.to_datetime(series), source, name, position)
        raise _type_error(source, name, position, f"holds {kind} values") from None
    if column is None:
        raise frame_error(source, f"column '{name}' (column {position}) holds a NUL character")
    # ... and the missing ones point at an empty string.
    empty = np.zeros(1, dtype=np.uint8)
    pointers = np.full(len(values), empty.ctypes.data, dtype=np.uintp)
    pointers[~missing] = column.pointers[:len(values) - int(missing.sum())]
    return _Column((column.data, empty), pointers)


def _widen(encoded):
    """One more byte per cell, so that the longest value is NUL-terminated too."""
    np = _np()
    if encoded.dtype.itemsize == 0 or len(encoded) == 0:
        return np.zeros(len(encoded), dtype="S1")
    return encoded.astype("S%d" % (encoded.dtype.itemsize + 1))


def _pointers(buffer):
    """char* of every cell of a numpy 'S' array (kept alive by the caller)."""
    np = _np()
    n = len(buffer)
    if n == 0:
        return np.zeros(1, dtype=np.uintp)
    return buffer.ctypes.data + np.arange(n, dtype=np.uintp) * buffer.dtype.itemsize


def _as_cstrings(pointers):
    return pointers.ctypes.data_as(POINTER(c_char_p))


_ROW_ERROR = re.compile(r"^(\w+)\[(\d+)\]: (.*?)(?: \(field '(\w+)'\))?$", re.S)


def _row_error(error, source, columns):
    """'jeugdhulp[3]: reason (field 'x')' -> '<source>:4:<col>: reason (column 'x')':
    rows of the frame counted from 1, columns by their position in the frame."""
    m = _ROW_ERROR.match(error.message)
    if not m:
        return error
    row = int(m.group(2)) + 1
    field = m.group(4)
    where = f"{source}:{row}"
    tail = m.group(3)
    if field:
        if field in columns:
            where += f":{columns.index(field) + 1}"
        tail += f" (column '{field}')"
    return ZvdjError(error.code, f"{where}: {tail}")


def add_frame(records_handle, table, frame, source=None):
    """Appends the rows of `frame` (the columns of the table's CSV format, in any
    order) to a record store; all or nothing."""
    fn_name, order, required = RECORD_COLUMNS[table]
    source = source or f"<{table} data frame>"
    columns = [str(c) for c in frame.columns]
    unknown = [c for c in columns if c not in order]
    if unknown:
        raise frame_error(source, f"unknown column '{unknown[0]}' in {table} (expected: "
                                  f"{', '.join(order)})")
    for c in required:
        if c not in columns:
            raise frame_error(source, f"missing column '{c}' in {table}")
    keep = []
    args = []
    for name in order:
        if name not in columns:
            args.append(None)
            continue
        column = _text_column(frame[name], source, name, columns.index(name) + 1)
        keep.append(column)
        args.append(_as_cstrings(column.pointers))
    try:
        check(getattr(lib, fn_name)(records_handle, len(frame), *args))
    except ZvdjError as e:
        raise _row_error(e, source, columns) from None


_DATASET_FIXED = ("indicator", "period", "region", "value", "status", "note")


# Libraries before zvdj_dataset_from_arrays_with_notes drop a frame's notes.
_HAS_NOTES = hasattr(lib, "zvdj_dataset_from_arrays_with_notes")


def dataset_from_frame(frame, source="<dataset data frame>"):
    """A zvdj_dataset handle from a frame in the dataset format (indicator,
    period, region, value, status, note, dimension columns; an empty dimension
    cell is the total, an empty note none)."""
    pd, np = _pd(), _np()
    columns = [str(c) for c in frame.columns]
    for c in ("indicator", "period", "value"):
        if c not in columns:
            raise frame_error(source, f"missing column '{c}'")
    n = len(frame)
    value_col = frame["value"]
    if pd.api.types.is_numeric_dtype(value_col.dtype) and \
            not pd.api.types.is_bool_dtype(value_col.dtype):
        values = value_col.to_numpy(dtype="float64", na_value=np.nan)
    else:
        kind = pd.api.types.infer_dtype(value_col, skipna=True)
        if kind not in ("string", "empty", "mixed-integer-float", "floating", "integer"):
            raise frame_error(source, f"column 'value' holds {kind} values; expected numbers")
        text = value_col.astype(object).where(value_col.notna(), "")
        values = pd.to_numeric(text.replace("", np.nan), errors="coerce").to_numpy("float64")
        bad = np.flatnonzero(np.isnan(values) & (text.astype(str).str.strip() != "").to_numpy())
        if len(bad):
            r = int(bad[0])
            raise frame_error(f"{source}:{r + 1}:{columns.index('value') + 1}",
                              f"'{text.iloc[r]}' is not a number (column 'value')")
    from ._lib import constant_value
    # An empty value with an empty status is "impossible", as in a dataset file.
    statuses = np.where(np.isnan(values), constant_value("ZVDJ_VALUE_IMPOSSIBLE"),
                        constant_value("ZVDJ_VALUE_DEFINITIVE")).astype(np.int32)
    if "status" in columns:
        symbols = frame["status"].astype(object).where(frame["status"].notna(), "")
        from .dataset import _SYMBOL_CODES
        codes = symbols.map(_SYMBOL_CODES)
        if codes.isna().any():
            r = int(np.flatnonzero(codes.isna().to_numpy())[0])
            raise frame_error(f"{source}:{r + 1}:{columns.index('status') + 1}",
                              f"unknown status '{symbols.iloc[r]}' (expected one of '', *, **, "
                              "., x, -) (column 'status')")
        codes = codes.to_numpy(dtype=np.int32)
        given = symbols.to_numpy(dtype=object) != ""
        statuses = np.where(given, codes, statuses).astype(np.int32)
    keep = []

    def cstrings(name):
        column = _text_column(frame[name], source, name, columns.index(name) + 1)
        keep.append(column)
        return column.pointers

    indicators = cstrings("indicator")
    periods = cstrings("period")
    regions = cstrings("region") if "region" in columns else None
    if regions is not None and n:
        # An empty region is the CSV default too: NL01.
        nl01 = np.frombuffer(b"NL01\0", dtype="S5")
        keep.append(nl01)
        empty = (frame["region"].isna() | (frame["region"].astype(object) == "")).to_numpy()
        regions = np.where(empty, nl01.ctypes.data, regions).astype(np.uintp)
        keep.append(regions)
    dims = [c for c in columns if c not in _DATASET_FIXED]
    dim_values = None
    dim_names = None
    if dims:
        dim_values = np.ascontiguousarray(np.stack([cstrings(d) for d in dims], axis=1).ravel())
        keep.append(dim_values)
        names = np.array([d.encode("utf-8") for d in dims], dtype="S")
        names = _widen(names)
        dim_names = _pointers(names)
        keep.append((names, dim_names))
    values = np.ascontiguousarray(values, dtype=np.float64)
    h = c_void_p()
    args = [byref(h), n, _as_cstrings(indicators),
            _as_cstrings(regions) if regions is not None else None, _as_cstrings(periods),
            values.ctypes.data_as(POINTER(c_double)),
            statuses.ctypes.data_as(POINTER(c_int32)), len(dims),
            _as_cstrings(dim_names) if dims else None,
            _as_cstrings(dim_values) if dims else None]
    fn = lib.zvdj_dataset_from_arrays
    if "note" in columns and _HAS_NOTES:
        fn = lib.zvdj_dataset_from_arrays_with_notes
        args.append(_as_cstrings(cstrings("note")))
    try:
        check(fn(*args))
    except ZvdjError as e:
        m = re.match(r"^row (\d+): (.*)$", e.message, re.S)
        if m:
            raise ZvdjError(e.code, f"{source}:{int(m.group(1)) + 1}: {m.group(2)}") from None
        raise
    return h


def _read_text(csv_text):
    pd = _pd()
    return pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False, na_values=[],
                       na_filter=False)


def _finish(frame, numeric, dims):
    """Types of a result frame: numbers as float64 (counts as Int64), statuses as
    text, other empty text cells (dimension totals, notes) as NaN."""
    pd, np = _pd(), _np()
    for name, values in numeric.items():
        if name in _COUNT_COLUMNS:
            frame[name] = pd.array(np.where(np.isnan(values), 0, values).astype("int64"),
                                   dtype="Int64")
            frame.loc[np.isnan(values), name] = pd.NA
        else:
            frame[name] = values
    for name in frame.columns:
        if name in numeric or name in _STATUS_COLUMNS:
            continue
        col = frame[name]
        empty = (col == "").to_numpy()
        if empty.any():
            frame[name] = col.where(~empty, np.nan)
    return frame


def _declare_bulk():
    """The whole-column table accessors, where the loaded library has them."""
    from ._lib import declare
    sbuf = [c_char_p, c_size_t, POINTER(c_size_t)]
    declare({
        "zvdj_table_column_kind": (c_int32, [POINTER(c_int32), c_void_p, c_char_p]),
        "zvdj_table_get_integers": (c_int32, [c_void_p, c_void_p, c_size_t, POINTER(c_size_t),
                                              c_void_p, c_char_p]),
        "zvdj_table_get_texts": (c_int32, sbuf + [c_void_p, c_size_t, c_void_p, c_char_p]),
        "zvdj_trend_result_table": (c_int32, [POINTER(c_void_p), c_void_p]),
        "zvdj_cohort_result_table": (c_int32, [POINTER(c_void_p), c_void_p]),
        "zvdj_load_report_table": (c_int32, [POINTER(c_void_p), c_void_p]),
    })
    return hasattr(lib, "zvdj_table_get_texts") and hasattr(lib, "zvdj_table_column_kind")


_BULK = _declare_bulk()


def _bulk_column(handle, name, rows):
    """One column of a zvdj_table in one call: float64, Int64 or text."""
    pd, np = _pd(), _np()
    key = name.encode("utf-8")
    kind = c_int32()
    check(lib.zvdj_table_column_kind(byref(kind), handle, key))
    written = c_size_t()
    if kind.value == 0:  # ZVDJ_COLUMN_TEXT
        check(lib.zvdj_table_get_texts(None, 0, byref(written), None, 0, handle, key))
        buffer = (ctypes_char * max(written.value, 1))()
        check(lib.zvdj_table_get_texts(buffer, written.value, byref(written), None, 0, handle,
                                       key))
        cells = bytes(buffer)[:written.value].decode("utf-8").split("\0")[:rows]
        column = np.array(cells, dtype=object)
        if name not in _STATUS_COLUMNS:
            column[column == ""] = np.nan
        return column
    valid = np.zeros(max(rows, 1), dtype=np.uint8)
    if kind.value == 2:  # ZVDJ_COLUMN_INTEGER
        values = np.zeros(max(rows, 1), dtype=np.int64)
        check(lib.zvdj_table_get_integers(values.ctypes.data, valid.ctypes.data, rows,
                                          byref(written), handle, key))
        return pd.arrays.IntegerArray(values[:rows], valid[:rows] == 0)
    values = np.empty(max(rows, 1), dtype=np.float64)
    check(lib.zvdj_table_get_numbers(values.ctypes.data_as(POINTER(c_double)),
                                     valid.ctypes.data_as(POINTER(c_uint8)), rows,
                                     byref(written), handle, key))
    values = np.where(valid[:rows] == 1, values[:rows], np.nan)
    if name in _COUNT_COLUMNS:  # counts the library keeps as numbers
        present = valid[:rows] == 1
        return pd.arrays.IntegerArray(np.where(present, values, 0).astype(np.int64), ~present)
    return values


def _bulk_frame(table):
    pd = _pd()
    prefix = table._prefix
    handle = table.handle
    owned = None
    if prefix != "zvdj_table":
        owned = c_void_p()
        check(getattr(lib, prefix + "_table")(byref(owned), handle))
        handle = owned
    try:
        rows = c_size_t()
        check(lib.zvdj_table_rows(byref(rows), handle))
        names = table.column_names
        return pd.DataFrame({name: _bulk_column(handle, name, rows.value) for name in names},
                            columns=names)
    finally:
        if owned is not None:
            lib.zvdj_table_destroy(owned)


def table_frame(table):
    """A DataFrame of a table result (zvdj.results.Table) with the columns of its
    CSV: a column per call where the library has the whole-column accessors."""
    if _BULK:
        return _bulk_frame(table)
    np = _np()
    frame = _read_text(table.to_csv())
    n = len(frame)
    numeric = {}
    fn = table._fn["get_numbers"]
    for name in frame.columns:
        if not table.is_numeric(name):
            continue
        values = np.empty(max(n, 1), dtype=np.float64)
        written = c_size_t()
        check(fn(values.ctypes.data_as(POINTER(c_double)), None, n, byref(written),
                 table.handle, name.encode("utf-8")))
        numeric[name] = values[:n]
    return _finish(frame, numeric, ())


def dataset_frame(dataset):
    """A DataFrame of a Dataset with the columns of its CSV (as `zvdj compute`)."""
    np = _np()
    frame = _read_text(dataset.to_csv())
    n = len(frame)
    values = np.empty(max(n, 1), dtype=np.float64)
    valid = np.empty(max(n, 1), dtype=np.uint8)
    written = c_size_t()
    check(lib.zvdj_dataset_get_values(values.ctypes.data_as(POINTER(c_double)),
                                      valid.ctypes.data_as(POINTER(c_uint8)), n,
                                      byref(written), dataset.handle))
    values = np.where(valid[:n] == 1, values[:n], np.nan)
    return _finish(frame, {"value": values}, dataset.dimension_names)
