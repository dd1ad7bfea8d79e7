"""Tests of the Python module over the shared library (datasets, periods,
catalogue, breaks, records, errors)."""

import datetime
import math
import os
import tempfile
import threading
import unittest

import zvdj

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data",
                      "kernindicatoren_sample.csv")


class LibraryTest(unittest.TestCase):
    def test_version_and_constants(self):
        self.assertRegex(zvdj.version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(zvdj.constant("ZVDJ_INVALID_ARGUMENT"), 3)
        self.assertEqual(zvdj.constant("ZVDJ_DATA_LOSS"), 15)
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.constant("ZVDJ_NO_SUCH_THING")
        self.assertEqual(e.exception.status, "NOT_FOUND")


class PeriodTest(unittest.TestCase):
    def test_periods(self):
        self.assertEqual(zvdj.normalize_period("2018/2019"), "2018/'19")
        self.assertEqual(zvdj.normalize_period("2019"), "2019JJ00")
        self.assertEqual(zvdj.period_predecessor("2019KW01"), "2018KW04")
        self.assertEqual(zvdj.period_successor("2019MM12"), "2020MM01")
        info = zvdj.period_info("2018/19")
        self.assertEqual(info["kind"], "school_year")
        self.assertEqual(info["first_day"], datetime.date(2018, 8, 1))
        self.assertEqual(info["last_day"], datetime.date(2019, 7, 31))
        self.assertAlmostEqual(zvdj.years_between("2016JJ00", "2019JJ00"), 3.0)

    def test_bad_period(self):
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.normalize_period("2019XX01")
        self.assertEqual(e.exception.code, 3)
        self.assertIn("2019XX01", str(e.exception))

    def test_numbers_and_dates(self):
        self.assertEqual(zvdj.parse_number("4.790", "dutch"), 4790.0)
        self.assertEqual(zvdj.format_dutch(4790), "4.790")
        self.assertEqual(zvdj.format_dutch_signed(-0.3, 1), "\u22120,3")
        self.assertEqual(zvdj.format_dutch_percent(10.1, 1), "10,1%")
        self.assertEqual(zvdj.round_to_multiple_of_5(42127), 42125)
        self.assertEqual(zvdj.age_on("2004-02-29", "2022-02-28"), 17)
        self.assertEqual(zvdj.age_on("2004-02-29", "2022-03-01"), 18)
        self.assertEqual(zvdj.add_months("2024-01-31", 1), datetime.date(2024, 2, 29))


class DatasetTest(unittest.TestCase):
    def test_read_sample(self):
        ds = zvdj.Dataset.read_csv(SAMPLE)
        self.assertGreaterEqual(len(ds), 8)
        self.assertIn("age_group", ds.dimension_names)
        rows = ds.rows(indicator="jeugdhulp_met_verblijf", age_group="18-23")
        self.assertEqual([r["value"] for r in rows], [1665.0, 2085.0, 2185.0, 2955.0])
        self.assertEqual(rows[0]["period"], "2016JJ00")

    def test_from_rows_and_roundtrip(self):
        ds = zvdj.Dataset.from_rows([
            {"indicator": "thuiszitters", "period": "2018/2019", "value": 4790},
            {"indicator": "thuiszitters", "period": "2019/2020", "value": 5200, "status": "*"},
            {"indicator": "thuiszitters", "period": "2020/2021", "value": None},
        ])
        self.assertEqual(ds.values(), [4790.0, 5200.0, None])
        self.assertEqual([r["status"] for r in ds], ["", "*", "."])
        text = ds.to_csv()
        again = zvdj.Dataset.parse_csv(text, "roundtrip.csv")
        self.assertEqual(again.to_csv(), text)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "out.csv")
            ds.write_csv(path)
            self.assertEqual(zvdj.Dataset.read_csv(path).to_csv(), text)
        self.assertEqual(ds.find("thuiszitters", "2019/20"), 1)
        self.assertIsNone(ds.find("thuiszitters", "2030/31"))

    def test_add_duplicate_is_already_exists(self):
        ds = zvdj.Dataset()
        ds.add("thuiszitters", "2018/2019", 4790)
        with self.assertRaises(zvdj.ZvdjError) as e:
            ds.add("thuiszitters", "2018/19", 1)
        self.assertEqual(e.exception.status, "ALREADY_EXISTS")
        self.assertEqual(len(ds), 1)

    def test_bad_file_names_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.csv")
            with open(path, "w") as f:
                f.write("indicator,period,region,value,status\n"
                        "thuiszitters,2018/2019,NL01,4790,\n"
                        "thuiszitters,2019/2020,NL01,abc,\n")
            with self.assertRaises(zvdj.ZvdjError) as e:
                zvdj.Dataset.read_csv(path)
            self.assertEqual(e.exception.status, "INVALID_ARGUMENT")
            self.assertIn("bad.csv:3:", e.exception.message)
            self.assertIn("value", e.exception.message)

    def test_missing_file(self):
        with self.assertRaises(zvdj.ZvdjError) as e:
            zvdj.Dataset.read_csv("/nonexistent/zvdj.csv")
        self.assertEqual(e.exception.status, "NOT_FOUND")

    def test_errors_are_per_thread(self):
        messages = {}

        def fail(name, code):
            try:
                zvdj.normalize_period(code)
            except zvdj.ZvdjError as e:
                messages[name] = e.message

        threads = [threading.Thread(target=fail, args=(f"t{i}", f"bad{i}")) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for i in range(4):
            self.assertIn(f"bad{i}", messages[f"t{i}"])

    def test_dataframe_when_pandas_is_available(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("pandas not installed")
        ds = zvdj.Dataset.read_csv(SAMPLE)
        self.assertEqual(len(ds.to_dataframe()), len(ds))


class CatalogueTest(unittest.TestCase):
    def test_builtin(self):
        cat = zvdj.Catalogue.builtin()
        self.assertIn("jeugdhulp_met_verblijf", cat.ids())
        self.assertIn("thuiszitters", cat)
        self.assertNotIn("no_such_indicator", cat)
        self.assertEqual(cat.get("jeugdhulp_met_verblijf_pct")["unit"], "percentage")
        self.assertEqual(cat.direction_for("jeugdhulp_met_verblijf", {"age_group": "18-23"}),
                         "up")
        with self.assertRaises(zvdj.ZvdjError) as e:
            cat.get("no_such_indicator")
        self.assertEqual(e.exception.status, "NOT_FOUND")

    def test_load_roundtrip(self):
        text = zvdj.Catalogue.builtin().to_csv()
        cat = zvdj.Catalogue().parse_csv(text, "cat.csv")
        self.assertEqual(len(cat), len(zvdj.Catalogue.builtin()))


class BreaksTest(unittest.TestCase):
    def test_blocking(self):
        b = zvdj.Breaks()
        b.add("jeugdhulp_met_verblijf", "2018", "2019", reason="herindeling", form="pleegzorg")
        hit = b.blocking("jeugdhulp_met_verblijf", "2016", "2019", form="pleegzorg")
        self.assertEqual(hit["reason"], "herindeling")
        self.assertIsNone(b.blocking("jeugdhulp_met_verblijf", "2016", "2018", form="pleegzorg"))
        with self.assertRaises(zvdj.ZvdjError):
            b.add("x", "2019", "2018")


class RecordsTest(unittest.TestCase):
    def test_add_and_count(self):
        rec = zvdj.Records()
        rec.add("jeugdhulp", {
            "person_id": ["P1", "P2"], "birth_date": ["2004-02-29", datetime.date(2001, 5, 1)],
            "municipality": ["GM0363", "GM0344"], "provider": ["A", "B"],
            "form": ["pleegzorg", "ambulant"],
            "start_date": ["2019-03-01", "2019-01-01"], "end_date": [None, "2019-06-30"],
            "end_reason": ["", "volgens_plan"]})
        rec.add("vervolgzorg", [{"person_id": "P2", "kind": "wmo", "start_date": "2019-07-01"}])
        self.assertEqual(rec.count("jeugdhulp"), 2)
        self.assertEqual(rec.count("persons"), 2)
        self.assertEqual(rec.count("vervolgzorg"), 1)

    def test_bad_row_adds_nothing(self):
        rec = zvdj.Records()
        with self.assertRaises(zvdj.ZvdjError) as e:
            rec.add("jeugdbescherming", [
                {"person_id": "P1", "birth_date": "2004-01-01", "municipality": "GM0363",
                 "measure": "ots", "start_date": "2019-01-01"},
                {"person_id": "P2", "birth_date": "2004-01-01", "municipality": "XX12",
                 "measure": "ots", "start_date": "2019-01-01"}])
        self.assertIn("jeugdbescherming[1]", e.exception.message)
        self.assertIn("municipality", e.exception.message)
        self.assertEqual(rec.count("jeugdbescherming"), 0)
        self.assertEqual(rec.count("persons"), 0)


if __name__ == "__main__":
    unittest.main()
