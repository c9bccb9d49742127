#!/usr/bin/env bash
# Installs everything Receptive needs on a fresh Debian machine, idempotently:
# the system packages (libzmq and SQLite for the kernel, libpng and libjpeg-turbo for `load`/`save` of
# photographs, Debian's chromium for the browser test) and the
# Python test clients (JupyterLab and Playwright among them) in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for pkg in libzmq3-dev libsqlite3-dev libpng-dev libjpeg62-turbo-dev pkg-config time chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} with apt"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log="$(mktemp)"
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         $SUDO apt-get install -y -qq "${need_apt[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "setup: apt-get failed (log above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import jupyter_client, jupyter_kernel_test, nbclient, nbformat, nbconvert, pexpect, jupyter_console, ipykernel, numpy, scipy, pytest, jupyterlab, playwright, PIL' 2>/dev/null; then
  echo "setup: installing the Python test clients into .venv"
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
fi
