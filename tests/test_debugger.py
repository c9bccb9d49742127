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
        # Every iopub message read while waiting for something else (comm messages, outputs).
        self.seen = []

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
            msg = self.read_iopub(deadline)
            if msg["msg_type"] == "status" and msg["parent_header"].get("msg_id") == msg_id:
                states.append(msg["content"]["execution_state"])
        return states

    def read_iopub(self, deadline):
        """The next iopub message, kept in `seen` (and its content in `events` if a debug_event)."""
        msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        self.seen.append(msg)
        if msg["msg_type"] == "debug_event":
            self.events.append(msg["content"])
        return msg

    def until_idle(self, msg_id, timeout=30):
        """The iopub messages parented to `msg_id` (seen before or read now), through its idle."""
        deadline = time.monotonic() + timeout
        index = 0
        while True:
            while index < len(self.seen):
                msg = self.seen[index]
                index += 1
                if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                        and msg["content"]["execution_state"] == "idle"):
                    return [m for m in self.seen[:index] if m["parent_header"].get("msg_id") == msg_id]
            self.read_iopub(deadline)

    def wait_event(self, name, timeout=30):
        """The next debug_event called `name` (earlier events of other names are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            while self.events:
                event = self.events.pop(0)
                if event["event"] == name:
                    return event
            self.read_iopub(deadline)

    def __call__(self, command, arguments=None, **kwargs):
        content = {"type": "request", "seq": next(self.seq), "command": command}
        if arguments is not None:
            content["arguments"] = arguments
        return self.raw(content, **kwargs)

    def breakpoints(self, code, lines):
        """Dumps `code` and sets breakpoints on `lines`, as JupyterLab does on a gutter click
        (service.ts `updateBreakpoints`); returns the cell's path and the reply's breakpoints."""
        path = self("dumpCell", {"code": code})["body"]["sourcePath"]
        reply = self("setBreakpoints", {"source": {"path": path}, "breakpoints": [{"line": line} for line in lines],
                                        "sourceModified": False})
        assert reply["success"], reply
        return path, reply["body"]["breakpoints"]

    def run_to_breakpoint(self, code, line):
        """Sets a breakpoint on `line` of `code`, runs it, and waits until it stops there;
        returns the execute request's msg_id."""
        self.breakpoints(code, [line])
        msg_id = self.kc.execute(code)
        self.wait_event("stopped")
        return msg_id

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


FUNCTION_CELL = """fn scale(v, k: 2) {
    w = v * k
    return w + 1
}
x = scale(5)
y = x + 1
z = [[y, 0], [0, y]]"""


def test_breakpoints_stop_a_cell_and_stepping_walks_it(kernel, debug):
    km, kc = kernel
    info = debug.start()
    path, placed = debug.breakpoints(FUNCTION_CELL, [5, 4])
    assert placed == [{"verified": True, "line": 5, "source": {"path": path}},
                      {"verified": True, "line": 5, "source": {"path": path}}]  # line 4 holds no statement
    assert debug("debugInfo", {})["body"]["breakpoints"] == [{"source": path, "breakpoints": [{"line": 5}, {"line": 5}]}]
    msg_id = kc.execute(FUNCTION_CELL)
    stopped = debug.wait_event("stopped")
    assert stopped["body"] == {"reason": "breakpoint", "threadId": 1, "allThreadsStopped": True}
    assert debug("debugInfo", {})["body"]["stoppedThreads"] == [1]
    # Control requests are answered while the cell waits.
    kc.control_channel.send(kc.session.msg("kernel_info_request"))
    assert kc.control_channel.get_msg(timeout=10)["msg_type"] == "kernel_info_reply"

    frames = debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert [(f["name"], f["line"], f["source"]["path"]) for f in frames] == [("cell", 5, path)]
    assert path.startswith(info["tmpFilePrefix"])
    scopes = debug("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"]
    assert [scope["name"] for scope in scopes] == ["Globals"]
    names = [v["name"] for v in debug("variables", {"variablesReference": scopes[0]["variablesReference"]})["body"]["variables"]]
    assert names == ["scale"]  # x is not assigned yet
    assert debug("source", {"source": {"path": path}})["body"]["content"] == FUNCTION_CELL

    assert debug("stepIn", {"threadId": 1})["success"]
    debug.wait_event("continued")
    assert debug.wait_event("stopped")["body"]["reason"] == "step"
    frames = debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert [(f["name"], f["line"]) for f in frames] == [("scale", 2), ("cell", 5)]
    scopes = debug("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"]
    assert [scope["name"] for scope in scopes] == ["Locals", "Globals"]
    local = {v["name"]: v["value"] for v in
             debug("variables", {"variablesReference": scopes[0]["variablesReference"]})["body"]["variables"]}
    assert local == {"k": "2", "v": "5"}
    # The variables panel renders a local of the selected frame.
    rendered = debug("richInspectVariables", {"variableName": "v", "frameId": frames[0]["id"]})
    assert rendered["body"]["data"]["text/plain"] == "5"

    assert debug("next", {"threadId": 1})["success"]
    assert debug.wait_event("stopped")["body"]["reason"] == "step"
    assert [f["line"] for f in debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]] == [3, 5]
    assert debug("stepOut", {"threadId": 1})["success"]
    debug.wait_event("stopped")
    frames = debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert [(f["name"], f["line"]) for f in frames] == [("cell", 6)]
    globals_ = debug("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"][0]
    values = {v["name"]: v["value"] for v in
              debug("variables", {"variablesReference": globals_["variablesReference"]})["body"]["variables"]}
    assert values["x"] == "11"

    assert debug("continue", {"threadId": 1})["body"] == {"allThreadsContinued": True}
    debug.wait_event("continued")
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"
    assert debug("debugInfo", {})["body"]["stoppedThreads"] == []
    assert not debug("stackTrace", {"threadId": 1})["success"]
    names = [v["name"] for v in debug("inspectVariables", {})["body"]["variables"]]
    assert names == ["scale", "x", "y", "z"]


def test_a_breakpoint_in_a_loop_stops_every_iteration(kernel, debug):
    _, kc = kernel
    debug.start()
    code = "total = 0\nfor i in range(3) {\n    total += i\n}\ntotal"
    debug.breakpoints(code, [3])
    msg_id = kc.execute(code)
    seen = []
    for _ in range(3):
        debug.wait_event("stopped")
        scope = debug("scopes", {"frameId": 1})["body"]["scopes"][0]
        values = {v["name"]: v["value"] for v in
                  debug("variables", {"variablesReference": scope["variablesReference"]})["body"]["variables"]}
        seen.append((values["i"], values["total"]))
        debug("continue", {"threadId": 1})
    assert seen == [("0", "0"), ("1", "0"), ("2", "1")]
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"


def test_interrupt_ends_a_paused_cell_and_keeps_the_session(kernel, debug):
    km, kc = kernel
    debug.start()
    msg_id = debug.run_to_breakpoint("before = 1\nafter = 2", 2)
    km.interrupt_kernel()
    debug.wait_event("continued")
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
    reply, outputs = run_cell(kc, "before + 1")
    assert reply["status"] == "ok"
    names = [v["name"] for v in debug("inspectVariables", {})["body"]["variables"]]
    assert names == ["before"]


def test_disconnect_clears_breakpoints_and_lets_the_cell_finish(kernel, debug):
    _, kc = kernel
    debug.start()
    code = "a = 1\nb = 2"
    msg_id = debug.run_to_breakpoint(code, 2)
    assert debug("disconnect", {"restart": False, "terminateDebuggee": False})["success"]
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"
    # Started again, the old breakpoint is gone: the same cell runs through.
    debug.start()
    assert debug("debugInfo", {})["body"]["breakpoints"] == []
    reply, _ = run_cell(kc, code)
    assert reply["status"] == "ok"


def test_pause_stops_a_running_loop(kernel, debug):
    km, kc = kernel
    debug.start()
    msg_id = kc.execute("n = 0\nwhile true {\n    n += 1\n}")
    time.sleep(0.5)
    assert debug("pause", {"threadId": 1})["success"]
    assert debug.wait_event("stopped")["body"]["reason"] == "pause"
    frames = debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert frames[0]["line"] == 3
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["ename"] == "Interrupted"


def test_shutdown_ends_a_paused_cell():
    from jupyter_client.manager import start_new_kernel
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        debug = Debug(kc)
        debug.start()
        debug.run_to_breakpoint("a = 1\nb = 2", 2)
        started = time.monotonic()
        km.shutdown_kernel(now=False)
        assert time.monotonic() - started < 10
        assert not km.is_alive()
    finally:
        kc.stop_channels()


def test_bad_stepping_requests_get_error_replies(debug):
    debug.start()
    for command, arguments, message in [
        ("stackTrace", {"threadId": 1}, "stackTrace: no cell is paused"),
        ("next", {"threadId": 1}, "no cell is paused"),
        ("scopes", {"frameId": 1}, "scopes: no cell is paused"),
        ("scopes", {}, "scopes needs arguments.frameId, an integer"),
        ("setBreakpoints", {"breakpoints": [{"line": 1}]}, "setBreakpoints needs arguments.source.path"),
        ("setBreakpoints", {"source": {"path": "/x.rcp"}, "breakpoints": [{"line": -2}]},
         "setBreakpoints: each breakpoint needs a line ≥ 1"),
        ("source", {"source": {"path": "/etc/passwd"}}, "source: no cell of this kernel has the path /etc/passwd"),
        ("setExceptionBreakpoints", {"filters": ["raised"]}, "setExceptionBreakpoints: this kernel offers no exception"),
    ]:
        reply = debug(command, arguments)
        assert reply["success"] is False, (command, reply)
        assert reply["message"].startswith(message), (command, reply["message"])
    _, placed = debug.breakpoints("x = (", [1])
    assert placed == [{"verified": False, "line": 1, "message": "the cell has a syntax error",
                       "source": placed[0]["source"]}]


def test_a_breakpoint_in_a_widget_callback_stops_it(kernel, debug):
    """interact's function stops at its breakpoint when the cell shows it and again when a slider
    change (a comm_msg on shell) runs it; the panel sees the callback's locals, and continue lets
    it render the Output."""
    _, kc = kernel
    debug.start()
    code = "fn shown(k) {\n    doubled = k * 2\n    return doubled\n}\ninteract(shown, k: slider(1, 7))"
    msg_id = debug.run_to_breakpoint(code, 2)
    debug("continue", {"threadId": 1})
    reply = kc.get_shell_msg(timeout=30)
    assert reply["parent_header"]["msg_id"] == msg_id and reply["content"]["status"] == "ok"
    opened = [m["content"] for m in debug.until_idle(msg_id) if m["msg_type"] == "comm_open"]
    slider, output = ([c["comm_id"] for c in opened if c["data"]["state"]["_model_name"] == name][0]
                      for name in ("IntSliderModel", "OutputModel"))

    change = kc.session.msg("comm_msg", {"comm_id": slider, "data": {
        "method": "update", "state": {"value": 5}, "buffer_paths": []}})
    kc.shell_channel.send(change)
    assert debug.wait_event("stopped")["body"]["reason"] == "breakpoint"
    frames = debug("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert (frames[0]["name"], frames[0]["line"]) == ("shown", 2)
    scopes = debug("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"]
    local = {v["name"]: v["value"] for v in
             debug("variables", {"variablesReference": scopes[0]["variablesReference"]})["body"]["variables"]}
    assert local == {"k": "5"}
    debug("continue", {"threadId": 1})
    rendered = [m["content"]["data"]["state"]["outputs"] for m in debug.until_idle(change["header"]["msg_id"])
                if m["msg_type"] == "comm_msg" and m["content"]["comm_id"] == output
                and "outputs" in m["content"]["data"].get("state", {})]
    assert rendered[-1][-1]["data"]["text/plain"] == "10"
