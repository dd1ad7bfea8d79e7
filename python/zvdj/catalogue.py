"""The indicator catalogue and the series-break register."""

from ctypes import byref, c_int32, c_int64, c_size_t, c_void_p

from ._lib import CsvHandle, call_string, check, encode, lib, strings

__all__ = ["Catalogue", "Breaks"]

DIRECTIONS = ("down", "up", "none")
_FIELDS = ("id", "name_nl", "name_en", "unit", "counting_unit", "period_kind", "direction",
           "source", "overrides")
_BREAK_FIELDS = ("indicator", "region", "before", "after", "reason", "source", "dims")


def _dims_args(dims):
    names = list((dims or {}).keys())
    if not names:
        return 0, None, None
    return len(names), strings(names), strings([dims[k] for k in names])


class Catalogue(CsvHandle):
    """Indicator definitions. Catalogue.builtin() is a copy of the built-in one;
    load_csv/parse_csv add or replace definitions (all or nothing)."""

    _prefix = "zvdj_catalogue"

    @classmethod
    def builtin(cls):
        h = c_void_p()
        check(lib.zvdj_catalogue_builtin(byref(h)))
        return cls(h)

    def __len__(self):
        n = c_size_t()
        check(lib.zvdj_catalogue_size(byref(n), self._h))
        return n.value

    def ids(self):
        return [call_string(lib.zvdj_catalogue_id, self._h, i) for i in range(len(self))]

    def __contains__(self, indicator_id):
        unit = c_int32()
        return lib.zvdj_catalogue_info(byref(unit), None, None, None, self._h,
                                       encode(indicator_id)) == 0

    def get(self, indicator_id):
        """The definition as a dict of its text fields; ZvdjError NOT_FOUND if unknown."""
        return {f: call_string(lib.zvdj_catalogue_get_string, self._h, encode(indicator_id),
                               encode(f)) for f in _FIELDS}

    def direction_for(self, indicator_id, dims=None):
        """'down', 'up' or 'none' for a series with these dimension values."""
        out = c_int32()
        n, names, values = _dims_args(dims)
        check(lib.zvdj_catalogue_direction_for(byref(out), self._h, encode(indicator_id), n,
                                               names, values))
        return DIRECTIONS[out.value]

    def to_csv(self):
        return call_string(lib.zvdj_catalogue_to_csv, self._h)


class Breaks(CsvHandle):
    """A series-break register."""

    _prefix = "zvdj_breaks"

    def add(self, indicator, before, after, region=None, reason=None, source=None, **dims):
        n, names, values = _dims_args(dims)
        check(lib.zvdj_breaks_add(self._h, encode(indicator), encode(region), encode(before),
                                  encode(after), encode(reason), encode(source), n, names,
                                  values))

    def __len__(self):
        n = c_size_t()
        check(lib.zvdj_breaks_size(byref(n), self._h))
        return n.value

    def __getitem__(self, index):
        if not 0 <= index < len(self):
            raise IndexError(index)
        return {f: call_string(lib.zvdj_breaks_get_string, self._h, index, encode(f))
                for f in _BREAK_FIELDS}

    def rows(self):
        return [self[i] for i in range(len(self))]

    def blocking(self, indicator, from_period, to_period, region="NL01", **dims):
        """The first break separating the two periods of a series (a dict), or None."""
        out = c_int64()
        n, names, values = _dims_args(dims)
        check(lib.zvdj_breaks_blocking(byref(out), self._h, encode(indicator), encode(region),
                                       encode(from_period), encode(to_period), n, names,
                                       values))
        return None if out.value < 0 else self[out.value]

    def to_csv(self):
        return call_string(lib.zvdj_breaks_to_csv, self._h)
