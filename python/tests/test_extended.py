"""Tests of survival fits, general cohorts, state distributions, closure rows,
StatLine reading, the generator and factsheets through the Python module."""

import os
import tempfile
import unittest

import zvdj

ROOT = os.environ.get("ZVDJ_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
COHORT = os.path.join(ROOT, "tests", "data", "cohort")
ENGINE = os.path.join(ROOT, "tests", "data", "engine")
STATLINE = os.path.join(ROOT, "tests", "data", "statline")
DATA = os.path.join(ROOT, "data", "kernindicatoren.csv")
BREAKS = os.path.join(ROOT, "data", "kernindicatoren.breaks.csv")

# 12 youths (0 censored, 1 wmo, 2 ggz, 3 wlz); R survival 3.5 values.
TIME = [10, 10, 10, 45, 45, 60, 91, 91, 120, 150, 183, 183]
STATUS = [1, 2, 0, 1, 0, 3, 1, 2, 0, 1, 0, 0]


def cohort_records():
    rec, _ = zvdj.Records.load_files(
        jeugdhulp=os.path.join(COHORT, "jeugdhulp.csv"),
        vervolgzorg=os.path.join(COHORT, "vervolgzorg.csv"),
        persons=os.path.join(COHORT, "persons.csv"))
    return rec


class SurvivalTest(unittest.TestCase):
    def test_cumulative_incidence_matches_r(self):
        rows = zvdj.cumulative_incidence(TIME, STATUS, event_type=1, at=[30, 91, 183]).rows()
        self.assertEqual([r["time"] for r in rows], [30, 91, 183])
        for row, est, se in zip(rows, [0.08333333333, 0.28174603175, 0.42283950617],
                                [0.07978559231, 0.13951085407, 0.16641908252]):
            self.assertAlmostEqual(row["estimate"], est, places=10)
            self.assertAlmostEqual(row["std_err"], se, places=10)
        self.assertEqual([r["n_at_risk"] for r in rows], [9, 6, 2])

    def test_fit_curve_and_transforms(self):
        fit = zvdj.SurvivalFit(TIME, STATUS)
        self.assertEqual(fit.info(), {"event_types": 3, "subjects": 12, "distinct_times": 7})
        self.assertEqual(fit.times, [10, 45, 60, 91, 120, 150, 183])
        curve = fit.evaluate("survival").rows()
        self.assertEqual(len(curve), 7)
        self.assertAlmostEqual(curve[0]["estimate"], 10 / 12, places=12)
        km = zvdj.kaplan_meier(TIME, STATUS, at=[91]).rows()[0]
        self.assertAlmostEqual(km["estimate"], 0.4232804233, places=10)
        wlz = fit.evaluate("cif", event_type=3, at=[30]).rows()[0]
        self.assertEqual(wlz["estimate"], 0.0)
        self.assertIsNone(wlz["ci_low"])  # undefined log interval at 0 (R: NA)
        plain = fit.evaluate("type_km", event_type=2, at=[91], ci="plain", ci_level=0.9)
        self.assertEqual(len(plain), 1)

    @unittest.skipUnless(__import__("importlib").util.find_spec("pandas"), "pandas not installed")
    def test_dataframe_when_pandas_is_available(self):
        df = zvdj.kaplan_meier(TIME, STATUS, at=[30, 91]).to_dataframe()
        self.assertEqual(list(df["time"]), [30.0, 91.0])
        self.assertIn("ci_high", df.columns)

    def test_errors(self):
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.SurvivalFit([1, -2], [0, 1])
        self.assertEqual(e.exception.status, "INVALID_ARGUMENT")
        self.assertEqual(e.exception.message, "subject 1: time must be finite and >= 0")
        with self.assertRaises(ValueError):
            zvdj.SurvivalFit([1, 2], [0])
        with self.assertRaises(zvdj.ZvdjError):
            zvdj.SurvivalFit([1], [1]).evaluate("cif", event_type=0)


class GeneralCohortTest(unittest.TestCase):
    def test_user_outcome_hand_worked(self):
        rec = cohort_records()
        c = zvdj.Cohort()
        g = c.add_group("ended 2017", year=2017)
        c.add_members([{"person_id": "P2", "entry": "2017-01-01", "group": g},
                       ("P6", "2017-02-01"), ("P7", "2017-01-31", g)])
        c.add_event_outcome("new_care", [("P2", "2017-02-15"), ("P7", "2017-05-02")])
        c.add_outcome("wmo")
        self.assertEqual(c.info(), {"members": 3, "groups": 1, "outcomes": 2})
        rows = c.outflow(rec, horizons="30d,3m", cutoff="2018-12-31").rows()
        self.assertEqual(len(rows), 4)
        by = {(r["outcome"], r["horizon"]): r for r in rows}
        self.assertEqual(by[("new_care", "30d")]["estimate"], 0.0)
        self.assertAlmostEqual(by[("new_care", "3m")]["estimate"], 1 / 3, places=15)
        self.assertAlmostEqual(by[("wmo", "3m")]["estimate"], 1 / 3, places=15)
        self.assertEqual(rows[0]["group"], "ended 2017")
        self.assertEqual(rows[0]["region"], "NL01")

    def test_eighteenth_birthday_equals_estimate_cohort(self):
        rec = cohort_records()
        want = zvdj.estimate_cohort(rec, 2017, cutoff="2018-12-31").rows()
        c = zvdj.Cohort.eighteenth_birthday(rec, 2017, cutoff="2018-12-31")
        got = c.outflow(rec, cutoff="2018-12-31").rows()
        self.assertEqual([r["estimate"] for r in got], [r["estimate"] for r in want])
        self.assertEqual(len(c.outflow(rec, cutoff="2018-12-31", methods="aj,km")), 30)

    def test_errors(self):
        rec = cohort_records()
        c = zvdj.Cohort()
        c.add_group("g")
        c.add_members([("NOBODY", "2017-01-01")])
        with self.assertRaises(zvdj.ZvdjError) as e:
            c.outflow(rec)
        self.assertEqual(e.exception.status, "NOT_FOUND")
        with self.assertRaises(zvdj.ZvdjError) as e:
            c.add_outcome("ggz")
        self.assertIn("expected one of", e.exception.message)
        with self.assertRaises(zvdj.ZvdjError) as e:
            c.add_members([("P1", "2017-01-01", 4)])
        self.assertEqual(e.exception.status, "OUT_OF_RANGE")

    def test_state_distribution(self):
        t = zvdj.state_distribution(["cohort", "cohort", "cohort", "ref", "ref"],
                                    ["thuis", "pleegzorg", "thuis", "thuis", "zelfstandig"],
                                    "ref")
        rows = t.rows()
        self.assertEqual(len(rows), 6)
        self.assertEqual((rows[0]["group"], rows[0]["category"]), ("cohort", "thuis"))
        self.assertAlmostEqual(rows[0]["share_pct"], 200 / 3, places=12)
        self.assertAlmostEqual(rows[0]["pp_diff"], 200 / 3 - 50, places=12)
        with self.assertRaises(zvdj.ZvdjError):
            zvdj.state_distribution(["a"], ["x"], "b")


class ClosureTest(unittest.TestCase):
    def test_closure_rows(self):
        rec, _ = zvdj.Records.load_files(
            jeugdhulp=os.path.join(ENGINE, "jeugdhulp.csv"),
            jeugdbescherming=os.path.join(ENGINE, "jeugdbescherming.csv"))
        ds, closure = zvdj.compute_with_closure(rec, suppress_below=0)
        self.assertEqual(ds.to_csv(), zvdj.compute(rec, suppress_below=0).to_csv())
        rows = closure.rows()
        self.assertTrue(rows)
        for r in rows:
            self.assertEqual(r["difference"],
                             r["end"] - (r["begin"] + r["inflow"] - r["outflow"]))
            if r["measure"]:
                self.assertEqual(r["difference"], 0)


class StatLineTest(unittest.TestCase):
    def test_odata3_with_report(self):
        mapping = zvdj.StatLineMapping.read_csv(os.path.join(STATLINE, "mapping.csv"))
        self.assertGreater(len(mapping), 0)
        files = [os.path.join(STATLINE, f) for f in (
            "82972NED_DataProperties.json", "82972NED_Perioden.json", "82972NED_RegioS.json",
            "82972NED_TypedDataSet.json")]
        ds, report = zvdj.read_statline("odata3", files, mapping)
        self.assertEqual(len(ds), 14)
        items = {(r["item"], r["key"]): r["count"] for r in report.rows()}
        self.assertEqual(items[("observations", "")], 14)
        self.assertEqual(items[("unmapped_topic", "82972NED/Jeugdreclassering_3")], 7)

    def test_csv_from_memory_and_errors(self):
        mapping = zvdj.StatLineMapping.read_csv(os.path.join(STATLINE, "mapping.csv"))
        with open(os.path.join(STATLINE, "85098NED_download.csv"), encoding="utf-8") as f:
            text = f.read()
        ds, _ = zvdj.parse_statline("csv", {"85098NED_download.csv": text}, mapping,
                                    note="from memory")
        self.assertEqual(len(ds), 10)
        self.assertIn("from memory", ds.to_csv())
        m = zvdj.StatLineMapping().add(topic="T", indicator="x_pct")
        self.assertEqual(len(m), 1)
        with self.assertRaises(zvdj.ZvdjError) as e:
            m.parse_csv("table,topic,indicator,colour\n", "m.csv")
        self.assertTrue(e.exception.message.startswith("m.csv:1:4: unknown column 'colour'"))
        with self.assertRaises(ValueError):
            zvdj.read_statline("xml", [], m)


class GeneratorTest(unittest.TestCase):
    def test_files_and_records_agree(self):
        with tempfile.TemporaryDirectory() as d:
            summary = zvdj.generate_files(d, seed=7, persons=300, from_year=2018, to_year=2019)
            rows = {r["file"]: r["rows"] for r in summary.rows()}
            self.assertEqual(set(rows), {"jeugdhulp.csv", "jeugdbescherming.csv", "verzuim.csv",
                                         "vervolgzorg.csv", "persons.csv", "regions.csv",
                                         "herindeling.csv"})
            loaded, _ = zvdj.Records.load_files(
                jeugdhulp=os.path.join(d, "jeugdhulp.csv"),
                jeugdbescherming=os.path.join(d, "jeugdbescherming.csv"),
                verzuim=os.path.join(d, "verzuim.csv"),
                vervolgzorg=os.path.join(d, "vervolgzorg.csv"),
                persons=os.path.join(d, "persons.csv"))
        rec, summary2 = zvdj.generate_records(seed=7, persons=300, from_year=2018, to_year=2019)
        self.assertEqual(rec.counts(), loaded.counts())
        self.assertEqual(rec.count("jeugdhulp"), rows["jeugdhulp.csv"])
        self.assertEqual(len(summary2), 5)
        with self.assertRaises(zvdj.ZvdjError):
            zvdj.generate_records(persons=0)


class FactsheetTest(unittest.TestCase):
    def test_write_and_html(self):
        ds = zvdj.Dataset.read_csv(DATA)
        breaks = zvdj.Breaks.read_csv(BREAKS)
        html = zvdj.factsheet_html(ds, title="Feiten & Cijfers 2020", breaks=breaks)
        self.assertIn("Feiten &amp; Cijfers 2020", html)
        self.assertTrue(zvdj.default_factsheet_config().startswith("#"))
        config = ("section,indicator,dims,chart,title\n"
                  "Verblijf,jeugdhulp_met_verblijf,age_group=18-23,line,Met verblijf 18-23\n")
        with tempfile.TemporaryDirectory() as d:
            report = zvdj.write_factsheet(ds, d, config_text=config, compare=["NL01"],
                                          breaks=breaks).rows()
            self.assertEqual(report[0]["kind"], "html")
            self.assertTrue(os.path.exists(os.path.join(d, "index.html")))
            svgs = [r for r in report if r["kind"] == "svg"]
            self.assertEqual(svgs[0]["title"], "Met verblijf 18-23")
            self.assertTrue(os.path.exists(svgs[0]["name"]))
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.factsheet_html(ds, config_text="section,indicator,dims,chart,title\nA,x,,pie,\n")
        self.assertIn("pie", e.exception.message)


if __name__ == "__main__":
    unittest.main()
