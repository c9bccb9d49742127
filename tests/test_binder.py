"""Binder: binder/apt.txt and binder/postBuild.

- `repo2docker --no-build` (which needs no Docker engine for a dry run) reads the repository and
  writes the Dockerfile Binder would build: it must install apt.txt's packages and run postBuild.
- postBuild's steps in a clean environment shaped like repo2docker's notebook environment (its
  Python first on PATH, NB_PYTHON_PREFIX naming it, no JUPYTER_PATH), with the already built
  binary (RECEPTIVE_PREBUILT) instead of a release build: the binary and the kernelspec land in
  that environment, whose Jupyter then runs a course notebook through the kernel.
Not run here: the image build itself, the swift.org toolchain download and its signature check,
and the release build (the same `swift build -c release --static-swift-stdlib` as
scripts/demo.sh); Ubuntu 24.04's package names in apt.txt are not checked against its archive."""
import os
import site
import subprocess
import sys

import nbformat

from conftest import KERNEL_NAME, ROOT, VENV_BIN, nbval_markers


def test_repo2docker_plans_an_image_that_installs_apt_txt_and_runs_post_build(tmp_path):
    run = subprocess.run([str(VENV_BIN / "jupyter-repo2docker"), "--no-build", "--debug", "--user-id", "1000",
                          "--user-name", "jovyan", str(ROOT)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    dockerfile = run.stdout + run.stderr
    packages = (ROOT / "binder" / "apt.txt").read_text().split()
    install = next(line for line in dockerfile.splitlines() if "apt-get install --yes --no-install-recommends" in line)
    assert sorted(install.split("--no-install-recommends", 1)[1].split("&&")[0].split()) == sorted(packages)
    assert "RUN ./binder/postBuild" in dockerfile
    assert "FROM docker.io/library/buildpack-deps:24.04" in dockerfile


def test_post_build_installs_the_kernel_into_the_notebook_environment(receptive_bin, tmp_path):
    env_dir = tmp_path / "notebook-env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    # The Jupyter packages of .venv stand in for those repo2docker installs in its environment.
    (env_dir / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
     / "venv-packages.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = {key: value for key, value in os.environ.items() if key not in ("JUPYTER_PATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}", NB_PYTHON_PREFIX=str(env_dir),
               RECEPTIVE_PREBUILT=receptive_bin, HOME=str(tmp_path / "home"))
    build = subprocess.run([str(ROOT / "binder" / "postBuild")], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=600)
    assert build.returncode == 0, build.stderr
    spec = env_dir / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    assert spec.exists(), build.stdout
    assert str(env_dir / "bin" / "receptive") in spec.read_text()

    notebook = ROOT / "notebooks" / "01-convolution.ipynb"
    check = ("import sys, nbformat\nfrom nbclient import NotebookClient\n"
             "nb = nbformat.read(sys.argv[1], as_version=4)\n"
             "NotebookClient(nb, kernel_name=sys.argv[2], resources={'metadata': {'path': sys.argv[3]}}).execute()\n"
             "nbformat.write(nb, sys.argv[4])\n")
    executed = tmp_path / "executed.ipynb"
    run = subprocess.run([str(env_dir / "bin" / "python"), "-c", check, str(notebook), KERNEL_NAME,
                          str(notebook.parent), str(executed)], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    saved, fresh = nbformat.read(notebook, as_version=4), nbformat.read(executed, as_version=4)
    # The cells nbval compares: a timing marked `# NBVAL_IGNORE_OUTPUT` differs at every run.
    outputs = lambda nb: [[o.get("text") or o.get("data", {}).get("text/plain") for o in c.outputs]
                          for c in nb.cells if c.cell_type == "code" and nbval_markers(c)["check"]
                          and not nbval_markers(c)["skip"]]
    assert outputs(fresh) == outputs(saved)
