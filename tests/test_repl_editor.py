"""`receptive repl` on a pseudo-terminal: the built-in line editor (cursor keys, history across
sessions, Tab completion, continuation lines). Every wait is bounded."""
import io
import os
import re

import pexpect
import pytest

TIMEOUT = 20
UP, LEFT, HOME, END = "\x1b[A", "\x1b[D", "\x1b[H", "\x1b[F"


@pytest.fixture
def spawn_repl(receptive_bin, tmp_path):
    children = []

    def spawn(data_home=tmp_path / "data", columns=200):
        env = dict(os.environ, XDG_DATA_HOME=str(data_home), TERM="xterm")
        child = pexpect.spawn(receptive_bin, ["repl"], env=env, encoding="utf-8", timeout=TIMEOUT,
                              dimensions=(24, columns))
        child.expect_exact(">>> ")
        children.append(child)
        return child

    yield spawn
    for child in children:
        child.close(force=True)


def _expect_result(child, text):
    """Waits for `text` printed on a line of its own (not merely echoed in the prompt line), then
    for the next prompt, which the editor draws once the terminal is raw again: a key sent
    earlier meets the cooked terminal, which edits the line itself or, for Ctrl-D, queues a NUL
    byte instead (the test then hung at random when the machine was loaded)."""
    child.expect_exact("\n" + text + "\r\n")
    child.expect_exact(">>> ")


def _quit(child):
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_lines_run_and_keep_state(spawn_repl):
    repl = spawn_repl()
    repl.send("x = 4\r")
    repl.expect_exact(">>> ")
    repl.send("x * 2\r")
    _expect_result(repl, "8")
    assert _quit(repl) == 0


def test_cursor_keys_edit_inside_the_line(spawn_repl):
    repl = spawn_repl()
    # "2 * 3", back to after "2", replace it by "5", append "0" at the end: "5 * 30".
    repl.send("2 * 3" + LEFT * 4 + "\x7f" + "5" + END + "0\r")
    _expect_result(repl, "150")
    repl.send("7" + HOME + "1\r")
    _expect_result(repl, "17")
    repl.send("9" + "\x01" + "\x1b[3~" + "4\x05" + "2\r")  # Ctrl-A, Delete, Ctrl-E
    _expect_result(repl, "42")
    repl.send("wrong" + "\x15" + "6 * 7" + HOME + "\x0b" + "3 * 11\r")  # Ctrl-U, then Ctrl-K
    _expect_result(repl, "33")
    assert _quit(repl) == 0


def test_the_terminal_is_cooked_again_while_a_cell_runs(spawn_repl):
    repl = spawn_repl()
    repl.send('print("hello", input("name? "))\r')
    repl.expect_exact("name? ")
    # Raw mode would neither echo the answer nor turn Enter into a newline for the reader.
    repl.send("ada\r")
    repl.expect_exact("ada")
    repl.expect_exact("hello ada")
    repl.expect_exact(">>> ")
    repl.send("1 + 2\r")
    _expect_result(repl, "3")
    assert _quit(repl) == 0


def test_control_c_at_the_prompt_abandons_the_cell(spawn_repl):
    repl = spawn_repl()
    repl.send("fn f() {\r")
    repl.expect_exact("... ")
    repl.sendcontrol("c")
    repl.expect_exact(">>> ")
    repl.send("40 + 2\r")
    _expect_result(repl, "42")
    assert _quit(repl) == 0


def test_tab_completes_a_single_match_and_lists_several(spawn_repl):
    repl = spawn_repl()
    repl.send("lins\t")
    repl.expect_exact("linspace")
    repl.send("(0, 1, 3)\r")
    repl.expect_exact("[0.  0.5 1. ]")
    repl.expect_exact(">>> ")
    repl.send("li\t")
    repl.expect_exact(">>> lin")  # extended to the matches' common prefix
    repl.send("\t")
    repl.expect(r"lineplot\s+linspace")
    repl.expect_exact(">>> lin")
    repl.sendcontrol("c")
    repl.expect_exact(">>> ")
    assert _quit(repl) == 0


def test_up_recalls_and_history_survives_into_the_next_session(spawn_repl, tmp_path):
    repl = spawn_repl()
    repl.send("y = 20 + 1\r")
    repl.expect_exact(">>> ")
    repl.send(UP + "\r")
    repl.expect_exact(">>> ")
    repl.send("y + 1\r")
    _expect_result(repl, "22")
    assert _quit(repl) == 0
    history = tmp_path / "data" / "receptive" / "history"
    assert history.read_text() == "y = 20 + 1\ny + 1\n"

    again = spawn_repl()
    again.send(UP + UP + "\r")
    again.expect_exact("y = 20 + 1")
    again.send("y * 2\r")
    _expect_result(again, "42")
    assert _quit(again) == 0


def test_incomplete_input_continues_on_a_continuation_prompt(spawn_repl):
    repl = spawn_repl()
    repl.send("fn double(a) {\r")
    repl.expect_exact("... ")
    repl.send("return a * 2\r")
    repl.send("}\r")
    repl.expect_exact(">>> ")
    repl.send("double(21)\r")
    _expect_result(repl, "42")
    assert _quit(repl) == 0


def test_an_unwritable_history_file_warns_once_and_keeps_history_in_memory(spawn_repl, tmp_path):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the data directory should be")
    repl = spawn_repl(data_home=blocker)
    repl.logfile_read = io.StringIO()
    repl.send("1 + 1\r")
    repl.expect_exact("cannot be written")
    repl.expect_exact(">>> ")
    repl.send("2 + 2\r")
    repl.expect_exact(">>> ")
    repl.send(UP + UP + "\r")
    repl.expect_exact("1 + 1")
    repl.expect_exact(">>> ")
    assert _quit(repl) == 0
    assert repl.logfile_read.getvalue().count("warning:") == 1


def test_a_line_wider_than_the_terminal_scrolls_instead_of_wrapping(spawn_repl):
    repl = spawn_repl(columns=20)
    repl.logfile_read = io.StringIO()
    repl.send("100 + 200 + 300 + 400 + 500\r")
    _expect_result(repl, "1500")
    assert _quit(repl) == 0
    redraws = re.findall(r"\r(>>> [^\x1b\r]*)\x1b\[K", repl.logfile_read.getvalue())
    assert redraws and all(len(line) < 20 for line in redraws)
    assert redraws[-1].endswith("400 + 500")
