"""Shared fixtures of the pytest suite: paths of the source tree, the zvdj
command to compare with, and a generated data set."""

import io
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.environ.get("ZVDJ_SOURCE_DIR")
                       or os.path.join(os.path.dirname(__file__), "..", ".."))


def source(*parts):
    return os.path.join(ROOT, *parts)


@pytest.fixture(scope="session")
def cli():
    """The zvdj command of the build under test (ZVDJ_CLI, else build/ci/zvdj)."""
    path = os.environ.get("ZVDJ_CLI") or source("build", "ci", "zvdj")
    if not os.path.exists(path):
        pytest.skip("no zvdj command (set ZVDJ_CLI)")
    return path


@pytest.fixture(scope="session")
def run_cli(cli):
    """Runs the command and reads its CSV output as text columns."""
    pd = pytest.importorskip("pandas")

    def run(*args):
        out = subprocess.run([cli, *args, "--format", "csv"], check=True,
                             capture_output=True, text=True).stdout
        return pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    return run


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A generated data set (record files, regions and herindeling)."""
    import zvdj
    d = tmp_path_factory.mktemp("generated")
    zvdj.generate(str(d), persons=400, from_year=2016, to_year=2019, seed=7)
    return d
