"""JupyterLab in a real browser: `make lab`, open every notebook, Run All, autosave, close.

The session a new user would have, driven by Playwright on the system Chromium (Debian's
``chromium``; Playwright's own browser download is not used). It checks that each notebook opens
on the "Python (framing)" kernel with no dialog and no "modified" mark, runs without an error
output, that the KWIC explorer follows typing, that an autosaved notebook with all its outputs
leaves ``git status`` clean and the committed figures/ untouched, and that a reopened notebook
shows the explorer's last concordance. Screenshots go to build/screenshots/ for a person to look
at. Skipped, with the reason, where Chromium is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from analysis import paths, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AUTOSAVE = 4  # seconds between autosaves in this session (JupyterLab's default is 120)
SCREENSHOTS = paths.BUILD / "screenshots"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium on this machine (apt-get install chromium; .ci/run installs it)",
    ),
]

# User settings for this session only: every cell in the page (so the test can read every
# prompt), quick autosave, no news or update checks (no network).
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosaveInterval": AUTOSAVE},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _figures_state() -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (paths.ROOT / "figures").iterdir()}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """`make lab` on 127.0.0.1 with a token; yields (base url, token). Stopped at the end."""
    # The session saves outputs into the notebooks on disk (git does not see them); the files
    # are put back as they were afterwards, so `make test` leaves the work tree as it found it.
    originals = {nb: nb.read_bytes() for nb in run.notebooks()}
    checkpoints = paths.NOTEBOOKS / ".ipynb_checkpoints"
    had_checkpoints = checkpoints.exists()
    home = tmp_path_factory.mktemp("jupyter")
    settings = home / "settings"
    for plugin, values in SETTINGS.items():
        target = settings / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    port, token = _free_port(), os.urandom(12).hex()
    # as `make lab` runs for a user: the project's content cache (build/cache), not the tests' own
    env = {
        **{k: v for k, v in os.environ.items() if k != "FRAMING_CACHE_DIR"},
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    args = (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
        f"--ServerApp.port_retries=0 --IdentityProvider.token={token} "
        "--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"
    )
    if os.geteuid() == 0:  # CI runs as root
        args += " --allow-root"
    log = open(home / "lab.log", "w")  # noqa: SIM115 - open for the whole session
    server = subprocess.Popen(
        ["make", "-s", "lab", f"LAB_ARGS={args}"],
        cwd=paths.ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start:\n{(home / 'lab.log').read_text()}")
                time.sleep(0.5)
        yield base, token
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # make, jupyter and its kernels: one group
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()
        for notebook, content in originals.items():
            notebook.write_bytes(content)
        if not had_checkpoints:
            shutil.rmtree(checkpoints, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def _kernel_status(page) -> str:
    return page.locator(".jp-Notebook-ExecutionIndicator").first.get_attribute("data-status")


def _open(page, base: str, token: str, name: str) -> None:
    page.goto(f"{base}/lab/tree/{name}?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    # the kernel the notebook names starts, and is idle: no "Select Kernel" dialog
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-Toolbar-kernelName')]
                  .some(e => e.textContent.includes('Python (framing)'))""",
        timeout=60_000,
    )
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)


def _prompts(page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-Notebook .jp-CodeCell .jp-InputArea-prompt", "els => els.map(e => e.textContent)"
    )


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    deadline = time.monotonic() + 300
    while not all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in _prompts(page)):
        assert time.monotonic() < deadline, f"Run All did not finish: {_prompts(page)}"
        page.wait_for_timeout(500)


def _saved_with_outputs(page, notebook: Path) -> dict:
    """The notebook as JupyterLab saved it, once it holds every cell's output: by autosave, or,
    if autosave has not caught the end of the run (a save that races with the last cells can
    leave the notebook marked saved without them), by Ctrl+S, as a user does before closing."""
    deadline = time.monotonic() + 2 * AUTOSAVE + 10
    saved_by_hand = False
    while True:
        try:
            nb = json.loads(notebook.read_text(encoding="utf-8"))
        except json.JSONDecodeError:  # read while the server was writing it
            nb = {"cells": [{"cell_type": "code"}]}
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        if all(c.get("execution_count") for c in code):
            return nb
        if time.monotonic() > deadline:
            assert not saved_by_hand, f"{notebook.name} was not saved with its outputs"
            page.locator(".jp-Notebook .jp-MarkdownCell").first.click()
            page.keyboard.press("Control+s")
            saved_by_hand, deadline = True, time.monotonic() + 30
        time.sleep(1)


def _count(page) -> str:
    return page.locator(".kwic-count").first.inner_text()


def _check_explorer(page, shots: Path) -> None:
    """Type a term (no Enter): the count follows; an invalid pattern says so."""
    explorer = page.locator(".jupyter-widgets", has=page.locator(".kwic-count")).first
    explorer.scroll_into_view_if_needed()
    first = _count(page)
    assert re.match(r"\d+ lines? for ", first), first
    box = page.locator(".widget-text input[type='text']").first
    box.fill("")
    page.wait_for_function(
        "() => document.querySelector('.kwic-count').textContent.startsWith('0 lines')"
    )
    box.press_sequentially("Putin", delay=60)
    page.wait_for_function(
        """() => /^\\d+ lines? for Putin$/.test(document.querySelector('.kwic-count').textContent)""",
        timeout=15_000,
    )
    typed = _count(page)
    assert typed != first and int(typed.split()[0]) > 0, (first, typed)
    explorer.screenshot(path=str(shots / "03_explorer_typed.png"))
    box.press_sequentially(" (", delay=60)
    page.wait_for_function(
        "() => document.querySelector('.kwic-count').textContent.includes('Invalid pattern')",
        timeout=15_000,
    )
    assert _count(page).startswith("0 lines. Invalid pattern")
    explorer.screenshot(path=str(shots / "03_explorer_invalid.png"))
    for _ in range(2):
        box.press("Backspace")
    page.wait_for_function(
        "() => /for Putin$/.test(document.querySelector('.kwic-count').textContent)",
        timeout=15_000,
    )


def _close(page, tab) -> None:
    """Close the notebook's tab as a user does: a late widget or display update can mark it
    modified after the last save, so save first while it shows as modified, and answer "Save"
    if JupyterLab still asks."""
    for _ in range(3):
        if "jp-mod-dirty" not in (tab.get_attribute("class") or ""):
            break
        page.locator(".jp-Notebook .jp-MarkdownCell").first.click()
        page.keyboard.press("Control+s")
        page.wait_for_timeout(2_000)
    tab.locator(".lm-TabBar-tabCloseIcon").click()
    dialog = page.locator(".jp-Dialog")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        dialog.wait_for(state="visible", timeout=3_000)
    except PlaywrightTimeout:
        return
    dialog.get_by_role("button", name=re.compile(r"^Save")).click()
    page.wait_for_selector(".jp-Dialog", state="detached")


def _shut_down_kernels(base: str, token: str) -> None:
    with urllib.request.urlopen(f"{base}/api/kernels?token={token}") as response:
        kernels = json.load(response)
    for kernel in kernels:
        url = f"{base}/api/kernels/{kernel['id']}?token={token}"
        urllib.request.urlopen(urllib.request.Request(url, method="DELETE")).close()


def test_every_notebook_runs_in_jupyterlab_and_leaves_git_clean(lab, browser, git_status):
    base, token = lab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figures_before, status_before = _figures_state(), git_status()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: dict[str, list[str]] = {}
    try:
        for notebook in run.notebooks():
            _open(page, base, token, notebook.name)
            assert page.locator(".jp-Dialog").count() == 0, f"{notebook.name}: a dialog opened"
            tab = page.locator(".lm-DockPanel .lm-TabBar-tab.jp-mod-current").first
            assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), (
                f"{notebook.name} shows as modified as soon as it is opened"
            )
            _run_all(page)
            page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
            if page.locator(".kwic-count").count():
                _check_explorer(page, SCREENSHOTS)
                # widget changes do not mark a notebook modified: save, as a user would
                page.locator(".jp-Notebook .jp-MarkdownCell").first.click()
                page.keyboard.press("Control+s")
            saved = _saved_with_outputs(page, notebook)
            errors[notebook.name] = [
                f"{o.get('ename')}: {o.get('evalue')}"
                for c in saved["cells"]
                for o in c.get("outputs", [])
                if o.get("output_type") == "error"
            ]
            _close(page, tab)
            status = git_status()
            assert status == status_before, (
                f"after autosaving {notebook.name}, git status:\n{status}"
            )
            _shut_down_kernels(base, token)
        assert errors == {nb.name: [] for nb in run.notebooks()}
        # reopened with a new kernel, the widgets of the run gone: the last concordance, as saved
        _open(page, base, token, "03_vocabulary.ipynb")
        page.wait_for_selector(".kwic-count", timeout=30_000)
        assert re.fullmatch(r"\d+ lines? for Putin", _count(page)), _count(page)
        assert page.get_by_text("Error displaying widget").count() == 0
        page.locator(".kwic-count").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "03_reopened.png"))
    finally:
        context.close()
    assert git_status() == status_before
    assert _figures_state() == figures_before, "an interactive session wrote figures/"
    assert any((paths.BUILD / "runs" / "lab" / "figures").glob("*.png"))
