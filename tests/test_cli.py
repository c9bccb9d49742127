"""`receptive run FILE` and `receptive repl`: the terminal front ends of the language."""
import signal
import subprocess
import time


def _run(receptive_bin, tmp_path, source):
    script = tmp_path / "script.rcp"
    script.write_text(source)
    return subprocess.run([receptive_bin, "run", str(script)], capture_output=True, text=True, timeout=60)


def test_run_prints_streams_displays_and_the_final_value(receptive_bin, tmp_path):
    result = _run(receptive_bin, tmp_path, 'print("hello", 1 + 2)\nshow([1, 2])\nx = 0.1 + 0.2\nx\n')
    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello 3\ntensor 2\n[1. 2.]\n0.30000000000000004\n"
    assert result.stderr == ""


def test_run_reports_errors_on_stderr_with_a_caret_and_exit_status_1(receptive_bin, tmp_path):
    result = _run(receptive_bin, tmp_path, 'print("before")\ny = 1\nz = y + w\nprint("after")\n')
    assert result.returncode == 1
    assert result.stdout == "before\n"
    assert result.stderr == "NameError: name 'w' is not defined; did you mean 'y'?\n3 | z = y + w\n  |         ^\n"


def test_run_of_a_missing_file_is_an_io_error(receptive_bin, tmp_path):
    result = subprocess.run([receptive_bin, "run", str(tmp_path / "absent.rcp")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("IOError: cannot read")


def test_repl_continues_incomplete_input_and_keeps_state(receptive_bin):
    lines = "x = 2\nfn f(a) {\nreturn a * x\n}\nf(21)\nmissing\n"
    result = subprocess.run([receptive_bin, "repl"], input=lines, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert ">>> " in result.stdout and "... " in result.stdout
    assert "42\n" in result.stdout
    assert result.stderr.startswith("NameError: name 'missing' is not defined")


def test_control_c_interrupts_the_running_cell_not_the_repl(receptive_bin):
    repl = subprocess.Popen([receptive_bin, "repl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    repl.stdin.write("for i in arange(100000) { for j in arange(1000) { } }\n")
    repl.stdin.flush()
    time.sleep(1.0)
    repl.send_signal(signal.SIGINT)
    time.sleep(0.3)
    repl.stdin.write("1 + 1\n")
    repl.stdin.close()
    try:
        repl.wait(timeout=30)
    finally:
        if repl.poll() is None:
            repl.kill()
    assert repl.returncode == 0
    assert "2\n" in repl.stdout.read()
    assert repl.stderr.read().startswith("Interrupted: interrupted by the user")
