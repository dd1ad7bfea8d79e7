"""The package installs into a fresh virtual environment with pip, offline, and
imports from another folder without environment variables."""

import os
import subprocess
import sys
import venv

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("ZVDJ_SKIP_INSTALL_TEST") == "1",
                                reason="ZVDJ_SKIP_INSTALL_TEST=1")


def test_pip_install_into_a_fresh_venv(tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    python = str(env_dir / "bin" / "python")
    env = {k: v for k, v in os.environ.items()
           if k not in ("ZVDJ_LIBRARY", "PYTHONPATH", "PYTHONHOME")}
    subprocess.run([python, "-m", "pip", "install", "--no-build-isolation", "--no-index",
                    "--quiet", ROOT], check=True, env=env, cwd=str(tmp_path))
    code = ("import zvdj, os; "
            "s = zvdj.trends(os.path.join(%r, 'data', 'kernindicatoren.csv'), summary=True); "
            "r = s[(s.indicator == 'jeugdhulp_met_verblijf_pct') & (s.region == 'NL01')]; "
            "print(zvdj.__file__); print(zvdj.library_path); print(float(r.pp_change.iloc[0]))"
            % ROOT)
    out = subprocess.run([python, "-c", code], check=True, env=env, cwd=str(tmp_path),
                         capture_output=True, text=True).stdout.split("\n")
    package_dir = os.path.dirname(out[0])
    assert package_dir.startswith(str(env_dir))
    assert out[1] == os.path.join(package_dir, "libzvdj.so")
    assert out[2] == "-1.5"
