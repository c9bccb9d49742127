"""JupyterLab's debugger protocol (JEP 47) through jupyter_client: debug_request on control,
debug_reply, debug_event on iopub, each request between busy and idle, in the order
JupyterLab 4's packages/debugger sends them; and bad requests, which must be answered with an
error reply, never silence."""
import itertools
import os
import time

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, run_cell


class Debug:
    """Sends DAP requests as debug_request on control; keeps the iopub messages it saw."""

    def __init__(self, kc):
        self.kc = kc
        self.seq = itertools.count()
        self.events = []

    def raw(self, content, timeout=15):
        """Sends `content` as a debug_request; returns the reply content once the request's
        idle status arrived (JupyterLab's future resolves only then)."""
        msg = self.kc.session.msg("debug_request", content)
        self.kc.control_channel.send(msg)
        reply = self.kc.control_channel.get_msg(timeout=timeout)
        assert reply["msg_type"] == "debug_reply", reply
        assert reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]
        states = self.statuses(msg["header"]["msg_id"], timeout)
        assert states == ["busy", "idle"], states
        return reply["content"]

    def statuses(self, msg_id, timeout):
        states = []
        deadline = time.monotonic() + timeout
        while "idle" not in states:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["msg_type"] == "debug_event":
                self.events.append(msg["content"])
            if msg["msg_type"] == "status" and msg["parent_header"].get("msg_id") == msg_id:
                states.append(msg["content"]["execution_state"])
        return states

    def __call__(self, command, arguments=None, **kwargs):
        content = {"type": "request", "seq": next(self.seq), "command": command}
        if arguments is not None:
            content["arguments"] = arguments
        return self.raw(content, **kwargs)

    def start(self):
        """What JupyterLab sends when the bug icon is switched on (session.ts `start`,
        service.ts `restoreState`, handler.ts `startDebugger`)."""
        reply = self("initialize", {"clientID": "jupyterlab", "clientName": "JupyterLab", "adapterID": KERNEL_NAME,
                                    "pathFormat": "path", "linesStartAt1": True, "columnsStartAt1": True,
                                    "supportsVariableType": True, "supportsVariablePaging": True,
                                    "supportsRunInTerminalRequest": True, "locale": "en"})
        assert reply["success"], reply
        assert self("attach", {})["success"]
        info = self("debugInfo", {})
        assert info["body"]["isStarted"] is True
        assert self("configurationDone", {})["success"]
        return info["body"]


@pytest.fixture()
def debug(kernel):
    _, kc = kernel
    return Debug(kc)


def test_kernelspec_and_kernel_info_advertise_the_debugger(kernel):
    _, kc = kernel
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert spec.metadata["debugger"] is True
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=10)
    assert reply["content"]["supported_features"] == ["debugger"]
    assert reply["content"]["debugger"] is True


def test_debug_info_names_cells_as_jupyterlab_hashes_them(debug):
    # JupyterLab's very first request, when a notebook connects: seq 0, no arguments.
    reply = debug.raw({"type": "request", "seq": 0, "command": "debugInfo"})
    assert reply["success"] and reply["type"] == "response" and reply["request_seq"] == 0
    body = reply["body"]
    assert body["isStarted"] is False
    assert body["hashMethod"] == "Murmur2" and isinstance(body["hashSeed"], int)
    assert body["tmpFilePrefix"].endswith(os.sep) and body["tmpFileSuffix"] == ".rcp"
    assert body["breakpoints"] == [] and body["stoppedThreads"] == []
    assert body["richRendering"] is True


def test_the_start_sequence_and_dump_cell(debug):
    info = debug.start()
    assert [event["event"] for event in debug.events] == ["initialized"]
    code = "x = [[0, 1], [2, 3]]\ny = x * 2"
    path = debug("dumpCell", {"code": code})["body"]["sourcePath"]
    from ipykernel.compiler import murmur2_x86  # the same convention on ipykernel's side
    assert path == f"{info['tmpFilePrefix']}{murmur2_x86(code, info['hashSeed'])}{info['tmpFileSuffix']}"
    with open(path, encoding="utf-8") as handle:
        assert handle.read() == code


def test_variables_panel_after_execution(kernel, debug):
    _, kc = kernel
    debug.start()
    assert debug("inspectVariables", {})["body"]["variables"] == []
    run_cell(kc, 'signal = [[0, 0, 1, 1], [0, 0, 1, 1]]\nedges = correlate(signal, [[-1, 1]])\n'
                 'detector = conv_layer([[-1, 1]])\nnames = ["a", "b"]\nk = 3')
    variables = {v["name"]: v for v in debug("inspectVariables", {})["body"]["variables"]}
    assert list(variables) == ["detector", "edges", "k", "names", "signal"]
    assert variables["k"] == {"name": "k", "value": "3", "type": "float", "evaluateName": "k", "variablesReference": 0}
    assert variables["signal"]["type"] == "tensor 2×4"
    assert variables["signal"]["value"] == "[[0, 0, 1, 1], [0, 0, 1, 1]]"
    assert variables["edges"]["indexedVariables"] == 2
    assert variables["detector"]["type"] == "conv_layer"

    rows = debug("variables", {"variablesReference": variables["signal"]["variablesReference"]})["body"]["variables"]
    assert [(row["name"], row["value"]) for row in rows] == [("signal[0]", "[0, 0, 1, 1]"), ("signal[1]", "[0, 0, 1, 1]")]
    items = debug("variables", {"variablesReference": variables["names"]["variablesReference"]})["body"]["variables"]
    assert [(item["name"], item["type"], item["value"]) for item in items] == [
        ("names[0]", "str", '"a"'), ("names[1]", "str", '"b"')]
    weights = {p["name"]: p for p in
               debug("variables", {"variablesReference": variables["detector"]["variablesReference"]})["body"]["variables"]}
    assert weights["detector.weights"]["type"] == "tensor 1×1×1×2"
    assert weights["detector.weights"]["value"] == "[[[[-1, 1]]]]"

    heatmap = debug("richInspectVariables", {"variableName": "signal"})
    assert heatmap["success"], heatmap
    assert "tensor 2×4" in heatmap["body"]["data"]["text/plain"]
    assert "█" in heatmap["body"]["data"]["text/plain"]
    assert heatmap["body"]["data"]["text/html"].startswith("<pre")
    diagram = debug("richInspectVariables", {"variableName": "detector"})["body"]["data"]["text/plain"]
    assert diagram.startswith("conv_layer 1×2, 1 → 1 channels")
    child = debug("richInspectVariables", {"variableName": "detector.weights"})
    assert child["body"]["data"]["text/plain"].startswith("tensor 1×1×1×2")

    run_cell(kc, "k = 4")
    again = {v["name"]: v for v in debug("inspectVariables", {})["body"]["variables"]}
    assert again["k"]["value"] == "4"
    assert again["signal"]["variablesReference"] == variables["signal"]["variablesReference"]


def test_the_panel_answers_while_a_cell_runs(kernel, debug):
    km, kc = kernel
    debug.start()
    run_cell(kc, "before = 1")
    assert [v["name"] for v in debug("inspectVariables", {})["body"]["variables"]] == ["before"]
    msg_id = kc.execute("during = 2\nspin = 0\nfor i in arange(1000000) { for j in arange(1000) { spin += 1 } }")
    time.sleep(0.5)
    started = time.monotonic()
    names = [v["name"] for v in debug("inspectVariables", {})["body"]["variables"]]
    assert time.monotonic() - started < 5
    assert names == ["before"]  # the last variables it saw; the cell holds the session
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["ename"] == "Interrupted"
    names = [v["name"] for v in debug("inspectVariables", {})["body"]["variables"]]
    assert names == ["before", "during", "i", "j", "spin"]


def test_bad_requests_get_error_replies(kernel, debug):
    _, kc = kernel
    assert not debug("variables", {"variablesReference": 1})["success"]  # before initialize
    debug.start()
    run_cell(kc, "x = 1\nxs = [1, 2]")
    cases = [
        ({"type": "request", "seq": 50, "command": "frobnicate"}, "unknown debug command 'frobnicate'"),
        ({"type": "request", "seq": 51, "command": "variables", "arguments": {}},
         "variables needs arguments.variablesReference"),
        ({"type": "request", "seq": 52, "command": "variables", "arguments": {"variablesReference": 4242}},
         "variables: no variable has reference 4242"),
        ({"type": "request", "seq": 53, "command": "variables", "arguments": {"variablesReference": "xs"}},
         "variables needs arguments.variablesReference, an integer"),
        ({"type": "request", "seq": 54, "command": "richInspectVariables", "arguments": {"variableName": "nosuch"}},
         "richInspectVariables: NameError: no variable 'nosuch' in the session"),
        ({"type": "request", "seq": 55, "command": "richInspectVariables", "arguments": {"variableName": "x + 1"}},
         "richInspectVariables: 'x + 1' is not a variable name"),
        ({"type": "request", "seq": 56, "command": "richInspectVariables", "arguments": {"variableName": "xs[9]"}},
         "richInspectVariables: IndexError: xs[9]: xs is a tensor 2, with no item 9"),
        ({"type": "request", "seq": 57, "command": "dumpCell", "arguments": {"code": None}},
         "dumpCell needs arguments.code, a string"),
        ({"type": "request", "seq": 58, "command": "inspectVariables", "arguments": "all"},
         "inspectVariables: 'arguments' must be an object"),
        ({"type": "request", "seq": 59}, "a debug_request needs a string 'command'"),
        ({}, "a debug_request needs a string 'command'"),
    ]
    for content, message in cases:
        reply = debug.raw(content)
        assert reply["success"] is False, (content, reply)
        assert reply["message"].startswith(message), (content, reply["message"])
        assert reply["request_seq"] == content.get("seq", 0)
    # A valid reference to a value without children is refused too.
    listing = {v["name"]: v for v in debug("inspectVariables", {})["body"]["variables"]}
    assert listing["x"]["variablesReference"] == 0
    assert not debug("variables", {"variablesReference": 0})["success"]
    # The kernel carries on.
    reply, _ = run_cell(kc, "x + 1")
    assert reply["status"] == "ok"


def test_disconnect_and_start_again(kernel, debug):
    _, kc = kernel
    debug.start()
    run_cell(kc, "xs = [1, 2, 3]")
    reference = debug("inspectVariables", {})["body"]["variables"][0]["variablesReference"]
    assert debug("disconnect", {"restart": False, "terminateDebuggee": False})["success"]
    assert debug("debugInfo", {})["body"]["isStarted"] is False
    debug.start()  # the bug icon toggled off and on
    assert not debug("variables", {"variablesReference": reference})["success"]
    fresh = debug("inspectVariables", {})["body"]["variables"][0]["variablesReference"]
    assert len(debug("variables", {"variablesReference": fresh})["body"]["variables"]) == 3


def test_the_cell_directory_goes_with_the_kernel():
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        debug = Debug(kc)
        info = debug.start()
        path = debug("dumpCell", {"code": "1 + 1"})["body"]["sourcePath"]
        assert os.path.exists(path) and path.startswith(info["tmpFilePrefix"])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    assert not os.path.exists(os.path.dirname(path))
