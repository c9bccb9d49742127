"""`receptive install` / `uninstall` as Jupyter sees them: kernel.json, the SVG logo, the advice."""
import json
import pathlib
import subprocess
import xml.etree.ElementTree as ElementTree

from conftest import KERNEL_NAME


def _listed_specs(venv_bin):
    listing = subprocess.run([str(venv_bin / "jupyter"), "kernelspec", "list", "--json"],
                             check=True, capture_output=True, text=True, timeout=60)
    return json.loads(listing.stdout)["kernelspecs"]


def test_jupyter_lists_the_kernelspec_with_its_logo(venv_bin):
    specs = _listed_specs(venv_bin)
    assert KERNEL_NAME in specs, f"jupyter kernelspec list does not show {KERNEL_NAME}: {sorted(specs)}"
    spec = specs[KERNEL_NAME]
    assert spec["spec"]["display_name"] == "Receptive"
    logo = pathlib.Path(spec["resource_dir"]) / "logo-svg.svg"
    root = ElementTree.parse(logo).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 64 64"


def test_install_says_where_and_how_and_uninstall_removes_everything(receptive_bin, tmp_path):
    installed = subprocess.run([receptive_bin, "install", "--prefix", str(tmp_path), "--name", "rx-polish"],
                               check=True, capture_output=True, text=True, timeout=30).stdout
    directory = tmp_path / "share" / "jupyter" / "kernels" / "rx-polish"
    assert str(directory) in installed
    assert "jupyter lab" in installed and "jupyter console --kernel rx-polish" in installed
    assert f"JUPYTER_PATH includes {tmp_path / 'share' / 'jupyter'}" in installed
    assert sorted(p.name for p in directory.iterdir()) == ["kernel.json", "logo-svg.svg"]

    removed = subprocess.run([receptive_bin, "uninstall", "--prefix", str(tmp_path), "--name", "rx-polish"],
                             check=True, capture_output=True, text=True, timeout=30).stdout
    assert str(directory) in removed
    assert not directory.exists()
