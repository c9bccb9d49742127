"""docs/reference.md must be exactly what `receptive help --markdown` generates today, and
docs/language.md must show what each of its examples prints today."""
import difflib
import subprocess

from conftest import ROOT


def test_committed_reference_is_up_to_date(receptive_bin):
    generated = subprocess.run([receptive_bin, "help", "--markdown"], check=True,
                               capture_output=True, text=True, timeout=60).stdout
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    if committed != generated:
        diff = "".join(difflib.unified_diff(
            committed.splitlines(keepends=True), generated.splitlines(keepends=True),
            fromfile="docs/reference.md (committed)", tofile="receptive help --markdown"))
        raise AssertionError("docs/reference.md is out of date; regenerate it with\n"
                             "  receptive help --markdown > docs/reference.md\n" + diff)


def test_committed_language_guide_is_up_to_date(receptive_bin):
    guide = ROOT / "docs" / "language.md"
    generated = subprocess.run([receptive_bin, "help", "--guide", str(guide)], check=True,
                               capture_output=True, text=True, timeout=120).stdout
    committed = guide.read_text(encoding="utf-8")
    if committed != generated:
        diff = "".join(difflib.unified_diff(
            committed.splitlines(keepends=True), generated.splitlines(keepends=True),
            fromfile="docs/language.md (committed)", tofile="receptive help --guide docs/language.md"))
        raise AssertionError("an example's output in docs/language.md is out of date; regenerate them with\n"
                             "  receptive help --guide docs/language.md --write\n" + diff)
    assert "```receptive" in committed


def test_help_for_one_builtin_and_the_index(receptive_bin):
    one = subprocess.run([receptive_bin, "help", "flip"], capture_output=True, text=True, timeout=30)
    assert one.returncode == 0 and one.stdout.startswith("flip(t, axis: none)")
    index = subprocess.run([receptive_bin, "help"], capture_output=True, text=True, timeout=30)
    assert index.returncode == 0 and "conv2d" in index.stdout
    unknown = subprocess.run([receptive_bin, "help", "nosuch"], capture_output=True, text=True, timeout=30)
    assert unknown.returncode == 1 and "nosuch" in unknown.stderr
    command = subprocess.run([receptive_bin, "help", "install"], capture_output=True, text=True, timeout=30)
    assert command.returncode == 0 and "USAGE: receptive install" in command.stdout
