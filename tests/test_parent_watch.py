"""A kernel whose owner dies goes away too, as ipykernel's does: jupyter_client names the owner
in JPY_PARENT_PID, and a Jupyter server that exits without shutting its kernels down (JupyterHub
stops single-user servers with SIGINT) must not leave them running."""
import os
import signal
import subprocess
import sys
import textwrap

from jupyter_client.connect import write_connection_file

from servers import pid_alive, wait_gone

OWNER = textwrap.dedent("""
    import os, subprocess, sys, time
    env = dict(os.environ)
    if sys.argv[3] == "owned":
        env["JPY_PARENT_PID"] = str(os.getpid())
    kernel = subprocess.Popen([sys.argv[1], "kernel", "-f", sys.argv[2]], env=env, start_new_session=True)
    print(kernel.pid, flush=True)
    time.sleep(600)
""")


def start_owner(receptive_bin, tmp_path, mode):
    connection, _ = write_connection_file(str(tmp_path / f"{mode}.json"), key=b"parent-watch")
    owner = subprocess.Popen([sys.executable, "-c", OWNER, receptive_bin, connection, mode],
                             stdout=subprocess.PIPE, text=True)
    return owner, int(owner.stdout.readline())


def test_a_kernel_stops_when_the_process_named_in_jpy_parent_pid_dies(receptive_bin, tmp_path):
    owner, kernel = start_owner(receptive_bin, tmp_path, "owned")
    try:
        assert pid_alive(kernel)
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(10)
        assert wait_gone(kernel, timeout=10), "the kernel outlived its owner"
    finally:
        if pid_alive(kernel):
            os.kill(kernel, signal.SIGKILL)


def test_a_kernel_without_a_named_owner_keeps_running(receptive_bin, tmp_path):
    owner, kernel = start_owner(receptive_bin, tmp_path, "unowned")
    try:
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(10)
        assert not wait_gone(kernel, timeout=2.5), "a kernel started by hand stopped when its parent went away"
    finally:
        os.kill(kernel, signal.SIGTERM)
        assert wait_gone(kernel, timeout=10)
