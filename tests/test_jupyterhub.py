"""JupyterHub on loopback with two users. The kernelspec is installed the way a Hub deployment
installs it, `receptive install --sys-prefix` into the environment the single-user servers run
in (a throwaway venv here, which sees .venv's packages through a .pth file), and the servers are
not told JUPYTER_PATH: they find the kernel through their own sys.prefix. Each user starts a
Receptive kernel through their own server behind the Hub's proxy, runs cells over its
websocket, and keeps their own state; one user's token does not open the other's server.

The Hub uses a dummy authenticator and the local-process spawner ("for testing"), and Debian's
configurable-http-proxy. Stopping the Hub stops the proxy, the servers and their kernels: the
test checks that every process under the Hub is gone."""
import os
import pathlib
import site
import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from conftest import KERNEL_NAME
from servers import KernelSocket, free_port, pid_alive, request, stop, wait_for, wait_gone

USERS = ("alice", "bob")


def node_path() -> str:
    """Debian's node modules folder, which the machine's Node may not search by itself."""
    listing = subprocess.run(["dpkg", "-L", "node-commander"], capture_output=True, text=True)
    commander = next((line for line in listing.stdout.splitlines() if line.endswith("/commander")), None)
    if commander is None:
        pytest.fail("node-commander (configurable-http-proxy's dependency) is not installed: run scripts/setup.sh")
    return os.path.dirname(commander)


def descendants(pid: int) -> set[int]:
    """Every process whose parent chain leads to `pid`, from /proc."""
    parents = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def command_line(pid: int) -> str:
    try:
        return pathlib.Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").strip()
    except OSError:
        return "?"


@pytest.fixture()
def hub(tmp_path, receptive_bin):
    env_dir = tmp_path / "hubenv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    (env_dir / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
     / "venv-packages.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = subprocess.run([receptive_bin, "install", "--sys-prefix"], capture_output=True, text=True,
                             env={**os.environ, "VIRTUAL_ENV": str(env_dir)})
    assert install.returncode == 0, install.stderr
    assert (env_dir / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json").exists()

    token, proxy_port = uuid.uuid4().hex, free_port()
    config = tmp_path / "jupyterhub_config.py"
    config.write_text(textwrap.dedent(f"""
        c.JupyterHub.ip = "127.0.0.1"
        c.JupyterHub.port = {proxy_port}
        c.JupyterHub.hub_ip = "127.0.0.1"
        c.JupyterHub.hub_port = {free_port()}
        c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
        c.ConfigurableHTTPProxy.pid_file = {str(tmp_path / "proxy.pid")!r}
        c.JupyterHub.db_url = "sqlite:///{tmp_path / 'jupyterhub.sqlite'}"
        c.JupyterHub.cookie_secret_file = {str(tmp_path / "cookie_secret")!r}
        c.JupyterHub.authenticator_class = "dummy"
        c.DummyAuthenticator.password = {uuid.uuid4().hex!r}
        c.Authenticator.allowed_users = {set(USERS)!r}
        c.JupyterHub.spawner_class = "simple"
        c.SimpleLocalProcessSpawner.home_dir_template = {str(tmp_path / "home" / "{username}")!r}
        c.Spawner.cmd = [{str(env_dir / "bin" / "python")!r}, "-m", "jupyterhub.singleuser"]
        c.Spawner.ip = "127.0.0.1"
        c.Spawner.args = ["--ServerApp.allow_root=True"]  # tests run as root here and in CI
        c.Spawner.start_timeout = 120
        c.Spawner.http_timeout = 120
        c.JupyterHub.services = [{{"name": "test-admin", "api_token": {token!r}}}]
        c.JupyterHub.load_roles = [{{"name": "test-admin", "services": ["test-admin"],
            "scopes": ["admin:users", "admin:servers", "admin:server_state", "tokens"]}}]
    """))
    env = {key: value for key, value in os.environ.items() if key != "JUPYTER_PATH"}
    env["NODE_PATH"] = node_path()
    log_path = tmp_path / "jupyterhub.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(env_dir / "bin" / "python"), "-m", "jupyterhub", "-f", str(config)],
                                   cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{proxy_port}"
    started: set[int] = set()
    try:
        wait_for(f"{base}/hub/api/", process, log_path, timeout=90, status=200)
        yield base, token, process, log_path, started
    finally:
        started |= descendants(process.pid)
        stop(process, timeout=60)
        survivors = {pid: command_line(pid) for pid in started if not wait_gone(pid, timeout=20)}
        for pid in survivors:
            os.kill(pid, 9)
        assert not survivors, f"processes left running after the Hub stopped: {survivors}"


def start_server(base: str, token: str, user: str, log_path) -> str:
    """Creates the user, starts their server, waits until it is ready, and returns a token of
    the user's."""
    assert request(f"{base}/hub/api/users/{user}", "POST", token=token)[0] in (201, 409)
    status, _ = request(f"{base}/hub/api/users/{user}/server", "POST", token=token)
    assert status in (201, 202), f"starting {user}'s server: HTTP {status}"
    deadline = time.monotonic() + 120
    while True:
        status, model = request(f"{base}/hub/api/users/{user}", token=token)
        if status == 200 and model["servers"].get("", {}).get("ready"):
            break
        assert time.monotonic() < deadline, f"{user}'s server did not become ready:\n{open(log_path).read()[-4000:]}"
        time.sleep(0.5)
    status, created = request(f"{base}/hub/api/users/{user}/tokens", "POST", {"note": "test"}, token=token)
    assert status == 201, status
    return created["token"]


def test_two_users_run_receptive_kernels_with_separate_state(hub):
    base, admin_token, _, log_path, started = hub
    tokens = {user: start_server(base, admin_token, user, log_path) for user in USERS}
    for user in USERS:
        status, model = request(f"{base}/hub/api/users/{user}", token=admin_token)
        started.add(model["servers"][""]["state"]["pid"])

    sockets = {}
    try:
        for number, user in enumerate(USERS):
            status, specs = request(f"{base}/user/{user}/api/kernelspecs", token=tokens[user])
            assert status == 200 and KERNEL_NAME in specs["kernelspecs"], specs
            status, kernel = request(f"{base}/user/{user}/api/kernels", "POST", {"name": KERNEL_NAME}, token=tokens[user])
            assert status == 201, status
            sockets[user] = KernelSocket(f"ws://{base.removeprefix('http://')}/user/{user}/api/kernels/{kernel['id']}/channels",
                                         tokens[user])
            run = sockets[user].execute(f'owner = "{user}"\nsecret = {number + 7}\nprint(owner)')
            assert run["status"] == "ok" and run["stdout"] == f"{user}\n", run
        for number, user in enumerate(USERS):
            run = sockets[user].execute("print(owner, secret)")
            assert run["stdout"] == f"{user} {number + 7}\n", run
        alice, bob = USERS
        assert request(f"{base}/user/{alice}/api/kernels", token=tokens[bob])[0] in (403, 404)
    finally:
        for channels in sockets.values():
            channels.close()
    assert all(pid_alive(pid) for pid in started)
