"""Periods, dates and number formatting."""

from ctypes import byref, c_double, c_int32, c_int64

from ._lib import call_string, check, constant_value, day_to_date, encode, lib

__all__ = ["normalize_period", "period_predecessor", "period_successor", "period_info",
           "years_between", "parse_number", "format_dutch", "format_dutch_percent",
           "format_dutch_signed", "format_plain", "round_to_multiple_of_5", "age_on",
           "add_months"]

PERIOD_KINDS = ("year", "half_year", "quarter", "month", "school_year", "peildatum")
_NUMBER_FORMATS = {name: constant_value("ZVDJ_NUMBER_FORMAT_" + name.upper())
                   for name in ("auto", "plain", "dutch")}


def normalize_period(code):
    """'2018/2019' -> "2018/'19", '2019' -> '2019JJ00'."""
    return call_string(lib.zvdj_period_normalize, encode(code))


def period_predecessor(code):
    """The calendar predecessor: '2019KW01' -> '2018KW04'."""
    return call_string(lib.zvdj_period_predecessor, encode(code))


def period_successor(code):
    return call_string(lib.zvdj_period_successor, encode(code))


def period_info(code):
    """{'kind', 'year', 'index', 'first_day', 'last_day'} (days as datetime.date)."""
    kind, year, index, first, last = (c_int32() for _ in range(5))
    check(lib.zvdj_period_info(byref(kind), byref(year), byref(index), byref(first),
                               byref(last), encode(code)))
    return {"kind": lib.zvdj_period_kind_name(kind.value).decode(), "year": year.value, "index": index.value,
            "first_day": day_to_date(first.value), "last_day": day_to_date(last.value)}


def years_between(from_period, to_period):
    out = c_double()
    check(lib.zvdj_period_years_between(byref(out), encode(from_period), encode(to_period)))
    return out.value


def parse_number(text, number_format="plain"):
    """'4.790' with number_format='dutch' -> 4790.0."""
    out = c_double()
    check(lib.zvdj_parse_number(byref(out), encode(text), _NUMBER_FORMATS[number_format]))
    return out.value


def format_dutch(value, decimals=0):
    return call_string(lib.zvdj_format_dutch, float(value), int(decimals))


def format_dutch_percent(value, decimals=1):
    return call_string(lib.zvdj_format_dutch_percent, float(value), int(decimals))


def format_dutch_signed(value, decimals=1):
    return call_string(lib.zvdj_format_dutch_signed, float(value), int(decimals))


def format_plain(value):
    return call_string(lib.zvdj_format_plain, float(value))


def round_to_multiple_of_5(count):
    out = c_int64()
    check(lib.zvdj_round_to_multiple_of_5(byref(out), int(count)))
    return out.value


def _days(value):
    out = c_int32()
    check(lib.zvdj_date_parse(byref(out), encode(value)))
    return out.value


def age_on(birth, on):
    """Completed years on `on` (dates or ISO strings), the integer rule."""
    out = c_int32()
    check(lib.zvdj_age_on(byref(out), _days(birth), _days(on)))
    return out.value


def add_months(date, months):
    """Same day of month, clamped to the month's end: 2024-01-31 + 1 -> 2024-02-29."""
    out = c_int32()
    check(lib.zvdj_add_months(byref(out), _days(date), int(months)))
    return day_to_date(out.value)
