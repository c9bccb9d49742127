"""Persistent input history: cells survive a kernel restart through the SQLite database in the
Jupyter data directory, and a broken database only costs persistence, never the kernel."""
import os
import sqlite3

from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, run_cell
from kernel_process import KernelProcess


def start(data_dir, stderr=None):
    """A kernel whose Jupyter data directory (so whose history database) is `data_dir`."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(env={**os.environ, "JUPYTER_DATA_DIR": str(data_dir)}, stderr=stderr)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return km, kc


def history(kc, **request):
    msg_id = kc.history(raw=True, **request)
    reply = kc.get_shell_msg(timeout=10)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "ok", reply["content"]
    return [tuple(item[:2]) + (item[2] if isinstance(item[2], str) else tuple(item[2]),)
            for item in reply["content"]["history"]]


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def test_history_survives_a_restart(tmp_path):
    km, kc = start(tmp_path)
    try:
        run_cell(kc, "a = 6")
        run_cell(kc, "a * 7")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=30)
        run_cell(kc, "b = 1")
        tail = history(kc, hist_access_type="tail", n=3)
        earlier = tail[0][0]
        assert tail == [(earlier, 1, "a = 6"), (earlier, 2, "a * 7"), (earlier + 1, 1, "b = 1")]
        assert history(kc, hist_access_type="range", session=-1, start=2, stop=None, output=True) \
            == [(earlier, 2, ("a * 7", "42"))]
        assert history(kc, hist_access_type="range", session=earlier + 1, start=1, stop=None) \
            == [(earlier + 1, 1, "b = 1")]
        assert [entry[2] for entry in history(kc, hist_access_type="search", pattern="a*", n=None)] \
            == ["a = 6", "a * 7"]
    finally:
        stop(km, kc)
    assert (tmp_path / "receptive" / "history.sqlite").is_file()


def test_a_corrupt_database_still_lets_the_kernel_run(tmp_path):
    database = tmp_path / "receptive" / "history.sqlite"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 200)
    with open(tmp_path / "stderr.txt", "w") as stderr:
        km, kc = start(tmp_path, stderr=stderr)
        try:
            reply, _ = run_cell(kc, "x = 3")
            assert reply["status"] == "ok"
            run_cell(kc, "x + 1")
            assert history(kc, hist_access_type="tail", n=5) == [(1, 1, "x = 3"), (1, 2, "x + 1")]
        finally:
            stop(km, kc)
    warnings = [line for line in (tmp_path / "stderr.txt").read_text().splitlines() if "history database" in line]
    assert len(warnings) == 1 and "in memory only" in warnings[0], warnings
    assert database.read_bytes().startswith(b"this is not a database")


def test_a_locked_database_still_lets_the_kernel_run(tmp_path):
    database = tmp_path / "receptive" / "history.sqlite"
    database.parent.mkdir(parents=True)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with open(tmp_path / "stderr.txt", "w") as stderr:
            km, kc = start(tmp_path, stderr=stderr)
            try:
                run_cell(kc, "y = 2")
                assert history(kc, hist_access_type="tail", n=5) == [(1, 1, "y = 2")]
            finally:
                stop(km, kc)
    finally:
        holder.close()
    warnings = [line for line in (tmp_path / "stderr.txt").read_text().splitlines() if "history database" in line]
    assert len(warnings) == 1 and "locked" in warnings[0], warnings


def test_history_file_and_no_history_file_options(receptive_bin, tmp_path):
    database = tmp_path / "elsewhere" / "cells.sqlite"
    for run in (1, 2):
        (tmp_path / f"run{run}").mkdir()
        with KernelProcess(receptive_bin, tmp_path / f"run{run}", extra_args=["--history-file", str(database)]) as kernel:
            kc = kernel.client()
            run_cell(kc, f"run = {run}")
            sessions = [entry[0] for entry in history(kc, hist_access_type="tail", n=10)]
            kc.stop_channels()
        assert len(sessions) == run and sessions == sorted(set(sessions)), sessions
    (tmp_path / "memory").mkdir()
    with KernelProcess(receptive_bin, tmp_path / "memory", extra_args=["--no-history-file"]) as kernel:
        kc = kernel.client()
        run_cell(kc, "fresh = 1")
        assert history(kc, hist_access_type="tail", n=10) == [(1, 1, "fresh = 1")]
        kc.stop_channels()
