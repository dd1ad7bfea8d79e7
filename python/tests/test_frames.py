"""The data-frame functions: paths and DataFrames in, DataFrames out, equal to
the zvdj command's CSV output; errors; frames with wrong column types."""

import os

import pytest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
import zvdj  # noqa: E402

from conftest import source  # noqa: E402

DATASET = source("data", "kernindicatoren.csv")
BREAKS = source("data", "kernindicatoren.breaks.csv")
STATLINE = source("tests", "data", "statline")


def assert_same_as_cli(frame, csv):
    """Same columns and rows as the command: numbers equal, text equal with
    NaN for an empty cell."""
    assert list(frame.columns) == list(csv.columns)
    assert len(frame) == len(csv)
    for name in frame.columns:
        got = frame[name]
        want = csv[name]
        if pd.api.types.is_numeric_dtype(got.dtype):
            # float() reads the shortest round-trip text exactly (pandas' fast
            # parser may differ in the last bit).
            want = np.array([float(x) if x else np.nan for x in want])
            np.testing.assert_array_equal(got.astype("float64").to_numpy(), want,
                                          err_msg=name)
        else:
            assert got.fillna("").tolist() == want.tolist(), name


def test_trends_summary_of_the_shipped_data():
    s = zvdj.trends(DATASET, summary=True)
    row = s[(s.indicator == "jeugdhulp_met_verblijf_pct") & (s.region == "NL01")]
    assert row.pp_change.tolist() == [-1.5]
    assert str(s.n_periods.dtype) == "Int64"
    assert s.first_value.dtype == np.float64
    assert row.age_group.isna().all()


def test_trends_path_and_frame_equal_the_command(run_cli):
    frame = pd.read_csv(DATASET, dtype=str)
    for summary, args in ((False, ()), (True, ("--summary",))):
        from_path = zvdj.trends(DATASET, summary=summary)
        from_frame = zvdj.trends(frame, summary=summary, breaks=BREAKS)
        pd.testing.assert_frame_equal(from_frame, from_path)
        assert_same_as_cli(from_path, run_cli("trends", DATASET, *args))
    # A frame read with pandas' default types (numbers as floats) works too.
    pd.testing.assert_frame_equal(zvdj.trends(pd.read_csv(DATASET), breaks=BREAKS),
                                  zvdj.trends(DATASET))


def test_trends_breaks_as_a_frame():
    with_file = zvdj.trends(DATASET, breaks=BREAKS)
    with_frame = zvdj.trends(DATASET, breaks=pd.read_csv(BREAKS, dtype=str))
    pd.testing.assert_frame_equal(with_frame, with_file)
    without = zvdj.trends(DATASET, breaks=False)
    assert with_file.abs_change.isna().sum() >= without.abs_change.isna().sum()


def test_compute_frame_equals_path_and_the_command(generated, run_cli):
    path = str(generated / "jeugdhulp.csv")
    jh = pd.read_csv(path, dtype=str)
    from_frame = zvdj.compute(jeugdhulp=jh, from_year=2016, to_year=2019, suppress=0)
    from_path = zvdj.compute(jeugdhulp=path, from_year=2016, to_year=2019, suppress=0)
    pd.testing.assert_frame_equal(from_frame, from_path)
    assert from_frame.value.dtype == np.float64
    assert from_frame.status.map(type).eq(str).all()
    assert_same_as_cli(from_frame, run_cli("compute", "--jeugdhulp", path, "--from", "2016",
                                           "--to", "2019", "--suppress", "0"))


def test_compute_every_table_equals_the_command(generated, run_cli):
    f = {n: str(generated / f"{n}.csv") for n in
         ("jeugdhulp", "jeugdbescherming", "verzuim", "persons", "regions")}
    frames = {n: pd.read_csv(f[n], dtype=str) for n in
              ("jeugdhulp", "jeugdbescherming", "verzuim", "persons")}
    got = zvdj.compute(**frames, regions=f["regions"], from_year=2017, to_year=2019,
                       suppress=0, threads=1)
    want = run_cli("compute", "--jeugdhulp", f["jeugdhulp"], "--jeugdbescherming",
                   f["jeugdbescherming"], "--verzuim", f["verzuim"], "--persons",
                   f["persons"], "--regions", f["regions"], "--from", "2017", "--to", "2019",
                   "--suppress", "0")
    assert_same_as_cli(got, want)


def test_compute_shipped_engine_data(run_cli):
    path = source("tests", "data", "engine", "jeugdhulp.csv")
    got = zvdj.compute(jeugdhulp=pd.read_csv(path, dtype=str), from_year=2016, to_year=2019,
                       suppress=0)
    assert_same_as_cli(got, run_cli("compute", "--jeugdhulp", path, "--from", "2016",
                                    "--to", "2019", "--suppress", "0"))


def test_dates_as_datetimes_and_missing_as_nan_none_or_empty(generated):
    path = str(generated / "jeugdhulp.csv")
    want = zvdj.compute(jeugdhulp=path, from_year=2016, to_year=2019, suppress=0)
    parsed = pd.read_csv(path, parse_dates=["birth_date", "start_date", "end_date"],
                         dtype={"person_id": str, "provider": str})
    assert parsed.end_date.isna().any()
    pd.testing.assert_frame_equal(
        zvdj.compute(jeugdhulp=parsed, from_year=2016, to_year=2019, suppress=0), want)
    text = pd.read_csv(path, dtype=str)
    mixed = text.astype(object)
    missing = mixed.end_date.isna()
    mixed.loc[missing, "end_date"] = [None, ""] * (missing.sum() // 2) + \
        [None] * (missing.sum() % 2)
    pd.testing.assert_frame_equal(
        zvdj.compute(jeugdhulp=mixed, from_year=2016, to_year=2019, suppress=0), want)


def test_cohort_path_frame_and_command(generated, run_cli):
    f = {n: str(generated / f"{n}.csv") for n in ("jeugdhulp", "vervolgzorg", "persons")}
    got = zvdj.cohort(jeugdhulp=f["jeugdhulp"], vervolgzorg=f["vervolgzorg"],
                      persons=f["persons"], year_of_18=2017, cutoff="2019-12-31")
    frames = {n: pd.read_csv(p, dtype=str) for n, p in f.items()}
    pd.testing.assert_frame_equal(zvdj.cohort(**frames, year_of_18=2017,
                                              cutoff="2019-12-31"), got)
    assert str(got.n_cohort.dtype) == "Int64"
    assert_same_as_cli(got, run_cli("cohort", "--jeugdhulp", f["jeugdhulp"], "--vervolgzorg",
                                    f["vervolgzorg"], "--persons", f["persons"],
                                    "--year-of-18", "2017", "--cutoff", "2019-12-31"))


def test_read_statline_with_a_mapping_path_or_frame():
    csv = os.path.join(STATLINE, "85098NED_download.csv")
    mapping = os.path.join(STATLINE, "mapping.csv")
    ds = zvdj.read_statline("csv", csv, mapping)
    assert len(ds) > 0 and {"indicator", "period", "region", "value"} <= set(ds.columns)
    m = pd.read_csv(mapping, dtype=str, comment="#")
    pd.testing.assert_frame_equal(zvdj.read_statline("csv", csv, m), ds)
    ds2, report = zvdj.read_statline("csv", [csv], mapping, report=True)
    assert {"item", "key", "count"} <= set(report.columns)
    # The dataset frame goes straight on to trends.
    assert len(zvdj.trends(ds)) == len(ds)


def test_factsheet_from_a_path_or_a_frame(tmp_path):
    html = zvdj.factsheet(DATASET, title="Test")
    assert "<svg" in html
    frame = pd.read_csv(DATASET, dtype=str)
    # The same page: the frame's `note` column is carried too (the source
    # notes under the charts).
    assert frame.note.notna().any()
    assert zvdj.factsheet(frame, title="Test", breaks=BREAKS) == html
    without_notes = zvdj.factsheet(frame.drop(columns="note"), title="Test", breaks=BREAKS)
    assert without_notes != html and without_notes.count("<svg") == html.count("<svg") > 0
    report = zvdj.factsheet(DATASET, str(tmp_path / "out"))
    assert "html" in set(report.kind)
    assert (tmp_path / "out" / "index.html").exists()


def test_generate_as_files_or_frames(tmp_path):
    summary = zvdj.generate(str(tmp_path), persons=50, from_year=2019, to_year=2019)
    assert str(summary.rows.dtype) == "Int64"
    frames = zvdj.generate(persons=50, from_year=2019, to_year=2019)
    assert {"jeugdhulp", "persons", "regions"} <= set(frames)
    assert len(frames["jeugdhulp"]) == int(
        summary.loc[summary.file.str.endswith("jeugdhulp.csv"), "rows"].iloc[0])


def test_bad_rows_name_the_row_and_column_of_the_frame(generated):
    jh = pd.read_csv(generated / "jeugdhulp.csv", dtype=str)
    bad = jh.copy()
    bad.loc[2, "start_date"] = "2019-13-01"
    with pytest.raises(zvdj.ZvdjError) as e:
        zvdj.compute(jeugdhulp=bad, from_year=2016, to_year=2019)
    col = list(jh.columns).index("start_date") + 1
    assert e.value.status == "INVALID_ARGUMENT"
    assert e.value.message.startswith(f"<jeugdhulp data frame>:3:{col}: month 13")
    assert "(column 'start_date')" in e.value.message
    with pytest.raises(zvdj.ZvdjError, match="unknown column 'extra'"):
        zvdj.compute(jeugdhulp=jh.assign(extra="x"), from_year=2016, to_year=2019)
    with pytest.raises(zvdj.ZvdjError, match="missing column 'form'"):
        zvdj.compute(jeugdhulp=jh.drop(columns="form"), from_year=2016, to_year=2019)
    with pytest.raises(zvdj.ZvdjError) as e:
        zvdj.compute(jeugdhulp=str(generated / "none.csv"))
    assert e.value.status == "NOT_FOUND"
    with pytest.raises(zvdj.ZvdjError, match="threads"):
        zvdj.compute(jeugdhulp=jh, from_year=2016, to_year=2019, threads=-1)


def test_a_frame_with_wrong_column_types_is_refused(generated):
    jh = pd.read_csv(generated / "jeugdhulp.csv", dtype=str)
    wrong = jh.assign(birth_date=np.arange(len(jh)))
    with pytest.raises(zvdj.ZvdjError, match="column 'birth_date'.*int64; expected text "
                                             "or dates"):
        zvdj.compute(jeugdhulp=wrong, from_year=2016, to_year=2019)
    with pytest.raises(zvdj.ZvdjError, match="column 'municipality'"):
        zvdj.compute(jeugdhulp=jh.assign(municipality=363.0), from_year=2016, to_year=2019)
    with pytest.raises(zvdj.ZvdjError, match="column 'form'"):
        zvdj.compute(jeugdhulp=jh.assign(form=[1.5] * len(jh)), from_year=2016, to_year=2019)
    # Whole-number ids are accepted as text.
    ids = jh.assign(person_id=pd.factorize(jh.person_id)[0])
    assert len(zvdj.compute(jeugdhulp=ids, from_year=2016, to_year=2019)) > 0
    bad_ds = pd.read_csv(DATASET, dtype=str)
    bad_ds.loc[4, "value"] = "veel"
    with pytest.raises(zvdj.ZvdjError, match=r"<dataset data frame>:5:\d+: 'veel' is not"):
        zvdj.trends(bad_ds)
    with pytest.raises(TypeError):
        zvdj.trends(42)


def test_object_api_still_returns_objects(generated):
    rec, _ = zvdj.Records.load_files(jeugdhulp=str(generated / "jeugdhulp.csv"))
    ds = zvdj.compute(rec, suppress_below=0, from_year=2016, to_year=2019)
    assert isinstance(ds, zvdj.Dataset)
    assert isinstance(zvdj.trends(ds), zvdj.TrendResult)
    assert isinstance(zvdj.trends(ds, summary=True), zvdj.TrendResult)


def test_option_names_come_from_the_library():
    from zvdj._lib import Enum, lib
    ci = Enum("ci", {"log": "ZVDJ_CI_LOG", "log-log": "ZVDJ_CI_LOG_LOG", "plain": "ZVDJ_CI_PLAIN"})
    assert ci["log-log"] == zvdj.constant("ZVDJ_CI_LOG_LOG")
    assert ci.names() == ["log", "log-log", "plain"]
    with pytest.raises(zvdj.ZvdjError):
        ci["loglinear"]
    if getattr(lib, "zvdj_enum_names", None) is not None:
        assert ci["loglog"] == ci["log-log"]  # an alias the library accepts
    assert zvdj.STATUS_SYMBOLS[zvdj.constant("ZVDJ_VALUE_PROVISIONAL")] == "*"


def test_compute_latest_attribution_equals_the_command(generated, run_cli):
    path = str(generated / "jeugdhulp.csv")
    got = zvdj.compute(jeugdhulp=path, from_year=2018, to_year=2019, suppress=0,
                       attribution="latest")
    assert len(got) > 0
    cli = run_cli("compute", "--jeugdhulp", path, "--from", "2018", "--to", "2019",
                  "--suppress", "0", "--attribution", "latest")
    assert_same_as_cli(got, cli)


def _cli_header(cli, *args):
    import subprocess
    out = subprocess.run([cli, *args, "--format", "csv"], check=True, capture_output=True,
                         text=True).stdout
    return out.splitlines()[0].split(",")


def test_frames_have_exactly_the_columns_of_the_command_csv(generated, cli, tmp_path):
    """compute, trends, trends --summary, cohort and statline: the frame's
    columns are the CSV header, `note` included; counts are integers (Int64),
    totals (empty dimension cells) missing, statuses text."""
    jh = str(generated / "jeugdhulp.csv")
    f = {n: str(generated / f"{n}.csv") for n in ("vervolgzorg", "persons")}
    csv = os.path.join(STATLINE, "85098NED_download.csv")
    mapping = os.path.join(STATLINE, "mapping.csv")
    computed = zvdj.compute(jeugdhulp=pd.read_csv(jh, dtype=str), from_year=2016, to_year=2019)
    statline = zvdj.read_statline("csv", csv, mapping)
    cases = [
        (computed, ("compute", "--jeugdhulp", jh, "--from", "2016", "--to", "2019")),
        (zvdj.trends(DATASET), ("trends", DATASET)),
        (zvdj.trends(pd.read_csv(DATASET, dtype=str), summary=True, breaks=BREAKS),
         ("trends", DATASET, "--summary")),
        (zvdj.cohort(jeugdhulp=jh, vervolgzorg=f["vervolgzorg"], persons=f["persons"],
                     year_of_18=2017, cutoff="2019-12-31"),
         ("cohort", "--jeugdhulp", jh, "--vervolgzorg", f["vervolgzorg"], "--persons",
          f["persons"], "--year-of-18", "2017", "--cutoff", "2019-12-31")),
        (statline, ("statline", "--mapping", mapping, "--input", "csv", "--quiet", csv)),
    ]
    for frame, args in cases:
        assert list(frame.columns) == _cli_header(cli, *args), args[0]
        for name in ("status", "prev_status"):
            if name in frame:
                assert frame[name].map(type).eq(str).all(), (args[0], name)
        for name in ("n_periods", "mk_s", "year_of_18", "n_cohort", "n_at_risk", "n_events"):
            if name in frame:
                assert str(frame[name].dtype) == "Int64", (args[0], name)
        if "age_group" in frame:  # a dimension: the total is a missing value
            assert frame.age_group.isna().any() and not (frame.age_group == "").any(), args[0]
    assert "note" in statline and statline.note.eq("CBS StatLine 85098NED").all()
    assert computed.status.isin(["", "."]).all() and computed.value.dtype == np.float64
    # The statline frame, notes and all, is a dataset frame: written by pandas it
    # reads back as the command's dataset, and trends of the frame equal trends
    # of that file.
    path = str(tmp_path / "statline.csv")
    statline.to_csv(path, index=False)
    assert _cli_header(cli, "trends", path) == list(zvdj.trends(statline).columns)
    pd.testing.assert_frame_equal(zvdj.trends(statline), zvdj.trends(path))


def test_date_columns_as_c_strings():
    """datetime64 cells are written as ISO text once per day: before 1970,
    missing cells, and spans too wide for a table of every day."""
    import ctypes
    from zvdj import frames

    def cells(column):
        return [ctypes.string_at(int(p)).decode() for p in column.pointers]

    s = pd.Series(pd.to_datetime(["1969-12-31", None, "2019-02-28", "1700-03-01"]))
    assert cells(frames._text_column(s, "<frame>", "start_date", 1)) == \
        ["1969-12-31", "", "2019-02-28", "1700-03-01"]
    days = np.array([0, -1, 400_000, 5], dtype=np.int64)  # past the table's span
    missing = np.array([False, True, False, False])
    assert cells(frames._date_column(days, missing)) == \
        ["1970-01-01", "", "3065-03-01", "1970-01-06"]
    none = frames._date_column(np.array([0, 0], dtype=np.int64), np.array([True, True]))
    assert cells(none) == ["", ""]
    text = pd.Series(["GM0363", np.nan, None, pd.NA, "GM0014"], dtype=object)
    assert cells(frames._text_column(text, "<frame>", "municipality", 1)) == \
        ["GM0363", "", "", "", "GM0014"]
