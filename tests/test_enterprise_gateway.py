"""Jupyter Enterprise Gateway: Receptive's kernel launcher (deploy/enterprise-gateway).

- The launcher against a stand-in for EG's response manager (the same RSA/AES envelope EG
  decodes), started through the kernel image's bootstrap-kernel.sh with the environment EG's
  container process proxies set: the connection information arrives, a client runs cells with
  it, {"signum": 2} on the communication port interrupts a cell, {"shutdown": 1} and a
  shutdown_request end kernel and launcher, and a launcher killed outright takes its kernel along.
- A real Enterprise Gateway 3.3 (in .venv-eg: it cannot share .venv's jupyter_client) in its
  distributed mode on localhost, which launches without ssh when the host is local, with the
  repository's receptive_distributed kernelspec: a kernel started over EG's REST API runs cells
  over its websocket, is interrupted, keeps its state, and every process under EG is gone
  after the kernel is deleted.
Not tested here (no Docker engine or Kubernetes): building the image and EG's Kubernetes and
Docker process proxies starting it."""
import base64
import json
import os
import signal
import socket
import subprocess
import threading
import time
import uuid

import pytest
from Cryptodome.Cipher import AES, PKCS1_v1_5
from Cryptodome.PublicKey import RSA
from Cryptodome.Util.Padding import unpad
from jupyter_client import BlockingKernelClient

from conftest import ROOT, VENV_BIN
from servers import LONG_CELL, KernelSocket, free_port, pid_alive, request, stop, wait_for, wait_gone
from test_jupyterhub import descendants

DEPLOY = ROOT / "deploy" / "enterprise-gateway"
EG_PYTHON = ROOT / ".venv-eg" / "bin" / "python"


class ResponseManager:
    """What EG does with a launcher's answer (enterprise_gateway/services/processproxies/
    processproxy.py, ResponseManager): an RSA key pair, a listening socket, and the decoding of
    the version-1 envelope."""

    def __init__(self):
        self.key = RSA.generate(1024)
        pem = self.key.publickey().export_key("PEM").decode()
        self.public_key = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replace("\n", "")
        self.server = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.server.getsockname()[1]}"

    def receive(self, timeout=30) -> dict:
        self.server.settimeout(timeout)
        connection, _ = self.server.accept()
        data = b""
        with connection:
            while chunk := connection.recv(1024):
                data += chunk
        envelope = json.loads(base64.b64decode(data))
        assert envelope["version"] == 1
        aes_key = PKCS1_v1_5.new(self.key).decrypt(base64.b64decode(envelope["key"]), b"\x42")
        info = unpad(AES.new(aes_key, AES.MODE_ECB).decrypt(base64.b64decode(envelope["conn_info"])), 16)
        return json.loads(info)


def tell_launcher(info: dict, request_body: dict):
    with socket.create_connection(("127.0.0.1", info["comm_port"]), timeout=10) as connection:
        connection.sendall(json.dumps(request_body).encode())


def start_launcher(receptive_bin, tmp_path, manager, kernel_id, port_range="40000..49999"):
    env = dict(os.environ, KERNEL_ID=kernel_id, RESPONSE_ADDRESS=manager.address, PUBLIC_KEY=manager.public_key,
               PORT_RANGE=port_range, RECEPTIVE=receptive_bin, RECEPTIVE_LAUNCHER=str(DEPLOY / "launch_receptive.py"),
               RECEPTIVE_LAUNCHER_ARGS="--ip 127.0.0.1", PATH=f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}")
    log = open(tmp_path / "launcher.log", "wb")
    return subprocess.Popen([str(DEPLOY / "bootstrap-kernel.sh")], env=env, stdout=log, stderr=subprocess.STDOUT)


def client_for(info: dict) -> BlockingKernelClient:
    client = BlockingKernelClient()
    client.load_connection_info({key: info[key] for key in ("ip", "key", "transport", "signature_scheme",
                                                           "shell_port", "iopub_port", "stdin_port", "hb_port",
                                                           "control_port")})
    client.start_channels()
    client.wait_for_ready(timeout=30)
    return client


def run(client, code, timeout=30):
    results = []
    reply = client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: results.append(msg))
    texts = [m["content"]["data"]["text/plain"] for m in results if m["msg_type"] == "execute_result"]
    return reply["content"], texts


def test_the_launcher_reports_the_kernel_answers_signals_and_shuts_down(receptive_bin, tmp_path):
    manager = ResponseManager()
    kernel_id = str(uuid.uuid4())
    launcher = start_launcher(receptive_bin, tmp_path, manager, kernel_id)
    try:
        info = manager.receive()
        assert info["kernel_id"] == kernel_id and info["ip"] == "127.0.0.1"
        assert all(40000 <= info[name] <= 49999 for name in ("shell_port", "iopub_port", "stdin_port", "hb_port",
                                                              "control_port", "comm_port"))
        assert pid_alive(info["pid"]) and info["pgid"] == os.getpgid(info["pid"])
        client = client_for(info)
        reply, texts = run(client, "answer = 41 + 1\nanswer")
        assert reply["status"] == "ok" and texts == ["42"]

        tell_launcher(info, {"signum": 0})  # EG's liveness poll: nothing happens
        msg_id = client.execute(LONG_CELL)
        time.sleep(1)
        tell_launcher(info, {"signum": signal.SIGINT})
        reply = client.get_shell_msg(timeout=15)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
        assert run(client, "answer")[1] == ["42"]

        tell_launcher(info, {"shutdown": 1})
        client.shutdown()
        assert launcher.wait(20) == 0, (tmp_path / "launcher.log").read_text()
        assert wait_gone(info["pid"])
        client.stop_channels()
    finally:
        stop(launcher)


def test_a_killed_launcher_takes_its_kernel_along(receptive_bin, tmp_path):
    manager = ResponseManager()
    launcher = start_launcher(receptive_bin, tmp_path, manager, str(uuid.uuid4()), port_range="0..0")
    info = manager.receive()
    try:
        launcher.kill()
        launcher.wait(10)
        assert wait_gone(info["pid"], timeout=10), "the kernel outlived its launcher"
    finally:
        if pid_alive(info["pid"]):
            os.kill(info["pid"], signal.SIGKILL)


def test_the_launcher_refuses_a_bad_port_range(tmp_path):
    run = subprocess.run([str(VENV_BIN / "python"), str(DEPLOY / "launch_receptive.py"), "--port-range", "9..2"],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 2 and "--port-range '9..2' is not a range of ports" in run.stderr


@pytest.fixture()
def enterprise_gateway(tmp_path, receptive_bin):
    if not EG_PYTHON.exists():
        pytest.fail("Enterprise Gateway is not installed in .venv-eg: run scripts/setup.sh")
    spec = json.loads((DEPLOY / "kernelspecs" / "receptive_distributed" / "kernel.json").read_text())
    argv = spec["argv"]
    argv[0], argv[1] = str(EG_PYTHON), str(DEPLOY / "launch_receptive.py")
    argv[argv.index("--receptive") + 1] = receptive_bin
    argv += ["--ip", "127.0.0.1"]
    kernels = tmp_path / "share" / "jupyter" / "kernels"
    (kernels / "receptive_distributed").mkdir(parents=True)
    (kernels / "receptive_distributed" / "kernel.json").write_text(json.dumps(spec))
    # The Kubernetes kernelspec as shipped: EG must read it (no cluster here to start it on).
    (kernels / "receptive_kubernetes").mkdir()
    (kernels / "receptive_kubernetes" / "kernel.json").write_text(
        (DEPLOY / "kernelspecs" / "receptive_kubernetes" / "kernel.json").read_text())

    port, token = free_port(), uuid.uuid4().hex
    env = dict(os.environ, JUPYTER_PATH=str(tmp_path / "share" / "jupyter"), EG_RESPONSE_IP="127.0.0.1",
               EG_RESPONSE_PORT=str(free_port()), EG_KERNEL_LOG_DIR=str(tmp_path), EG_REMOTE_HOSTS="localhost",
               EG_KERNEL_LAUNCH_TIMEOUT="60")
    log_path = tmp_path / "enterprise-gateway.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(EG_PYTHON), "-m", "enterprise_gateway", "--ip=127.0.0.1", f"--port={port}", "--port_retries=0",
             f"--EnterpriseGatewayApp.auth_token={token}"],
            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/api", process, log_path, token=token, status=200, timeout=90)
        yield f"127.0.0.1:{port}", token, process, log_path
    finally:
        stop(process)


def test_enterprise_gateway_runs_a_receptive_kernel_through_the_launcher(enterprise_gateway):
    address, token, process, log_path = enterprise_gateway
    status, specs = request(f"http://{address}/api/kernelspecs", token=token)
    assert status == 200 and "receptive_distributed" in specs["kernelspecs"], specs
    process_proxy = specs["kernelspecs"]["receptive_distributed"]["spec"]["metadata"]["process_proxy"]
    assert process_proxy["class_name"].endswith("DistributedProcessProxy")
    kubernetes = specs["kernelspecs"]["receptive_kubernetes"]["spec"]
    assert kubernetes["metadata"]["process_proxy"]["config"]["image_name"].startswith("receptive/kernel-receptive:")
    assert {"{kernel_id}", "{response_address}", "{public_key}", "{port_range}"} <= set(kubernetes["argv"])
    # Both process proxy classes exist in this EG (k8s.py cannot be imported outside a cluster:
    # it loads the in-cluster configuration at import, so its source is read instead).
    for spec in specs["kernelspecs"].values():
        module, _, name = spec["spec"]["metadata"]["process_proxy"]["class_name"].rpartition(".")
        probe = (f"import importlib.util, sys; origin = importlib.util.find_spec({module!r}).origin; "
                 f"sys.exit(f'class {name}(' not in open(origin).read())")
        subprocess.run([str(EG_PYTHON), "-c", probe], check=True, timeout=60)
    # EG refuses kernels for root (EnterpriseGatewayApp.unauthorized_users); the tests run as root.
    body = {"name": "receptive_distributed", "env": {"KERNEL_USERNAME": "student"}}
    status, kernel = request(f"http://{address}/api/kernels", "POST", body, token=token, timeout=90)
    assert status == 201, log_path.read_text()[-4000:]
    started = descendants(process.pid)
    assert any("launch_receptive.py" in command_line for command_line in map(_command_line, started))
    channels = KernelSocket(f"ws://{address}/api/kernels/{kernel['id']}/channels", token)
    try:
        first = channels.execute("edges = correlate([0, 0, 1, 1], [-1, 1], mode: \"valid\")\nedges")
        assert first["status"] == "ok" and first["results"] == ["tensor 3\n[0. 1. 0.]"], first
        msg_id = channels.send("execute_request", {"code": LONG_CELL, "silent": False, "store_history": True,
                                                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        time.sleep(1)
        assert request(f"http://{address}/api/kernels/{kernel['id']}/interrupt", "POST", token=token)[0] == 204
        interrupted = channels.collect(msg_id)
        assert interrupted["ename"] == "Interrupted", interrupted
        assert channels.execute("edges.shape")["results"] == ["[3]"]
    finally:
        channels.close()
    assert request(f"http://{address}/api/kernels/{kernel['id']}", "DELETE", token=token, timeout=60)[0] == 204
    left = [pid for pid in started if not wait_gone(pid, timeout=20)]
    assert not left, f"still running after the kernel was deleted: {[_command_line(pid) for pid in left]}"


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline") as handle:
            return handle.read().replace("\0", " ")
    except OSError:
        return ""
