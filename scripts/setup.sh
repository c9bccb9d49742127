#!/usr/bin/env bash
# Installs everything Receptive needs on a fresh Debian machine, idempotently:
# the system packages (libzmq and SQLite for the kernel, libpng and libjpeg-turbo for load/save of
# photographs, Debian's chromium for the browser test,
# configurable-http-proxy for the JupyterHub test) and the Python test clients (JupyterLab,
# Playwright, papermill, nbval, JupyterHub, Kernel Gateway, repo2docker among them) in .venv,
# Receptive's papermill translator (integrations/papermill) in .venv, and Jupyter Enterprise
# Gateway in .venv-eg (it pins jupyter_client < 7 and jupyter_server < 2, which the other clients
# cannot live with).
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
for pkg in libzmq3-dev libsqlite3-dev libpng-dev libjpeg62-turbo-dev pkg-config time chromium node-configurable-http-proxy; do
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
if ! .venv/bin/python -c 'import jupyter_client, jupyter_kernel_test, nbclient, nbformat, nbconvert, pexpect, jupyter_console, ipykernel, numpy, scipy, pytest, jupyterlab, playwright, papermill, nbval, jupyterhub, kernel_gateway, repo2docker, Cryptodome, mpmath, jupyterlab_widgets, ipywidgets, psutil, PIL' 2>/dev/null; then
  echo "setup: installing the Python test clients into .venv"
  .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
fi

# The papermill translator is reinstalled whenever its source changes (a stamp in .venv holds the
# hash of what was installed), so papermill never runs a stale copy.
translator_hash="$(cat integrations/papermill/pyproject.toml integrations/papermill/receptive_papermill/*.py | sha256sum | cut -d' ' -f1)"
if [ "$(cat .venv/.receptive-papermill-source 2>/dev/null)" != "$translator_hash" ]; then
  echo "setup: installing Receptive's papermill translator into .venv"
  .venv/bin/pip install -q --disable-pip-version-check ./integrations/papermill
  rm -rf integrations/papermill/build integrations/papermill/*.egg-info  # setuptools builds in the source folder
  echo "$translator_hash" > .venv/.receptive-papermill-source
fi

if ! .venv-eg/bin/python -c 'import enterprise_gateway' 2>/dev/null; then
  echo "setup: installing Jupyter Enterprise Gateway into .venv-eg"
  python3 -m venv .venv-eg
  .venv-eg/bin/pip install -q --disable-pip-version-check -r scripts/requirements-eg.txt
fi
