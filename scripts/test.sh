#!/usr/bin/env bash
# Sets up a fresh Debian machine (idempotently) and runs the whole test suite:
# the Swift unit tests, the integration tests that drive the built kernel from real Jupyter
# clients and servers, then nbval over the course notebooks. Builds once (debug, with tests)
# and reuses that build for everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== build (debug, with tests)"
swift build --build-tests

echo "== Swift unit tests"
swift test --skip-build

bin="$(swift build --show-bin-path)/receptive"
if [ -d tests ]; then
  echo "== integration tests (real Jupyter clients)"
  RECEPTIVE_BIN="$bin" .venv/bin/python -m pytest -q tests
fi

echo "== the course notebooks with nbval: pytest --nbval notebooks/"
# The kernelspec and Jupyter's data and runtime files go to a scratch prefix, not the user's.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
"$bin" install --prefix "$scratch" >/dev/null
JUPYTER_PATH="$scratch/share/jupyter" JUPYTER_DATA_DIR="$scratch/data" JUPYTER_RUNTIME_DIR="$scratch/runtime" \
  .venv/bin/python -m pytest --nbval notebooks/
