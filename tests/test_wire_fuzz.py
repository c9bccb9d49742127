"""Wire fuzzing: thousands of malformed, forged, replayed and hostile messages on shell and
control must neither kill the kernel nor run anything unsigned. RECEPTIVE_FUZZ_COUNT sets the
count (default 10,000), RECEPTIVE_FUZZ_SEED the seed."""
import hashlib
import hmac
import json
import os
import random
import time
import uuid

from conftest import run_cell, texts
from kernel_process import KernelProcess

COUNT = int(os.environ.get("RECEPTIVE_FUZZ_COUNT", "10000"))
SEED = int(os.environ.get("RECEPTIVE_FUZZ_SEED", "20261128"))
DELIMITER = b"<IDS|MSG>"
HOSTILE_VALUES = [None, True, -1, 2**70, 1.5e308, "", "x" * 10_000, [], [1, "a"], {}, {"a": {"b": []}}, "\u0000\udfff"]
REQUEST_TYPES = ["execute_request", "complete_request", "inspect_request", "history_request",
                 "is_complete_request", "comm_info_request", "kernel_info_request", "comm_open",
                 "comm_msg", "comm_close", "interrupt_request", "debug_request", "input_reply",
                 "frobnicate_request", "", "shutdown_reply"]
CONTENT_FIELDS = ["code", "silent", "store_history", "user_expressions", "allow_stdin", "stop_on_error",
                  "cursor_pos", "detail_level", "hist_access_type", "n", "pattern", "unique", "output",
                  "raw", "session", "start", "stop", "comm_id", "target_name", "data", "value"]
HEADER_FIELDS = ["msg_id", "msg_type", "session", "username", "date", "version"]


class Fuzzer:
    """Builds one malformed message at a time; `signed` ones carry a valid HMAC."""

    def __init__(self, key: bytes, rng: random.Random):
        self.key, self.rng = key, rng

    def sign(self, parts, key=None) -> bytes:
        return hmac.new(key or self.key, b"".join(parts), hashlib.sha256).hexdigest().encode()

    def header(self, msg_type: str) -> dict:
        return {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": "fuzz", "username": "fuzz",
                "date": "2026-11-28T00:00:00Z", "version": "5.4"}

    def content(self) -> dict:
        # Never a string `code`: a signed execute with real code would be a legitimate request.
        fields = self.rng.sample(CONTENT_FIELDS, self.rng.randint(0, 6))
        content = {name: self.rng.choice(HOSTILE_VALUES) for name in fields}
        if "code" in content and isinstance(content["code"], str):
            content["code"] = 17
        return content

    def encode(self, value) -> bytes:
        return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")

    def signed(self, header, parent=None, metadata=None, content=None, extra=()):
        parts = [self.encode(header), self.encode(parent or {}), self.encode(metadata or {}),
                 self.encode(content if content is not None else self.content())]
        return [DELIMITER, self.sign(parts)] + parts + list(extra)

    def random_frames(self):
        return [self.rng.randbytes(self.rng.randint(0, 64)) for _ in range(self.rng.randint(1, 9))]

    def no_delimiter(self):
        return self.signed(self.header("execute_request"), content={"code": "pwned = 1"})[1:]

    def truncated_json(self):
        frames = self.signed(self.header("execute_request"), content={"code": "pwned = 1"})
        index = self.rng.randint(2, 5)
        frames[index] = frames[index][: self.rng.randint(0, len(frames[index]) - 1)]
        frames[1] = self.sign(frames[2:6])
        return frames

    def invalid_json(self):
        junk = [b"{", b"[1]", b"nul", b"\xff\xfe", b'{"a":}', b"{}}", b"NaN", b'"str"', b"1e999999"]
        parts = [self.encode(self.header("kernel_info_request")), b"{}", b"{}", b"{}"]
        parts[self.rng.randrange(4)] = self.rng.choice(junk)
        return [DELIMITER, self.sign(parts)] + parts

    def wrong_header_types(self):
        header = self.header(self.rng.choice(REQUEST_TYPES))
        for name in self.rng.sample(HEADER_FIELDS, self.rng.randint(1, 3)):
            if self.rng.random() < 0.2:
                del header[name]
            else:
                header[name] = self.rng.choice(HOSTILE_VALUES)
        parent = self.rng.choice([{}, {"msg_id": 5}, {"msg_type": []}, self.header("x")])
        return self.signed(header, parent=parent, metadata=self.rng.choice([{}, {"a": None}]))

    def hostile_content(self):
        return self.signed(self.header(self.rng.choice(REQUEST_TYPES)))

    def non_object_frames(self):
        parts = [self.encode(self.rng.choice(HOSTILE_VALUES[:-1])) for _ in range(4)]
        parts[0] = self.rng.choice([parts[0], self.encode(self.header("kernel_info_request"))])
        return [DELIMITER, self.sign(parts)] + parts

    def bad_signature(self):
        # Every variant differs from the right signature; uppercase hex too, as the HMAC has letters
        # in all but a 1e-13 share of cases.
        frames = self.signed(self.header("execute_request"), content={"code": "pwned = 1", "silent": False})
        frames[1] = self.rng.choice([b"", b"0" * 64, frames[1][:-1] + (b"1" if frames[1].endswith(b"0") else b"0"),
                                     frames[1].upper(), b"x" * 5000,
                                     self.sign(frames[2:6], key=b"not-the-key")])
        return frames

    def huge(self):
        size = self.rng.randint(2, 4) << 20
        frames = self.signed(self.header("execute_request"), content={"code": "pwned = 1"})
        frames[self.rng.randint(1, 5)] = b"{" + b"\"a" * (size // 2)
        return frames

    def extra_buffers(self):
        return self.signed(self.header("kernel_info_request"), content={},
                           extra=[self.rng.randbytes(16) for _ in range(self.rng.randint(1, 20))])

    def next(self):
        kinds = [self.random_frames, self.no_delimiter, self.truncated_json, self.invalid_json,
                 self.wrong_header_types, self.hostile_content, self.non_object_frames, self.bad_signature,
                 self.extra_buffers]
        frames = self.rng.choice(kinds)()
        if self.rng.random() < 0.3:
            frames = [self.rng.randbytes(5)] + frames
        return frames


def _wait_for_reply(socket, session, msg_id: str, timeout: float):
    """Reads replies until the one to `msg_id`, sent last, which marks everything handled."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not socket.poll(timeout=500):
            continue
        _, frames = session.feed_identities(socket.recv_multipart())
        if session.deserialize(frames)["parent_header"].get("msg_id") == msg_id:
            return True
    return False


def test_the_kernel_survives_malformed_wire_traffic(receptive_bin, tmp_path):
    rng = random.Random(SEED)
    with KernelProcess(receptive_bin, tmp_path) as kernel:
        kc = kernel.client()
        try:
            assert run_cell(kc, "replays = 0")[0]["status"] == "ok"
            session = kernel.session()
            fuzzer = Fuzzer(session.key, rng)
            sockets = {name: kernel.dealer(name) for name in ("shell", "control")}
            replayed = session.serialize(session.msg("execute_request", content={
                "code": "replays += 1", "silent": True, "store_history": False, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": False}))
            started = time.monotonic()
            sockets["shell"].send_multipart(replayed)
            for index in range(COUNT):
                socket = sockets["control" if index % 4 == 0 else "shell"]
                if index % 200 == 0:
                    frames = fuzzer.huge()
                elif index % 50 == 0:
                    frames = replayed
                else:
                    frames = fuzzer.next()
                socket.send_multipart(frames)
            last = {}
            for name, socket in sockets.items():
                message = session.msg("kernel_info_request")
                last[name] = message["header"]["msg_id"]
                socket.send_multipart(session.serialize(message))
            for name, socket in sockets.items():
                assert _wait_for_reply(socket, session, last[name], 60), f"{name} stopped answering after the fuzz"
            elapsed = time.monotonic() - started
            print(f"{COUNT} malformed messages handled in {elapsed:.1f} s (seed {SEED})")

            assert kernel.process.poll() is None, "the kernel died"
            for socket in sockets.values():
                socket.close()
            kc.kernel_info()
            assert kc.get_shell_msg(timeout=10)["msg_type"] == "kernel_info_reply"
            reply, _ = run_cell(kc, "pwned")
            assert reply["status"] == "error" and reply["ename"] == "NameError", "an unsigned message ran"
            reply, outputs = run_cell(kc, "replays")
            assert texts(outputs, "execute_result") == ["1"], "a replayed message ran"
            reply, outputs = run_cell(kc, "6 * 7")
            assert texts(outputs, "execute_result") == ["42"]
        finally:
            kc.stop_channels()
