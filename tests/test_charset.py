"""Plain ASCII where Unicode cannot be shown: `receptive run` and `repl` follow the locale
(ASCII unless its character set is UTF-8), RECEPTIVE_CHARSET overrides it, and Jupyter stays
Unicode. conftest.py pins RECEPTIVE_CHARSET=unicode for the other tests; these remove it."""
import os
import re
import subprocess

import pexpect
from jupyter_client.manager import start_new_kernel

from conftest import KERNEL_NAME, RECEPTIVE, run_cell

# Every kind of figure, a record table, a layer, a sparse summary, help and an error with a
# caret: each of them writes ×, →, …, ≠ or box drawing in Unicode.
EVERYTHING = """x = [[0, 0, 1, 1, 0], [0, 0, 1, 1, 0], [0, 0, 1, 1, 0]]
show(correlate(x, [[-1, 1]]))
show(heatmap([[-1, 0.5], [0, 1]], title: "signs"))
show(heatmap(x, ramp: "half"))
show(spy(connectivity(conv_layer(3), input: 6)))
show(spy(sharing(conv_layer([1, 2, 3]), input: 6), letters: true))
show(spy(eye(300)))
show(bar([3, 1.5, -2], labels: ["a", "b", "c"], width: 30))
show(hist([1, 2, 2, 3], bins: 2, width: 30))
show(lineplot([[0, 1, 0], [1, 0, 1]], labels: ["up", "down"], height: 4, width: 40))
show(diagram(conv_layer(3), input: 5, highlight: "x3"))
show(grid(heatmap(eye(3)), spy(eye(3)), titles: ["image", "pattern"]))
show(compare(conv_layer([[-1, 1]]), input: (28, 32)))
show(table([[1, "one"], [1000, "thousand"]], headers: ["n", "name"]))
show(dense_layer(3, 4))
show(connectivity(conv_layer(3), input: 6))
vars()
help(heatmap)
zeros(2, 2) @ zeros(3, 3)
"""


def _environment(**overrides):
    """This process's environment without any locale or charset setting, plus `overrides`."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("LC_ALL", "LC_CTYPE", "LANG", "RECEPTIVE_CHARSET")}
    env.update(overrides)
    return env


def _run(tmp_path, source=EVERYTHING, args=(), **env):
    script = tmp_path / "everything.rcp"
    script.write_text(source, encoding="utf-8")
    return subprocess.run([RECEPTIVE, "run", *args, str(script)], capture_output=True, timeout=120,
                          env=_environment(**env))


def _assert_printable_ascii(data: bytes):
    bad = sorted({byte for byte in data if byte != 0x0A and not 0x20 <= byte <= 0x7E})
    assert not bad, f"bytes outside 0x20-0x7E: {[hex(b) for b in bad]} in {data.decode('utf-8', 'replace')}"


def test_run_under_lang_c_writes_only_printable_ascii(tmp_path):
    result = _run(tmp_path, LANG="C")
    assert result.returncode == 1
    _assert_printable_ascii(result.stdout)
    _assert_printable_ascii(result.stderr)
    out = result.stdout.decode()
    for expected in ["tensor 3x4", "+----+", "4x6   12 != 0", "a...c", "|##", "[x3] highlighted   (...)",
                     "dense_layer 3 -> 4", "sparse 4x6", "1 character = 2x4 blocks"]:
        assert expected in out, expected
    assert result.stderr.decode().startswith("ShapeError: matrix product needs matching inner sizes, found 2x2 @ 3x3")


def test_run_follows_posix_locale_precedence_and_the_variable(tmp_path):
    unicode_marks = ("×".encode(), "┌".encode())
    cases = [
        ({"LANG": "C.UTF-8"}, True),
        ({}, False),
        ({"LANG": "C.UTF-8", "LC_ALL": "C"}, False),
        ({"LANG": "C", "LC_CTYPE": "C.UTF-8"}, True),
        ({"LANG": "C.UTF-8", "RECEPTIVE_CHARSET": "ascii"}, False),
        ({"LANG": "C", "RECEPTIVE_CHARSET": "unicode"}, True),
    ]
    for env, unicode in cases:
        result = _run(tmp_path, **env)
        assert result.returncode == 1, (env, result.stderr)
        assert all(mark in result.stdout for mark in unicode_marks) == unicode, env
        if not unicode:
            _assert_printable_ascii(result.stdout + result.stderr)


def test_mark_cells_run_under_lang_c_is_ascii(tmp_path):
    source = "# %%\nzeros(2, 3)\n# %%\nspy(eye(2))\n# %%\nzeros(2) @ zeros(3)\n"
    result = _run(tmp_path, source, args=("--mark-cells",), LANG="C")
    assert result.returncode == 1
    _assert_printable_ascii(result.stdout + result.stderr)
    assert b"tensor 2x3" in result.stdout and b"2x2   2 != 0   density 50%" in result.stdout


def test_set_charset_in_a_script_switches_both_ways(tmp_path):
    source = 'set(charset: "unicode")\nshow(zeros(2, 3))\nset(charset: "ascii")\nzeros(2, 3)\n'
    result = _run(tmp_path, source, LANG="C")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").splitlines()[0] == "tensor 2×3"
    assert result.stdout.decode("utf-8").splitlines()[3] == "tensor 2x3"


def test_an_unknown_charset_variable_is_a_clear_error(tmp_path):
    result = _run(tmp_path, "1\n", LANG="C", RECEPTIVE_CHARSET="latin1")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr == b'receptive: RECEPTIVE_CHARSET must be "unicode" or "ascii", found "latin1"\n'


def test_repl_and_help_under_lang_c_are_ascii():
    repl = subprocess.run([RECEPTIVE, "repl"], input=EVERYTHING.encode(), capture_output=True, timeout=120,
                          env=_environment(LANG="C"))
    assert repl.returncode == 0
    _assert_printable_ascii(repl.stdout + repl.stderr)
    assert b">>> " in repl.stdout and b"tensor 3x4" in repl.stdout
    for args in (["help", "spy"], ["help"]):
        shown = subprocess.run([RECEPTIVE, *args], capture_output=True, timeout=60, env=_environment(LANG="C"))
        assert shown.returncode == 0
        _assert_printable_ascii(shown.stdout)


def test_progress_bar_on_a_lang_c_terminal_is_ascii(tmp_path):
    script = tmp_path / "long.rcp"
    script.write_text("x = zeros(1, 8, 128, 128)\nw = zeros(8, 8, 3, 3)\nfn work() = conv2d(x, w)\n"
                      "print(timeit(work, repeat: 5).repeat)\n")
    child = pexpect.spawn(RECEPTIVE, ["run", str(script)], env=_environment(LANG="C", RECEPTIVE_PROGRESS_DELAY_MS="0"),
                          timeout=120)
    child.expect(pexpect.EOF)
    seen = child.before
    assert b"timeit #" in seen
    # The terminal's own controls: carriage returns, CRLF line ends and erase-to-end-of-line.
    _assert_printable_ascii(re.sub(rb"\x1b\[K|\r", b"", seen))


def test_jupyter_stays_unicode_under_lang_c_until_the_session_asks():
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30, env=_environment(LANG="C"))
    try:
        reply, outputs = run_cell(kc, "zeros(2, 3)")
        assert reply["status"] == "ok"
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
        assert result["text/plain"].startswith("tensor 2×3")
        reply, outputs = run_cell(kc, 'set(charset: "ascii")\nspy(eye(2))')
        data = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]
        assert data["text/plain"] == "  0 1\n0 # .\n1 . #\n2x2   2 != 0   density 50%"
        assert "2x2   2 != 0" in data["text/html"]
        reply, _ = run_cell(kc, "zeros(2) @ zeros(3)")
        assert reply["status"] == "error"
        assert reply["evalue"] == "matrix product needs matching inner sizes, found 2 @ 3 (2 != 3)"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
