"""Resource limits: each gives a typed error or a truncation note, and the kernel lives on with
its variables intact."""
import subprocess

from conftest import run_cell, texts
from kernel_process import KernelProcess


def test_max_elements_option_caps_tensors_in_the_kernel(receptive_bin, tmp_path):
    with KernelProcess(receptive_bin, tmp_path, extra_args=["--max-elements", "1000"]) as kernel:
        kc = kernel.client()
        try:
            assert run_cell(kc, "kept = 5")[0]["status"] == "ok"
            reply, _ = run_cell(kc, "big = zeros(100, 100)")
            assert reply["status"] == "error" and reply["ename"] == "LimitError", reply
            assert "exceeds the cap of 1000" in reply["evalue"]
            reply, outputs = run_cell(kc, "kept + sum(zeros(10, 10))")
            assert texts(outputs, "execute_result") == ["5"], reply
            reply, _ = run_cell(kc, "big")
            assert reply["ename"] == "NameError"
        finally:
            kc.stop_channels()


def test_max_elements_option_caps_tensors_in_run(receptive_bin, tmp_path):
    script = tmp_path / "big.rcp"
    script.write_text("small = zeros(5, 5)\nprint(\"small ok\")\nbig = zeros(100, 100)\n")
    result = subprocess.run([receptive_bin, "run", "--max-elements", "100", str(script)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == "small ok\n"
    assert "LimitError" in result.stderr and "exceeds the cap of 100" in result.stderr


def test_max_elements_out_of_range_is_a_usage_error(receptive_bin, tmp_path):
    script = tmp_path / "empty.rcp"
    script.write_text("1\n")
    result = subprocess.run([receptive_bin, "run", "--max-elements", "0", str(script)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "--max-elements must be between 1 and" in result.stderr


def test_a_huge_print_is_truncated_with_a_note(kernel):
    _, kc = kernel
    # 2^22 characters = 4 MiB, four times the per-message cap.
    code = "s = \"x\"\nfor i in arange(22) { s = s + s }\nprint(s)"
    reply, outputs = run_cell(kc, code, timeout=120)
    assert reply["status"] == "ok", reply
    streams = texts(outputs, "stream")
    assert len(streams) == 1
    assert len(streams[0].encode()) < (1 << 20) + 1000
    assert "[output truncated: " in streams[0] and "bytes omitted" in streams[0]
    reply, outputs = run_cell(kc, "len(s)")
    assert texts(outputs, "execute_result") == [str(1 << 22)]


def test_deep_recursion_through_long_expressions_is_a_limit_error(kernel):
    # Cells run in place on the kernel's shell thread. Each call here nests 5,000 operators
    # deep before recursing: compiled code evaluates them without recursing, so the recursion
    # itself is what the kernel must refuse, with a LimitError, and live on with its variables.
    _, kc = kernel
    assert run_cell(kc, "kept = 3")[0]["status"] == "ok"
    chain = " + ".join(["n"] * 5000)
    code = f"fn deep(n) {{\n    return deep(n + 1) + {chain}\n}}\ndeep(0)"
    reply, _ = run_cell(kc, code, timeout=120)
    assert reply["status"] == "error" and reply["ename"] == "LimitError", reply
    assert "calls nested deeper than 400 levels in 'deep'" in reply["evalue"]
    reply, outputs = run_cell(kc, "kept + 1")
    assert texts(outputs, "execute_result") == ["4"], reply
