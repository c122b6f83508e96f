"""End to end in a real headless Chromium: start the app, ask, see the cited passage."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(built, tmp_path):
    settings, _ = built
    port = free_port()
    env = {
        **os.environ,
        "HOIDAP_INDEX_DIR": str(settings.index_dir),
        "HOIDAP_CORPUS_DIR": str(settings.corpus_dir),
        "HF_HUB_OFFLINE": "1",
    }
    log = open(tmp_path / "streamlit.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--client.toolbarMode", "minimal"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + (tmp_path / "streamlit.log").read_text())
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_ask_in_browser_shows_answer_and_cited_passage(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.goto(server)
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=60_000)
        expect(page.get_by_text("Ví dụ câu hỏi")).to_be_visible()
        box.fill("Bình Phước đã phân bổ bao nhiêu tiền cho chuyển đổi số từ năm 2019?")
        box.press("Enter")
        answer = page.get_by_test_id("stChatMessage").nth(1)
        expect(answer).to_contain_text("hơn 844 tỷ đồng", timeout=90_000)
        expect(answer).to_contain_text("[1]")
        page.get_by_test_id("stExpander").first.locator("summary").click()
        passage = page.get_by_test_id("stExpanderDetails").first
        expect(passage).to_contain_text("Từ năm 2019 đến nay, Bình Phước đã phân bổ hơn 844 tỷ đồng")
        expect(passage).to_contain_text("binh-phuoc-lam-viec-bo-tttt.txt")
        page.wait_for_timeout(600)  # let the expander finish opening
        shot = tmp_path / "hoidap-chat.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
