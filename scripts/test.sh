#!/usr/bin/env bash
# Sets up a fresh Debian machine (idempotently) and runs the whole test suite:
# the Swift unit tests, then the integration tests that drive the built kernel from real
# Jupyter clients. Builds once (debug, with tests) and reuses that build for everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== build (debug, with tests)"
swift build --build-tests

echo "== Swift unit tests"
swift test --skip-build

if [ -d tests ]; then
  echo "== integration tests (real Jupyter clients)"
  RECEPTIVE_BIN="$(swift build --show-bin-path)/receptive" .venv/bin/python -m pytest -q tests
fi
