"""Build step of the Python package: builds libzvdj's shared library with CMake
and puts it inside the `zvdj` package, so that `import zvdj` needs no path or
environment variable. Everything else is in pyproject.toml.

Environment (all optional):
  ZVDJ_BUILD_JOBS   parallel compile jobs (default: at most 2)
  ZVDJ_CMAKE_ARGS   extra arguments for the CMake configure step
"""

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _version():
    text = (ROOT / "include" / "zvdj" / "version.h").read_text()
    parts = [re.search(r"#define ZVDJ_VERSION_%s (\d+)" % p, text).group(1)
             for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def _jobs():
    env = os.environ.get("ZVDJ_BUILD_JOBS")
    if env:
        return max(1, int(env))
    return max(1, min(2, os.cpu_count() or 1))


class BuildWithLibrary(build_py):
    """build_py plus the CMake build of the zvdj_shared target only (no tests,
    benchmarks, fuzzers or command), whose libzvdj.so lands in the package."""

    def run(self):
        super().run()
        # A fixed folder in the source tree, so that a rebuild is incremental.
        build_dir = ROOT / "build" / "python"
        configure = ["cmake", "-S", str(ROOT), "-B", str(build_dir),
                     "-DCMAKE_BUILD_TYPE=Release",
                     "-DZVDJ_BUILD_TESTS=OFF", "-DZVDJ_BUILD_BENCHMARKS=OFF",
                     "-DZVDJ_BUILD_CLI=OFF", "-DZVDJ_INSTALL=OFF",
                     "-DZVDJ_BUILD_SHARED=ON"]
        configure += shlex.split(os.environ.get("ZVDJ_CMAKE_ARGS", ""))
        subprocess.check_call(configure)
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "zvdj_shared",
                               "-j", str(_jobs())])
        built = build_dir / "libzvdj.so"
        if not built.exists():
            raise RuntimeError(f"CMake did not produce {built}")
        target = Path(self.build_lib) / "zvdj" / "libzvdj.so"
        target.parent.mkdir(parents=True, exist_ok=True)
        # Resolve the symlink chain: the package carries one real file.
        shutil.copyfile(built.resolve(), target)
        os.chmod(target, 0o755)


class BinaryDistribution(Distribution):
    """The package carries a compiled library: the wheel is platform-specific."""

    def has_ext_modules(self):
        return True


try:
    from wheel.bdist_wheel import bdist_wheel

    class PlatformWheel(bdist_wheel):
        """py3-none-<platform>: the library is loaded with ctypes, so the wheel
        works with any Python 3 of the platform."""

        def get_tag(self):
            _, _, plat = super().get_tag()
            return "py3", "none", plat

    _wheel = {"bdist_wheel": PlatformWheel}
except ImportError:  # building without wheel (e.g. a plain sdist)
    _wheel = {}


setup(version=_version(), distclass=BinaryDistribution,
      cmdclass={"build_py": BuildWithLibrary, **_wheel})
