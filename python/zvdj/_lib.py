"""Loading libzvdj and calling its C API through ctypes (standard library only).

The shared library is looked up in this order:
  1. the path in the environment variable ZVDJ_LIBRARY (an error if it fails),
  2. next to this package (a wheel or an install that copies libzvdj.so here),
  3. a build tree of the source checkout (build/ci, build/release, build/debug),
  4. the system library path (ctypes.util.find_library("zvdj")).
"""

import ctypes
import ctypes.util
import datetime
import os
import sys
from ctypes import (POINTER, byref, c_char_p, c_double, c_int32, c_int64, c_size_t,
                    c_uint8, c_uint32, c_void_p)
from pathlib import Path

__all__ = ["ZvdjError", "lib", "check", "call_string", "call_array", "strings",
           "encode", "day_to_date", "date_to_text", "library_path", "CsvHandle", "Enum",
           "constant_value"]

_EPOCH = datetime.date(1970, 1, 1)


class ZvdjError(Exception):
    """An error reported by libzvdj.

    Attributes:
      code: the numeric status (the absl::StatusCode number, e.g. 3).
      status: its name ("INVALID_ARGUMENT", "NOT_FOUND", ...).
      message: the library's message; errors in files name "file:line:column".
    """

    def __init__(self, code, message):
        self.code = int(code)
        self.status = _status_name(self.code)
        self.message = message
        super().__init__(f"{self.status}: {message}")


def _library_names():
    if sys.platform == "darwin":
        return ["libzvdj.dylib"]
    if sys.platform.startswith("win"):
        return ["zvdj.dll", "libzvdj.dll"]
    return ["libzvdj.so", "libzvdj.so.0"]


def _candidates():
    here = Path(__file__).resolve().parent
    for name in _library_names():
        yield here / name
    root = here.parent.parent
    for preset in ("ci", "release", "debug"):
        for name in _library_names():
            yield root / "build" / preset / name
    found = ctypes.util.find_library("zvdj")
    if found:
        yield found


def _load():
    env = os.environ.get("ZVDJ_LIBRARY")
    if env:
        try:
            return ctypes.CDLL(env), env
        except OSError as e:
            raise ImportError(f"ZVDJ_LIBRARY={env!r} cannot be loaded: {e}") from e
    tried = []
    for candidate in _candidates():
        path = str(candidate)
        if os.sep in path and not os.path.exists(path):
            tried.append(path)
            continue
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(f"{path} ({e})")
    raise ImportError("libzvdj not found; set ZVDJ_LIBRARY to the path of libzvdj.so. "
                      "Tried: " + ", ".join(tried))


lib, library_path = _load()

_cstr_array = POINTER(c_char_p)
_p_size = POINTER(c_size_t)
_p_i32 = POINTER(c_int32)
_p_i64 = POINTER(c_int64)
_p_double = POINTER(c_double)
_p_void = POINTER(c_void_p)
_status = c_int32
# Shorthands for the (buffer, capacity, written) triple.
_SBUF = [c_char_p, c_size_t, _p_size]

# name: (restype, argtypes). Every function used by the module is declared so
# that pointers and size_t are passed at full width.
_SIGNATURES = {
    "zvdj_status_name": (c_char_p, [c_int32]),
    "zvdj_last_error_message": (c_char_p, []),
    "zvdj_last_error_code": (c_int32, []),
    "zvdj_clear_last_error": (None, []),
    "zvdj_version_number": (c_int32, []),
    "zvdj_version_string": (c_char_p, []),
    "zvdj_abi_version": (c_int32, []),
    "zvdj_constant": (_status, [_p_i64, c_char_p]),
    "zvdj_constant_name": (_status, _SBUF + [c_size_t]),
    "zvdj_enum_kinds": (_status, _SBUF),
    "zvdj_enum_names": (_status, _SBUF + [c_char_p]),
    "zvdj_enum_value": (_status, [_p_i64, c_char_p, c_char_p]),
    # dates, periods, numbers
    "zvdj_date_parse": (_status, [_p_i32, c_char_p]),
    "zvdj_date_format": (_status, _SBUF + [c_int32]),
    "zvdj_age_on": (_status, [_p_i32, c_int32, c_int32]),
    "zvdj_add_months": (_status, [_p_i32, c_int32, c_int32]),
    "zvdj_period_normalize": (_status, _SBUF + [c_char_p]),
    "zvdj_period_predecessor": (_status, _SBUF + [c_char_p]),
    "zvdj_period_successor": (_status, _SBUF + [c_char_p]),
    "zvdj_period_info": (_status, [_p_i32, _p_i32, _p_i32, _p_i32, _p_i32, c_char_p]),
    "zvdj_period_make": (_status, _SBUF + [c_int32, c_int32, c_int32]),
    "zvdj_period_years_between": (_status, [_p_double, c_char_p, c_char_p]),
    "zvdj_period_compare": (_status, [_p_i32, c_char_p, c_char_p]),
    "zvdj_period_kind_name": (c_char_p, [c_int32]),
    "zvdj_parse_number": (_status, [_p_double, c_char_p, c_int32]),
    "zvdj_format_dutch": (_status, _SBUF + [c_double, c_int32]),
    "zvdj_format_dutch_percent": (_status, _SBUF + [c_double, c_int32]),
    "zvdj_format_dutch_signed": (_status, _SBUF + [c_double, c_int32]),
    "zvdj_format_plain": (_status, _SBUF + [c_double]),
    "zvdj_round_to_multiple_of_5": (_status, [_p_i64, c_int64]),
    # datasets
    "zvdj_read_options_init": (_status, [c_void_p, c_uint32]),
    "zvdj_dataset_create": (_status, [_p_void]),
    "zvdj_dataset_destroy": (None, [c_void_p]),
    "zvdj_dataset_clone": (_status, [_p_void, c_void_p]),
    "zvdj_dataset_read_csv": (_status, [_p_void, c_char_p, c_void_p]),
    "zvdj_dataset_parse_csv": (_status, [_p_void, c_char_p, c_size_t, c_char_p, c_void_p]),
    "zvdj_dataset_from_arrays": (_status, [_p_void, c_size_t, _cstr_array, _cstr_array,
                                           _cstr_array, _p_double, _p_i32, c_size_t,
                                           _cstr_array, _cstr_array]),
    "zvdj_dataset_from_arrays_with_notes": (_status, [_p_void, c_size_t, _cstr_array,
                                                      _cstr_array, _cstr_array, _p_double,
                                                      _p_i32, c_size_t, _cstr_array,
                                                      _cstr_array, _cstr_array]),
    "zvdj_dataset_add": (_status, [c_void_p, c_char_p, c_char_p, c_char_p, c_double,
                                   c_int32, c_size_t, _cstr_array, _cstr_array]),
    "zvdj_dataset_append": (_status, [c_void_p, c_void_p]),
    "zvdj_dataset_size": (_status, [_p_size, c_void_p]),
    "zvdj_dataset_dimension_count": (_status, [_p_size, c_void_p]),
    "zvdj_dataset_dimension_name": (_status, _SBUF + [c_void_p, c_size_t]),
    "zvdj_dataset_get_string": (_status, _SBUF + [c_void_p, c_size_t, c_char_p]),
    "zvdj_dataset_get_value": (_status, [_p_double, _p_i32, c_void_p, c_size_t]),
    "zvdj_dataset_get_values": (_status, [_p_double, POINTER(c_uint8), c_size_t, _p_size,
                                          c_void_p]),
    "zvdj_dataset_get_statuses": (_status, [_p_i32, c_size_t, _p_size, c_void_p]),
    "zvdj_query_init": (_status, [c_void_p, c_uint32]),
    "zvdj_dataset_select": (_status, [_p_size, c_size_t, _p_size, c_void_p, c_void_p]),
    "zvdj_dataset_find": (_status, [_p_size, c_void_p, c_char_p, c_char_p, c_char_p,
                                    c_size_t, _cstr_array, _cstr_array]),
    "zvdj_dataset_write_csv": (_status, [c_void_p, c_char_p]),
    "zvdj_dataset_to_csv": (_status, _SBUF + [c_void_p]),
    # catalogue
    "zvdj_catalogue_builtin": (_status, [_p_void]),
    "zvdj_catalogue_create": (_status, [_p_void]),
    "zvdj_catalogue_destroy": (None, [c_void_p]),
    "zvdj_catalogue_load_csv": (_status, [c_void_p, c_char_p]),
    "zvdj_catalogue_parse_csv": (_status, [c_void_p, c_char_p, c_size_t, c_char_p]),
    "zvdj_catalogue_size": (_status, [_p_size, c_void_p]),
    "zvdj_catalogue_id": (_status, _SBUF + [c_void_p, c_size_t]),
    "zvdj_catalogue_get_string": (_status, _SBUF + [c_void_p, c_char_p, c_char_p]),
    "zvdj_catalogue_info": (_status, [_p_i32, _p_i32, _p_i32, _p_i32, c_void_p, c_char_p]),
    "zvdj_catalogue_direction_for": (_status, [_p_i32, c_void_p, c_char_p, c_size_t,
                                               _cstr_array, _cstr_array]),
    "zvdj_catalogue_to_csv": (_status, _SBUF + [c_void_p]),
    # breaks
    "zvdj_breaks_create": (_status, [_p_void]),
    "zvdj_breaks_destroy": (None, [c_void_p]),
    "zvdj_breaks_load_csv": (_status, [c_void_p, c_char_p]),
    "zvdj_breaks_parse_csv": (_status, [c_void_p, c_char_p, c_size_t, c_char_p]),
    "zvdj_breaks_add": (_status, [c_void_p, c_char_p, c_char_p, c_char_p, c_char_p,
                                  c_char_p, c_char_p, c_size_t, _cstr_array, _cstr_array]),
    "zvdj_breaks_size": (_status, [_p_size, c_void_p]),
    "zvdj_breaks_get_string": (_status, _SBUF + [c_void_p, c_size_t, c_char_p]),
    "zvdj_breaks_blocking": (_status, [_p_i64, c_void_p, c_char_p, c_char_p, c_char_p,
                                       c_char_p, c_size_t, _cstr_array, _cstr_array]),
    "zvdj_breaks_to_csv": (_status, _SBUF + [c_void_p]),
    # records
    "zvdj_records_create": (_status, [_p_void]),
    "zvdj_records_destroy": (None, [c_void_p]),
    "zvdj_records_add_jeugdhulp": (_status, [c_void_p, c_size_t] + [_cstr_array] * 8),
    "zvdj_records_add_jeugdbescherming": (_status, [c_void_p, c_size_t] + [_cstr_array] * 6),
    "zvdj_records_add_verzuim": (_status, [c_void_p, c_size_t] + [_cstr_array] * 6),
    "zvdj_records_add_vervolgzorg": (_status, [c_void_p, c_size_t] + [_cstr_array] * 4),
    "zvdj_records_add_persons": (_status, [c_void_p, c_size_t] + [_cstr_array] * 4),
    "zvdj_records_count": (_status, [_p_size, c_void_p, c_char_p]),
}


class Enum:
    """The named values of an option kind ("ci", "load_mode", ...), read from the
    library at import: zvdj_enum_names / zvdj_enum_value where the library has
    them (aliases such as "loglog" accepted), else the ZVDJ_* constants named in
    `fallback` ({name: constant name}) through zvdj_constant."""

    def __init__(self, kind, fallback):
        self.kind = kind
        self._values = {}
        names = None
        if getattr(lib, "zvdj_enum_names", None) is not None:
            try:
                names = call_string(lib.zvdj_enum_names, encode(kind)).split(",")
            except ZvdjError:
                names = None
        if names:
            for name in names:
                out = c_int64()
                check(lib.zvdj_enum_value(byref(out), encode(kind), encode(name)))
                self._values[name] = out.value
            self._native = True
        else:
            for name, constant_name in fallback.items():
                out = c_int64()
                check(lib.zvdj_constant(byref(out), encode(constant_name)))
                self._values[name] = out.value
            self._native = False

    def names(self):
        return list(self._values)

    def __contains__(self, name):
        try:
            self[name]
        except (KeyError, ZvdjError):
            return False
        return True

    def __getitem__(self, name):
        if name in self._values:
            return self._values[name]
        if self._native and isinstance(name, str):
            out = c_int64()
            check(lib.zvdj_enum_value(byref(out), encode(self.kind), encode(name)))
            return out.value
        raise ZvdjError(3, f"unknown {self.kind} {name!r} (expected one of: "
                           f"{', '.join(self._values)})")


def constant_value(name):
    """The value of a ZVDJ_* constant of the loaded library."""
    out = c_int64()
    check(lib.zvdj_constant(byref(out), encode(name)))
    return out.value


def declare(signatures):
    """Sets restype/argtypes; functions missing from an older library are skipped."""
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(lib, name, None)
        if fn is None:
            continue
        fn.restype = restype
        fn.argtypes = argtypes


declare(_SIGNATURES)


def _status_name(code):
    name = lib.zvdj_status_name(code)
    return name.decode() if name else "UNRECOGNIZED"


def check(status):
    """Raises ZvdjError with the thread's last error message unless status is OK."""
    if status != 0:
        raise ZvdjError(status, lib.zvdj_last_error_message().decode("utf-8", "replace"))


_OUT_OF_RANGE = 11


def call_string(fn, *args):
    """Calls a string-returning function (buffer, capacity, written, *args)."""
    written = c_size_t(0)
    buf = ctypes.create_string_buffer(256)
    status = fn(buf, 256, byref(written), *args)
    if status == _OUT_OF_RANGE and written.value > 256:
        buf = ctypes.create_string_buffer(written.value)
        status = fn(buf, written.value, byref(written), *args)
    check(status)
    return buf.raw[:written.value - 1].decode("utf-8")


def call_array(fn, ctype, *args):
    """Calls an array-returning function (array, capacity, written, *args)."""
    written = c_size_t(0)
    check(fn(None, 0, byref(written), *args))
    n = written.value
    arr = (ctype * max(n, 1))()
    check(fn(arr, n, byref(written), *args))
    return arr, written.value


def encode(value):
    """str/date/None -> bytes or None for a char* argument."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10].encode()
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8")


def strings(values):
    """A C array of char* from an iterable (None -> NULL)."""
    values = list(values)
    return (c_char_p * max(len(values), 1))(*[encode(v) for v in values])


def day_to_date(days):
    return _EPOCH + datetime.timedelta(days=int(days))


def date_to_text(value):
    return encode(value)


class CsvHandle:
    """Owns one library handle `<_prefix>_create` / `_destroy` that is filled
    from CSV with `_load_csv(h, path)` and `_parse_csv(h, data, size, source)`
    (catalogues, break registers, StatLine mappings)."""

    _prefix = None

    def __init__(self, _handle=None):
        if _handle is None:
            _handle = c_void_p()
            check(self._fn("create")(byref(_handle)))
        self._h = _handle

    @classmethod
    def _fn(cls, name):
        return getattr(lib, "%s_%s" % (cls._prefix, name))

    def __del__(self):
        h = getattr(self, "_h", None)
        if h:
            self._fn("destroy")(h)
            self._h = None

    @property
    def handle(self):
        return self._h

    @classmethod
    def read_csv(cls, path):
        return cls().load_csv(path)

    def load_csv(self, path):
        check(self._fn("load_csv")(self._h, os.fsencode(path)))
        return self

    def parse_csv(self, text, source="<memory>"):
        data = text.encode("utf-8")
        check(self._fn("parse_csv")(self._h, data, len(data), encode(source)))
        return self
