"""What the repository itself must not carry: paths of the machine it was written on, references
to the language specification that lives outside it, and build or environment output.

These are text checks over `git ls-files`, so they see exactly what a clean clone sees."""
import re
import subprocess

from conftest import ROOT


def tracked_text_files():
    """The committed files that decode as UTF-8 text, as (relative path, text) pairs."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode().split("\0")
    for name in filter(None, names):
        path = ROOT / name
        if not path.is_file():
            continue
        try:
            yield name, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


# A development checkout lives under /work, /root or a user's home; a container image's own home
# (the Enterprise Gateway Dockerfile's /home/jovyan) and made-up homes in tests are not machine
# paths, so only the roots this project is developed under are listed, plus the checkout itself.
MACHINE_ROOTS = re.compile(r"(?<![\w.])/(work|root)/")


def test_no_path_of_a_development_machine_is_committed():
    checkout = str(ROOT)
    found = [f"{name}:{number}: {line.strip()[:120]}"
             for name, text in tracked_text_files()
             for number, line in enumerate(text.splitlines(), 1)
             if MACHINE_ROOTS.search(line) or checkout in line]
    assert not found, "machine paths are committed:\n" + "\n".join(found)


def test_sources_and_tests_cite_the_repositorys_own_guide():
    # LANGUAGE.md is the design document outside this repository; docs/language.md is the guide
    # a reader of the repository can open.
    found = [f"{name}:{number}"
             for name, text in tracked_text_files()
             if name.startswith(("Sources/", "Tests/", "docs/", "notebooks/"))
             for number, line in enumerate(text.splitlines(), 1)
             if "LANGUAGE.md" in line]
    assert not found, "references to LANGUAGE.md, outside this repository:\n" + "\n".join(found)


def test_no_build_or_environment_output_is_committed():
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    found = [name for name in names
             if name.startswith((".build/", ".venv/", ".venv-eg/")) or name.endswith("Package.resolved")]
    assert not found, "generated files are committed:\n" + "\n".join(found)
