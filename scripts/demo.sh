#!/usr/bin/env bash
# The main job on a fresh Debian machine: installs what is needed, builds Receptive (release),
# installs its Jupyter kernelspec for this user, and runs the demo notebook through the kernel,
# printing every cell and its output in the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== build (release)"
# A statically linked Swift runtime starts faster (no shared-library loading): kernel startup
# is what a user waits for when opening a notebook.
swift build -c release --static-swift-stdlib --product receptive
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/receptive"

echo "== install the kernelspec"
"$bin" install --user

echo "== run notebooks/00-tour.ipynb through the Receptive kernel"
.venv/bin/python scripts/run_notebook.py notebooks/00-tour.ipynb

cat <<MSG

Done. To explore interactively:
  .venv/bin/jupyter console --kernel receptive
or, for the notebooks in the browser:
  .venv/bin/jupyter lab notebooks/
MSG
