"""Jupyter Kernel Gateway on loopback: a Receptive kernel started over its REST API runs cells
over its websocket, is interrupted by a REST call (the kernelspec's message-mode interrupt,
sent on the control channel), keeps its state, and is shut down."""
import subprocess
import sys
import time
import uuid

import pytest

from conftest import KERNEL_NAME
from servers import LONG_CELL, KernelSocket, free_port, request, stop, wait_for


@pytest.fixture()
def gateway(tmp_path):
    port, token = free_port(), uuid.uuid4().hex
    log_path = tmp_path / "kernelgateway.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "kernelgateway", "--KernelGatewayApp.ip=127.0.0.1",
             f"--KernelGatewayApp.port={port}", "--KernelGatewayApp.port_retries=0",
             f"--KernelGatewayApp.auth_token={token}"],
            cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/api", process, log_path)
        yield f"127.0.0.1:{port}", token
    finally:
        stop(process)


def test_a_receptive_kernel_runs_cells_through_the_kernel_gateway(gateway):
    address, token = gateway
    status, specs = request(f"http://{address}/api/kernelspecs", token=token)
    assert status == 200 and KERNEL_NAME in specs["kernelspecs"]
    assert request(f"http://{address}/api/kernels", "POST", {"name": KERNEL_NAME})[0] in (401, 403)
    status, kernel = request(f"http://{address}/api/kernels", "POST", {"name": KERNEL_NAME}, token=token)
    assert status == 201, kernel
    channels = KernelSocket(f"ws://{address}/api/kernels/{kernel['id']}/channels", token)
    try:
        run = channels.execute("x = [1, 2, 3]\nprint(len(x))\nx * 2")
        assert run["status"] == "ok", run
        assert run["stdout"] == "3\n" and run["results"] == ["tensor 3\n[2. 4. 6.]"]

        msg_id = channels.send("execute_request", {"code": LONG_CELL, "silent": False, "store_history": True,
                                                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        time.sleep(1)
        started = time.monotonic()
        assert request(f"http://{address}/api/kernels/{kernel['id']}/interrupt", "POST", token=token)[0] == 204
        interrupted = channels.collect(msg_id)
        assert interrupted["status"] == "error" and interrupted["ename"] == "Interrupted", interrupted
        assert time.monotonic() - started < 5

        again = channels.execute("x.shape")
        assert again["results"] == ["[3]"], again
    finally:
        channels.close()
    assert request(f"http://{address}/api/kernels/{kernel['id']}", "DELETE", token=token)[0] == 204
    assert request(f"http://{address}/api/kernels/{kernel['id']}", token=token)[0] == 404
