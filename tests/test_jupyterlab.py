"""JupyterLab in a real browser: Debian's Chromium driven by Playwright against `jupyter lab` on
loopback, with the kernelspec conftest installed. Creates a Receptive notebook from the
launcher, runs a tensor, a heatmap and an error, and checks what the page shows; moves an
interact slider; uses JupyterLab's debugger on a notebook: variables, a rendered tensor, a
breakpoint set in the gutter, a cell stopped at its line. Leaves screenshots in test-output/
(jupyterlab.png, jupyterlab-interact.png, jupyterlab-debugger.png taken while stopped)."""
import contextlib
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TOKEN = "receptive-browser-test"
SCREENSHOT = ROOT / "test-output" / "jupyterlab.png"
DEBUGGER_SCREENSHOT = ROOT / "test-output" / "jupyterlab-debugger.png"
# Bounds every wait so that the whole test stays well under two minutes.
STEP_MS = 30_000

CELLS = [
    ("reshape(arange(6), (2, 3))", ["tensor 2×3", "[[0. 1. 2.]", "[3. 4. 5.]]"]),
    ('heatmap(image("disk", size: 8), title: "disk")', ["████████████", "shape 8×8"]),
    ("conv2d(nosuch, 1)", ["NameError", "nosuch"]),
    ("heatmap(ones(6, 8), zlim: (0, 1))", ["████████████████", "shape 6×8"]),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"jupyter lab exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"jupyter lab did not answer {url} within the deadline")


@pytest.fixture()
def lab_url(venv_bin, tmp_path):
    """A JupyterLab server on loopback with a fixed token and an empty root directory."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail("Debian's chromium is missing: run scripts/setup.sh")
    port = _free_port()
    root = tmp_path / "lab-root"
    root.mkdir()
    # Private settings and workspaces, so the user's JupyterLab is neither read nor changed;
    # the one setting turns off the "official Jupyter news?" toast over the notebook.
    settings = tmp_path / "lab-settings"
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false"}')
    log_path = tmp_path / "jupyter-lab.log"
    log = open(log_path, "w")
    server = subprocess.Popen(
        [str(venv_bin / "jupyter"), "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
         f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_serving(f"{base}/api/status?token={TOKEN}", server, time.monotonic() + 60)
        yield f"{base}/lab?token={TOKEN}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        # Captured output: pytest shows the server's log only when the test fails.
        print("jupyter lab log (end):\n" + log_path.read_text(errors="replace")[-4000:])


def _run_cell(page, index: int, code: str):
    """Types `code` into cell `index` (the active one), runs it and returns its output area."""
    from playwright.sync_api import expect

    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    editor = cell.locator(".cm-content")
    editor.click()
    # insert_text bypasses key events, so the editor's bracket auto-closing cannot interfere.
    page.keyboard.insert_text(code)
    expect(editor).to_have_text(code)
    page.keyboard.press("Shift+Enter")
    output = cell.locator(".jp-OutputArea-output").first
    output.wait_for()
    return output


def _layout(output) -> dict:
    """The output's text, font, white-space, and whether any line wrapped or overflowed."""
    return output.evaluate("""element => {
        const pre = element.querySelector('pre') || element;
        const style = getComputedStyle(pre);
        const lines = pre.innerText.replace(/\\n$/, '').split('\\n').length;
        // "normal" has no number in the computed style: measure one line of the same style.
        const probe = pre.cloneNode(false);
        probe.textContent = 'x';
        pre.parentNode.appendChild(probe);
        const lineHeight = probe.getBoundingClientRect().height;
        probe.remove();
        return {text: pre.innerText, font: style.fontFamily, whiteSpace: style.whiteSpace,
                renderedLines: Math.round(pre.getBoundingClientRect().height / lineHeight),
                lines: lines, overflow: pre.scrollWidth - pre.clientWidth};
    }""")


@contextlib.contextmanager
def _receptive_notebook(lab_url: str, screenshot: pathlib.Path, viewport: dict):
    """A new Receptive notebook in JupyterLab in Chromium, its kernel connected; the page is
    saved to `screenshot` when the block ends, passed or failed."""
    from playwright.sync_api import sync_playwright

    screenshot.parent.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport=viewport)
            page.set_default_timeout(STEP_MS)
            page.goto(lab_url)
            page.locator('.jp-LauncherCard[data-category="Notebook"]', has_text="Receptive").click()
            # Running a cell before the session has its kernel silently does nothing, and the
            # toolbar's indicator says "idle" from the start; the status bar names the kernel
            # and its state only once the kernel is connected.
            page.locator(".jp-StatusBar-TextItem", has_text="Receptive | Idle").wait_for()
            try:
                yield page
            finally:
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()


def test_notebook_in_jupyterlab_shows_tensor_heatmap_and_error(lab_url):
    with _receptive_notebook(lab_url, SCREENSHOT, {"width": 1280, "height": 1000}) as page:
        outputs = [_run_cell(page, index, code) for index, (code, _) in enumerate(CELLS)]
        for output, (code, expected) in zip(outputs, CELLS):
            text = output.inner_text()
            for fragment in expected:
                assert fragment in text, f"{code!r}: {fragment!r} not in the page's output:\n{text}"
        heatmap = _layout(outputs[1])
        gaps = _gaps_between_block_rows(page, outputs[3])
    assert "mono" in heatmap["font"].lower(), heatmap
    assert heatmap["renderedLines"] == heatmap["lines"], f"the heatmap wrapped: {heatmap}"
    assert heatmap["overflow"] <= 0, heatmap
    assert gaps == [], f"white rows between the heatmap's block rows at pixel rows {gaps} (see {SCREENSHOT})"


def _gaps_between_block_rows(page, output) -> list:
    """Pixel rows inside a column of █ (one per text line, from the first to the last line of
    blocks) that are not dark: the gaps a line height taller than the glyphs leaves."""
    import io

    from PIL import Image

    output.scroll_into_view_if_needed()
    box = output.evaluate("""element => {
        const pre = element.querySelector('pre');
        const node = pre.firstChild, lines = node.textContent.split('\\n');
        const rows = lines.map((line, index) => [index, line.indexOf('████')]).filter(([, at]) => at >= 0);
        const rect = (row) => {
            const start = lines.slice(0, row[0]).reduce((sum, line) => sum + line.length + 1, 0) + row[1] + 1;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + 1);
            return range.getBoundingClientRect();
        };
        const first = rect(rows[0]), last = rect(rows[rows.length - 1]);
        return {x: first.left + first.width / 4, y: first.top, width: first.width / 2, height: last.bottom - first.top};
    }""")
    picture = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("L")
    return [y for y in range(picture.height)
            if sum(picture.getpixel((x, y)) for x in range(picture.width)) / picture.width > 128]


def _variable(page, name: str):
    """The variables panel's row for `name`."""
    return page.locator(f'.jp-DebuggerVariables-body jp-tree-item:has(> span.jp-DebuggerVariables-name:text-is("{name}"))')


def test_debugger_shows_variables_and_stops_at_a_breakpoint(lab_url):
    from playwright.sync_api import expect

    paused_cell = "edges = correlate(signal, [[-1, 1]])\nscale = 2\nscaled = edges * scale\nscaled"
    # The page as the test ends (passed or failed); the one while stopped is DEBUGGER_SCREENSHOT.
    final = DEBUGGER_SCREENSHOT.with_name("jupyterlab-debugger-end.png")
    with _receptive_notebook(lab_url, final, {"width": 1400, "height": 900}) as page:
        # The bug icon is enabled once JupyterLab has read the kernelspec's "debugger": true.
        bug = page.locator('.jp-DebuggerBugButton[aria-disabled="false"]')
        bug.click()
        page.locator('.jp-DebuggerBugButton[aria-pressed="true"]').wait_for()
        page.locator(".jp-DebuggerVariables").first.wait_for()
        cell = page.locator(".jp-Notebook .jp-Cell").nth(0)
        cell.locator(".cm-content").click()
        page.keyboard.insert_text("signal = [[0, 0, 1, 1, 0], [0, 0, 1, 1, 0], [0, 0, 1, 1, 0]]")
        page.keyboard.press("Shift+Enter")
        # The panel lists the tensor with its shape (inspectVariables after the cell).
        signal = _variable(page, "signal")
        expect(signal.locator("> .jp-DebuggerVariables-detail")).to_have_text("tensor 3×5")
        # Rendered, it is a heatmap above its numbers (richInspectVariables).
        signal.hover()
        signal.locator(".jp-DebuggerVariables-renderVariable").first.click()
        rendered = page.locator(".jp-DebuggerRichVariable .jp-VariableRendererPanel-renderer").first
        expect(rendered).to_contain_text("tensor 3×5")
        assert "█" in rendered.inner_text()

        # A breakpoint on line 2, clicked in the gutter (dumpCell, setBreakpoints).
        cell = page.locator(".jp-Notebook .jp-Cell").nth(1)
        cell.locator(".cm-content").click()
        page.keyboard.insert_text(paused_cell)
        expect(cell.locator(".cm-content")).to_have_text(paused_cell.replace("\n", ""))
        cell.locator(".cm-breakpoint-gutter .cm-gutterElement").nth(2).click()
        expect(page.locator(".jp-DebuggerBreakpoint")).to_have_count(1)
        page.keyboard.press("Shift+Enter")
        # Stopped there: the line is highlighted, the call stack names the cell at line 2,
        # and the variables panel shows what line 1 made.
        expect(cell.locator(".cm-line.jp-DebuggerEditor-highlight")).to_have_text("scale = 2")
        expect(page.locator(".jp-DebuggerCallstackFrame").first).to_contain_text(":2")
        expect(_variable(page, "edges").locator("> .jp-DebuggerVariables-detail")).to_have_text("tensor 3×4")
        expect(_variable(page, "scale")).to_have_count(0)
        page.screenshot(path=str(DEBUGGER_SCREENSHOT))
        # Continue: the cell runs to its end and shows its result.
        page.locator('[data-jp-item-name="continue"] jp-button').click()
        expect(cell.locator(".jp-OutputArea-output").first).to_contain_text("tensor 3×4")
        expect(cell.locator(".cm-line.jp-DebuggerEditor-highlight")).to_have_count(0)


WIDGET_SCREENSHOT = ROOT / "test-output" / "jupyterlab-interact.png"
# One line: the editor check compares the cell's text, which CodeMirror shows without newlines.
BLUR = 'fn blur(k) = heatmap(correlate(image("letter", size: 16), box(k)), title: "box kernel")'
INTERACT = BLUR + "; interact(blur, k: slider(1, 7, step: 2))"


def _expected_heatmap(receptive_bin: str, tmp_path, k: int) -> str:
    """What `blur(k)` shows, from `receptive run` (the same text the kernel renders)."""
    script = tmp_path / f"blur{k}.rcp"
    script.write_text(BLUR + f"\nblur({k})\n")
    done = subprocess.run([receptive_bin, "run", str(script)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.rstrip("\n")


def test_interact_slider_in_jupyterlab_redraws_the_heatmap(lab_url, receptive_bin, tmp_path):
    """jupyterlab_widgets draws the kernel's ipywidgets models: a slider and an Output under it.
    Moving the slider with the keyboard (one step right, k 1 → 3) redraws the heatmap below."""
    expected = {k: _expected_heatmap(receptive_bin, tmp_path, k) for k in (1, 3)}
    assert expected[1] != expected[3]
    with _receptive_notebook(lab_url, WIDGET_SCREENSHOT, {"width": 1000, "height": 900}) as page:
        _run_cell(page, 0, INTERACT)
        cell = page.locator(".jp-Notebook .jp-Cell").first
        cell.locator(".widget-slider").wait_for()
        heatmap = cell.locator(".widget-output .jp-OutputArea-output pre")
        _wait_for_text(heatmap, expected[1])
        assert cell.locator(".widget-readout").inner_text().strip() == "1"
        cell.locator(".widget-slider .noUi-handle").focus()
        page.keyboard.press("ArrowRight")
        _wait_for_text(heatmap, expected[3])
        assert cell.locator(".widget-readout").inner_text().strip() == "3"
        assert "box kernel" in heatmap.inner_text()

def _wait_for_text(locator, expected: str) -> None:
    """Waits until the element's text is `expected` (the front end redraws asynchronously)."""
    deadline = time.monotonic() + STEP_MS / 1000
    text = None
    while time.monotonic() < deadline:
        if locator.count() > 0:
            text = locator.first.inner_text().rstrip("\n")
            if text == expected:
                return
        time.sleep(0.1)
    raise AssertionError(f"the output under the slider shows\n{text}\ninstead of\n{expected}")
