"""`jupyter nbconvert --to html --execute` on the edge-detection notebook: the plots land in
`<pre>` elements, and in Debian's Chromium they render in a monospace font, one text line per
visual line (nothing wraps)."""
import html
import os
import re
import shutil
import subprocess

import pytest

from conftest import KERNEL_NAME, ROOT

NOTEBOOK = ROOT / "notebooks" / "06-edge-detection.ipynb"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT_PRE = re.compile(r'data-mime-type="text/html"[^>]*>\s*<pre[^>]*>(.*?)</pre>', re.S)


@pytest.fixture(scope="module")
def page_html(venv_bin, tmp_path_factory):
    out = tmp_path_factory.mktemp("nbconvert")
    subprocess.run([str(venv_bin / "jupyter"), "nbconvert", "--to", "html", "--execute",
                    f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}", "--ExecutePreprocessor.timeout=60",
                    "--output-dir", str(out), str(NOTEBOOK)],
                   check=True, capture_output=True, text=True, timeout=180)
    return out / (NOTEBOOK.stem + ".html")


def test_plots_are_in_pre_elements(page_html):
    plots = [html.unescape(block) for block in OUTPUT_PRE.findall(page_html.read_text(encoding="utf-8"))
             if "┌" in block]
    assert len(plots) >= 3, f"expected the notebook's heatmaps and tables as <pre> plots, found {len(plots)}"
    assert any("█" in plot or "▓" in plot for plot in plots), "no heatmap among the <pre> outputs"


def test_plots_render_monospace_without_wrapping(page_html):
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail("Debian's chromium is missing: run scripts/setup.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(page_html.as_uri())
            layouts = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output pre')]
                .filter(pre => pre.innerText.includes('┌'))
                .map(pre => {
                    const style = getComputedStyle(pre);
                    // A line height of "normal" has no number in the computed style: measure
                    // one line of the same style.
                    const probe = pre.cloneNode(false);
                    probe.textContent = 'x';
                    pre.parentNode.appendChild(probe);
                    const lineHeight = probe.getBoundingClientRect().height;
                    probe.remove();
                    return {start: pre.innerText.slice(0, 60), font: style.fontFamily,
                            whiteSpace: style.whiteSpace,
                            lines: pre.innerText.replace(/\\n$/, '').split('\\n').length,
                            renderedLines: Math.round(pre.getBoundingClientRect().height / lineHeight)};
                })""")
        finally:
            browser.close()
    assert len(layouts) >= 3
    for layout in layouts:
        assert "mono" in layout["font"].lower(), layout
        assert layout["whiteSpace"] == "pre", layout
        assert layout["renderedLines"] == layout["lines"], f"a plot wrapped: {layout}"
