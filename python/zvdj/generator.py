"""Synthetic national-scale person-level data (deterministic for a seed)."""

import os
from ctypes import Structure, byref, c_char_p, c_int32, c_int64, c_uint32, c_uint64, c_void_p

from ._lib import check, declare, lib
from .records import Records
from .results import ResultTable

__all__ = ["generate_files", "generate_records"]


class _GenerateOptions(Structure):
    _fields_ = [("version", c_uint32), ("seed", c_uint64), ("persons", c_int64),
                ("from_year", c_int32), ("to_year", c_int32)]


declare({
    "zvdj_generate_options_init": (c_int32, [c_void_p, c_uint32]),
    "zvdj_generate_files": (c_int32, [c_void_p, c_char_p, c_void_p]),
    "zvdj_generate_records": (c_int32, [c_void_p, c_void_p, c_void_p]),
})


def _options(seed, persons, from_year, to_year):
    o = _GenerateOptions()
    check(lib.zvdj_generate_options_init(byref(o), 1))
    o.seed = int(seed)
    o.persons = int(persons)
    o.from_year = int(from_year)
    o.to_year = int(to_year)
    return o


def generate_files(directory, seed=1, persons=450000, from_year=2016, to_year=2019):
    """Writes jeugdhulp.csv, jeugdbescherming.csv, verzuim.csv, vervolgzorg.csv,
    persons.csv, regions.csv and herindeling.csv into `directory`; returns a
    ResultTable (file, rows). `persons` youths with jeugdhulp per year (450 000
    is national scale)."""
    h = c_void_p()
    check(lib.zvdj_generate_files(byref(h), os.fsencode(directory),
                                  byref(_options(seed, persons, from_year, to_year))))
    return ResultTable(h)


def generate_records(seed=1, persons=450000, from_year=2016, to_year=2019):
    """The same data straight into a new Records store; returns (records, summary)."""
    rec = Records()
    h = c_void_p()
    check(lib.zvdj_generate_records(byref(h), rec.handle,
                                    byref(_options(seed, persons, from_year, to_year))))
    return rec, ResultTable(h)
