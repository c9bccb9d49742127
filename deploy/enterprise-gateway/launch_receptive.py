#!/usr/bin/env python3
"""Jupyter Enterprise Gateway's kernel launcher for Receptive.

Enterprise Gateway (EG) starts remote kernels through a launcher that runs where the kernel
runs (a host of a distributed cluster, a Kubernetes pod, a container). This one follows the
contract of EG's own launchers (etc/kernel-launchers/python/scripts/launch_ipykernel.py and the
R kernel's gateway_listener.py, launcher payload version 1), in the R kernel's "hybrid" way: the
launcher does ports and encryption, and the kernel itself is the native `receptive kernel`.

1. Picks five kernel ports and a communication port, within --port-range when one is given.
2. Writes a connection file with a fresh key, binding --ip (0.0.0.0 by default: EG connects from
   another host), and starts `receptive kernel -f FILE` with JPY_PARENT_PID naming this
   launcher, so the kernel stops if the launcher is killed.
3. Sends the connection information, with the kernel's pid and process group, the
   communication port and the kernel id, to --response-address: JSON encrypted with a random
   AES-128 key (ECB, PKCS#7 padding), the key encrypted with EG's RSA --public-key (PKCS#1 v1.5),
   all base64-encoded in a {"version": 1, "key", "conn_info"} envelope.
4. Listens on the communication port for EG's requests, each one JSON object per connection:
   {"signum": n} sends signal n to the kernel (0 is EG's liveness poll), {"shutdown": 1} ends
   the listener; the kernel has then been asked to shut down over its control channel, and is
   terminated if it has not exited within --shutdown-grace seconds.
5. Exits with the kernel's exit status, removing the connection file. SIGINT and SIGTERM sent
   to the launcher are passed to the kernel (interrupt, clean shutdown).

Needs Python 3.8+ and PyCryptodome (`Cryptodome` from pycryptodomex, or `Crypto` from Debian's
python3-pycryptodome).
"""
import argparse
import base64
import json
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

try:
    from Cryptodome.Cipher import AES, PKCS1_v1_5
    from Cryptodome.PublicKey import RSA
    from Cryptodome.Random import get_random_bytes
    from Cryptodome.Util.Padding import pad
except ImportError:  # Debian and Ubuntu package PyCryptodome under its original name
    from Crypto.Cipher import AES, PKCS1_v1_5
    from Crypto.PublicKey import RSA
    from Crypto.Random import get_random_bytes
    from Crypto.Util.Padding import pad

LAUNCHER_VERSION = 1  # the payload format EG's ResponseManager decodes
PORT_NAMES = ("shell_port", "iopub_port", "stdin_port", "hb_port", "control_port")
LOG = logging.getLogger("launch_receptive")


class LaunchError(Exception):
    """The kernel cannot be launched as asked."""


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Start a Receptive kernel for Jupyter Enterprise Gateway.")
    # EG's kernelspecs pass these as --name or, in older ones, --RemoteProcessProxy.name.
    for name, text in [("kernel-id", "the kernel's id, echoed back to EG"),
                       ("port-range", "LOWER..UPPER: the ports the kernel may use (0..0: any)"),
                       ("response-address", "IP:PORT where EG waits for the connection information"),
                       ("public-key", "EG's RSA public key (base64 DER) for the AES key"),
                       ("spark-context-initialization-mode", "accepted for EG's sake; Receptive has no Spark"),
                       ("kernel-class-name", "accepted for EG's sake; ignored")]:
        dest = name.replace("-", "_")
        parser.add_argument(f"--{name}", dest=dest, help=text)
        parser.add_argument(f"--RemoteProcessProxy.{name}", dest=f"legacy_{dest}", help=argparse.SUPPRESS)
    parser.add_argument("--ip", default="0.0.0.0", help="address the kernel and the listener bind (default 0.0.0.0)")
    parser.add_argument("--receptive", default="receptive", help="the receptive executable (default: from PATH)")
    parser.add_argument("--shutdown-grace", type=float, default=10.0,
                        help="seconds the kernel has to exit after EG's shutdown request (default 10)")
    parser.add_argument("connection_file", nargs="?", help="ignored: EG's older launchers took a file name here")
    args = parser.parse_args(argv)
    for key in list(vars(args)):
        if key.startswith("legacy_"):
            current = key[len("legacy_"):]
            if getattr(args, current) is None:
                setattr(args, current, getattr(args, key))
            delattr(args, key)
    return args


def port_range(text):
    """(lower, upper) from 'LOWER..UPPER'; (0, 0) lets the system choose."""
    if not text:
        return 0, 0
    try:
        lower, upper = (int(part) for part in text.split(".."))
    except ValueError:
        raise LaunchError(f"--port-range must be LOWER..UPPER, found {text!r}") from None
    if not (lower == upper == 0 or 0 < lower < upper <= 65535):
        raise LaunchError(f"--port-range {text!r} is not a range of ports")
    return lower, upper


def bound_socket(ip, ports, attempts=50):
    """A TCP socket bound to `ip` on a free port within `ports`."""
    lower, upper = ports
    for _ in range(attempts):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((ip, 0 if upper == 0 else random.randint(lower, upper)))
            return sock
        except OSError:
            sock.close()
    raise LaunchError(f"no free port in {lower}..{upper} on {ip} after {attempts} tries")


def encrypted_payload(connection_info, public_key):
    """EG's version-1 envelope: AES-encrypted JSON and the RSA-encrypted AES key, base64."""
    aes_key = get_random_bytes(16)
    conn_info = AES.new(aes_key, AES.MODE_ECB).encrypt(pad(json.dumps(connection_info).encode(), 16))
    rsa_key = RSA.import_key(base64.b64decode(public_key))
    envelope = {"version": LAUNCHER_VERSION,
                "key": base64.b64encode(PKCS1_v1_5.new(rsa_key).encrypt(aes_key)).decode(),
                "conn_info": base64.b64encode(conn_info).decode()}
    return base64.b64encode(json.dumps(envelope).encode())


def send_connection_info(address, payload):
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            connection.sendall(payload)
    except (OSError, ValueError) as error:
        raise LaunchError(f"cannot send the connection information to {address}: {error}") from None


def read_request(connection):
    data = b""
    while True:
        chunk = connection.recv(1024)
        if not chunk:
            break
        data += chunk
    return json.loads(data.decode()) if data else None


def listen(server, kernel, shutdown_requested):
    """Serves EG's requests on the communication port until a shutdown request or the kernel's end."""
    server.listen(8)
    server.settimeout(1.0)
    while kernel.poll() is None and not shutdown_requested.is_set():
        try:
            connection, _ = server.accept()
        except socket.timeout:
            continue
        try:
            with connection:
                connection.settimeout(5)
                request = read_request(connection)
        except (OSError, ValueError) as error:
            LOG.warning("ignoring an unreadable request: %s", error)
            continue
        if not isinstance(request, dict):
            continue
        signum = request.get("signum")
        if signum is not None:
            try:
                signum = int(signum)
                if signum > 0:
                    LOG.info("signal %d for the kernel", signum)
                    kernel.send_signal(signum)
            except (ValueError, OSError) as error:
                LOG.warning("cannot signal the kernel with %r: %s", signum, error)
        if request.get("shutdown"):
            LOG.info("shutdown requested")
            shutdown_requested.set()
    server.close()


def main(argv=None):
    logging.basicConfig(format="[%(levelname)1.1s %(asctime)s %(name)s] %(message)s",
                        level=os.environ.get("EG_LOG_LEVEL", "INFO").upper()
                        if not os.environ.get("EG_LOG_LEVEL", "").isdigit() else int(os.environ["EG_LOG_LEVEL"]))
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        ports = port_range(args.port_range)
        if args.response_address and not args.public_key:
            raise LaunchError("--response-address needs --public-key")
        kernel_sockets = [bound_socket(args.ip, ports) for _ in PORT_NAMES]
        comm_socket = bound_socket(args.ip, ports)
    except LaunchError as error:
        LOG.error("%s", error)
        return 2

    runtime = tempfile.mkdtemp(prefix="receptive-eg-")
    connection_file = os.path.join(runtime, f"kernel-{args.kernel_id or uuid.uuid4()}.json")
    connection = {name: sock.getsockname()[1] for name, sock in zip(PORT_NAMES, kernel_sockets)}
    connection.update({"ip": args.ip, "key": str(uuid.uuid4()), "transport": "tcp",
                       "signature_scheme": "hmac-sha256", "kernel_name": "receptive"})
    with open(os.open(connection_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
        json.dump(connection, handle)
    for sock in kernel_sockets:  # the kernel binds them next
        sock.close()

    env = dict(os.environ, JPY_PARENT_PID=str(os.getpid()))
    try:
        kernel = subprocess.Popen([args.receptive, "kernel", "-f", connection_file], env=env)
    except OSError as error:
        LOG.error("cannot start %s: %s", args.receptive, error)
        return 2
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda number, _frame: kernel.send_signal(number))
    LOG.info("kernel %s started, pid %d, on %s ports %s", args.kernel_id, kernel.pid, args.ip,
             {name: connection[name] for name in PORT_NAMES})  # never the key: this log is EG's kernel log

    shutdown_requested = threading.Event()
    try:
        if args.response_address:
            info = dict(connection, pid=kernel.pid, pgid=os.getpgid(kernel.pid),
                        comm_port=comm_socket.getsockname()[1], kernel_id=args.kernel_id)
            send_connection_info(args.response_address, encrypted_payload(info, args.public_key))
        listener = threading.Thread(target=listen, args=(comm_socket, kernel, shutdown_requested), daemon=True)
        listener.start()
        while kernel.poll() is None and not shutdown_requested.wait(0.5):
            pass
        if kernel.poll() is None:
            deadline = time.monotonic() + args.shutdown_grace
            while kernel.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            if kernel.poll() is None:
                LOG.warning("the kernel did not exit %.0f s after the shutdown request; terminating it",
                            args.shutdown_grace)
                kernel.terminate()
        status = kernel.wait()
    except LaunchError as error:
        LOG.error("%s", error)
        kernel.terminate()
        kernel.wait()
        status = 2
    finally:
        for path in (connection_file, runtime):
            try:
                os.remove(path) if path == connection_file else os.rmdir(path)
            except OSError:
                pass
    return status if status >= 0 else 128 - status


if __name__ == "__main__":
    sys.exit(main())
