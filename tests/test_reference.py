"""docs/reference.md must be exactly what `receptive help --markdown` generates today, and
docs/language.md must show what each of its examples prints today."""
import difflib
import re
import subprocess

from conftest import ROOT


def expect_generated(path, command, regenerate):
    """Fails, with the diff, unless the committed file at `path` is exactly what `command` prints."""
    generated = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    committed = path.read_text(encoding="utf-8")
    if committed != generated:
        name = path.relative_to(ROOT)
        diff = "".join(difflib.unified_diff(
            committed.splitlines(keepends=True), generated.splitlines(keepends=True),
            fromfile=f"{name} (committed)", tofile=" ".join(["receptive"] + command[1:])))
        raise AssertionError(f"{name} is out of date; regenerate it with\n  {regenerate}\n" + diff)
    return committed


def test_committed_reference_is_up_to_date(receptive_bin):
    expect_generated(ROOT / "docs" / "reference.md", [receptive_bin, "help", "--markdown"],
                     "receptive help --markdown > docs/reference.md")


def test_committed_language_guide_is_up_to_date(receptive_bin):
    guide = ROOT / "docs" / "language.md"
    committed = expect_generated(guide, [receptive_bin, "help", "--guide", str(guide)],
                                 "receptive help --guide docs/language.md --write")
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


def test_language_guide_contents_list_every_section_in_order():
    # A merge once dropped a section's heading and opening paragraphs while the contents still
    # listed it; the examples' check could not notice, as the rest of its text stayed valid.
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    contents = text.split("## Contents", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- \[([^\]]+)\]\(#([^)]+)\)$", contents, re.M)
    sections = [line[3:] for line in text.splitlines() if line.startswith("## ") and line != "## Contents"]
    assert [title for title, _ in listed] == sections
    for title, anchor in listed:
        assert anchor == re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")
