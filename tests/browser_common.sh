# Shared start of the headless-Chromium tests: finds the browser (exit 77, a
# skip, when it is not installed) and defines fail(). Sourced, not run.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed"
  exit 77
fi

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
