"""Tests of trends, record loading, compute and cohorts through the Python module."""

import os
import tempfile
import unittest

import zvdj

ROOT = os.environ.get("ZVDJ_SOURCE_DIR") or os.path.join(os.path.dirname(__file__), "..", "..")
DATA = os.path.join(ROOT, "data", "kernindicatoren.csv")
BREAKS = os.path.join(ROOT, "data", "kernindicatoren.breaks.csv")
RECORDS = os.path.join(ROOT, "tests", "data", "c_api")
COHORT = os.path.join(ROOT, "tests", "data", "cohort")
ENGINE = os.path.join(ROOT, "tests", "data", "engine")


def find(rows, **where):
    hits = [r for r in rows if all(r.get(k) == v for k, v in where.items())]
    if len(hits) != 1:
        raise AssertionError(f"{len(hits)} rows match {where}")
    return hits[0]


class TrendTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ds = zvdj.Dataset.read_csv(DATA)
        cls.breaks = zvdj.Breaks.read_csv(BREAKS)

    def test_golden_growth_18_23(self):
        # Jeugdhulp met verblijf 18-23 jaar: 1.665 (2016) -> 2.955 (2019), +77%.
        sums = zvdj.summarize(self.ds, breaks=self.breaks).rows()
        row = find(sums, indicator="jeugdhulp_met_verblijf", age_group="18-23", form="")
        self.assertEqual(row["first_period"], "2016JJ00")
        self.assertEqual(row["last_period"], "2019JJ00")
        self.assertAlmostEqual(row["rel_change_pct"], 100 * (2955 - 1665) / 1665, places=9)
        self.assertEqual(round(row["rel_change_pct"]), 77)
        self.assertEqual(zvdj.format_dutch_signed(row["rel_change_pct"], 0), "+77")
        self.assertTrue(row["assessment"])

    def test_golden_share_pp(self):
        # Share met verblijf: 10,4% (2018) -> 10,1% (2019) = -0,3 procentpunt.
        rows = zvdj.trends(self.ds, breaks=self.breaks).rows()
        row = find(rows, indicator="jeugdhulp_met_verblijf_pct", period="2019JJ00")
        self.assertAlmostEqual(row["pp_change"], -0.3, places=9)
        self.assertEqual(row["prev_period"], "2018JJ00")
        self.assertEqual(zvdj.format_dutch_signed(row["pp_change"], 1), "\u22120,3")
        count = find(rows, indicator="jeugdhulp_met_verblijf", age_group="18-23", form="",
                     period="2019JJ00")
        self.assertIsNone(count["pp_change"])

    def test_break_blocks_change(self):
        rows = zvdj.trends(self.ds, breaks=self.breaks).rows()
        row = find(rows, indicator="jeugdhulp_met_verblijf", form="gezinsgericht",
                   age_group="0-23", period="2019JJ00")
        self.assertIsNone(row["abs_change"])
        self.assertTrue(row["note"])

    def test_result_table_api(self):
        res = zvdj.trends(self.ds, from_period="2018", to_period="2019")
        self.assertIn("rel_change_pct", res.column_names)
        self.assertTrue(res.is_numeric("value"))
        self.assertFalse(res.is_numeric("period"))
        self.assertEqual(len(res.column("period")), len(res))
        self.assertTrue(res.to_csv().startswith("indicator,region,"))
        with self.assertRaises(zvdj.ZvdjError) as e:
            res.column("nope")
        self.assertEqual(e.exception.status, "NOT_FOUND")

    def test_tolerance_rule(self):
        sums = zvdj.summarize(self.ds, rule="tolerance", tolerance=1.0,
                              from_period="2018", to_period="2019").rows()
        row = find(sums, indicator="jeugdhulp_met_verblijf_pct")
        self.assertEqual(row["assessment"], "no_change")


class RecordsTest(unittest.TestCase):
    def test_load_files_and_bad_file(self):
        rec, report = zvdj.Records.load_files(jeugdhulp=os.path.join(RECORDS, "jeugdhulp.csv"))
        self.assertEqual(rec.count("jeugdhulp"), 8)
        self.assertEqual(report.counts(),
                         {"input_rows": 8, "loaded_rows": 8, "skipped_rows": 0})
        bad = os.path.join(RECORDS, "bad_jeugdhulp.csv")
        with self.assertRaises(zvdj.ZvdjError) as e:
            rec.load_csv("jeugdhulp", bad)
        self.assertEqual(e.exception.status, "INVALID_ARGUMENT")
        self.assertIn("bad_jeugdhulp.csv:3:", e.exception.message)
        self.assertEqual(rec.count("jeugdhulp"), 8)  # unchanged
        report = zvdj.Records().load_csv("jeugdhulp", bad, mode="lenient")
        skipped = report.rows()
        self.assertEqual(len(skipped), 1)
        self.assertEqual(skipped[0]["line"], 3)

    def test_parse_csv(self):
        rec = zvdj.Records()
        rec.parse_csv("vervolgzorg", "person_id,kind,start_date,end_date\nP1,wmo,2019-01-01,\n")
        self.assertEqual(rec.count("vervolgzorg"), 1)
        with self.assertRaises(zvdj.ZvdjError) as e:
            rec.parse_csv("vervolgzorg", "person_id,kind,start_date,end_date\nP1,x,2019-01-01,\n",
                          source="vz.csv")
        self.assertIn("vz.csv:2:", e.exception.message)


class ComputeTest(unittest.TestCase):
    def test_compute_feeds_trends(self):
        rec, _ = zvdj.Records.load_files(
            jeugdhulp=os.path.join(ENGINE, "jeugdhulp.csv"),
            jeugdbescherming=os.path.join(ENGINE, "jeugdbescherming.csv"),
            verzuim=os.path.join(ENGINE, "verzuim.csv"))
        ds = zvdj.compute(rec, suppress_below=0)
        self.assertGreater(len(ds), 0)
        self.assertIn("jeugdhulp_jongeren", {r["indicator"] for r in ds})
        self.assertGreater(len(zvdj.trends(ds)), 0)
        with self.assertRaises(zvdj.ZvdjError):
            zvdj.compute(zvdj.Records())


class CohortTest(unittest.TestCase):
    def test_hand_computed_estimates(self):
        rec, _ = zvdj.Records.load_files(
            jeugdhulp=os.path.join(COHORT, "jeugdhulp.csv"),
            vervolgzorg=os.path.join(COHORT, "vervolgzorg.csv"),
            persons=os.path.join(COHORT, "persons.csv"))
        res = zvdj.estimate_cohort(rec, 2017, cutoff="2018-12-31")
        rows = res.rows()
        self.assertEqual(len(rows), 15)
        self.assertEqual(find(rows, outcome="verlengde_jeugdhulp", horizon="1m")["estimate"], 0.2)
        self.assertEqual(find(rows, outcome="wmo", horizon="3m")["estimate"], 0.25)
        self.assertAlmostEqual(find(rows, outcome="vervolgzorg_any", horizon="6m")["estimate"],
                               7 / 15, places=15)
        self.assertTrue(all(r["n_cohort"] == 5 for r in rows))
        ds = res.to_dataset()
        self.assertEqual(len(ds), 15)
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.estimate_cohort(rec, 2017, horizons="1y")
        self.assertIn("1y", e.exception.message)


if __name__ == "__main__":
    unittest.main()
