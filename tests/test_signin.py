"""Sign-in for the chat (hoidap/signin.py): who the caller is, and the sign-in page before anything else.

The browser test signs in for real: node-oidc-provider (npm ``oidc-provider``, pinned in tests/oidc/package.json
and package-lock.json) runs on 127.0.0.1 with two users of different groups; the chat runs with
HOIDAP_SIGN_IN=true and a generated secrets.toml; Chromium goes through Streamlit's st.login redirect, the
provider's login form and back. The provider is installed once into a cache folder (HOIDAP_TEST_NODE_CACHE,
default ~/.cache/hoidap/test-oidc) with ``npm ci``; without node/npm or the package the test is skipped saying why.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import streamlit as st
from conftest import free_port, local_server
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
OIDC = ROOT / "tests" / "oidc"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Two users of different groups (as in tests/test_access.py: van-phong reads Công văn 402, dang-doan Kế hoạch 3260).
USERS = {
    "an": {"email": "an@bo.gov.vn", "name": "Nguyễn Văn An", "groups": ["van-phong"]},
    "binh": {"email": "binh@bo.gov.vn", "name": "Trần Thị Bình", "groups": ["dang-doan", "phap-che"]},
}
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "hoidap",
    "client_secret": "y" * 32,
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


# --- who the caller is (no Streamlit) -------------------------------------------------------------------------


def settings_with(**kw):
    from core.settings import Settings

    return Settings(**kw)


def test_groups_come_from_the_claim_then_the_file_else_public_only(tmp_path):
    from hoidap.signin import caller_for

    mapping = tmp_path / "groups.toml"
    mapping.write_text('"an@bo.gov.vn" = ["van-phong"]\n"binh@bo.gov.vn" = "ke-hoach, Phap-Che"\n', encoding="utf-8")
    plain = settings_with()
    assert caller_for({"email": "an@bo.gov.vn", "groups": ["van-phong", "public"]}, plain).groups == {"van-phong"}
    assert caller_for({"sub": "u1", "groups": "a, b"}, plain).groups == {"a", "b"}  # a comma-separated claim
    assert caller_for({"sub": "u1", "groups": "a, b"}, plain).user == "u1"
    # names that are not group names (an identity provider's own groups) are left out, never widen access
    assert caller_for({"email": "x@y", "groups": ["Domain Users", "van-phong"]}, plain).groups == {"van-phong"}
    assert caller_for({"email": "an@bo.gov.vn"}, plain).groups == frozenset()  # no claim, no file: public only
    filed = settings_with(groups_file=mapping)
    assert caller_for({"email": "An@Bo.gov.vn"}, filed).groups == {"van-phong"}
    assert caller_for({"email": "binh@bo.gov.vn", "email_verified": True}, filed).groups == {"ke-hoach", "phap-che"}
    assert caller_for({"email": "la@ngoai.vn"}, filed).groups == frozenset()  # unknown: public only
    assert caller_for({"email": "an@bo.gov.vn", "email_verified": False}, filed).groups == frozenset()
    assert caller_for({"email": "an@bo.gov.vn", "groups": []}, filed).groups == frozenset()  # the claim wins
    claimed = settings_with(groups_file=mapping, groups_claim="roles")
    assert caller_for({"email": "x@y", "roles": ["r1"], "groups": ["g"]}, claimed).groups == {"r1"}


def test_bad_groups_file_is_an_error_not_an_open_door(tmp_path):
    from core.errors import AccessGroupError, SignInError
    from hoidap.signin import caller_for

    bad = tmp_path / "groups.toml"
    bad.write_text('"an@bo.gov.vn" = ["Văn phòng"]\n', encoding="utf-8")
    with pytest.raises(AccessGroupError):
        caller_for({"email": "an@bo.gov.vn"}, settings_with(groups_file=bad))
    with pytest.raises(SignInError):
        caller_for({"email": "an@bo.gov.vn"}, settings_with(groups_file=tmp_path / "missing.toml"))


def test_auth_secrets_are_checked_and_old_sign_ins_expire():
    from hoidap.signin import MAX_SESSION_HOURS, auth_setup, session_expired

    assert auth_setup(AUTH) == ([], [None])
    assert auth_setup(None)[0] == ["redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"]
    missing, _ = auth_setup({k: v for k, v in AUTH.items() if k not in ("cookie_secret", "client_secret")})
    assert missing == ["cookie_secret", "client_secret"]
    named = {"redirect_uri": AUTH["redirect_uri"], "cookie_secret": "s" * 32,
             "sso": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")}}
    assert auth_setup(named) == ([], ["sso"])
    assert auth_setup({**AUTH, "redirect_uri": "http://localhost:8501/"})[0] == [
        "redirect_uri (phải kết thúc bằng /oauth2callback)"]
    now = time.time()
    assert not session_expired({"iat": now - 60}, now)
    assert session_expired({"iat": now - MAX_SESSION_HOURS * 3600 - 1}, now)
    assert not session_expired({}, now)


# --- the page (streamlit.testing: st.user and secrets as a test sets them) ----------------------------------


@pytest.fixture()
def signin_app(env_for, tmp_path, monkeypatch):
    """An AppTest of the chat with HOIDAP_SIGN_IN=true (the caller sets at.secrets / at.user)."""
    from core.settings import get_settings

    monkeypatch.setenv("HOIDAP_SIGN_IN", "true")
    monkeypatch.setenv("HOIDAP_FEEDBACK_DB", str(tmp_path / "feedback.sqlite"))
    monkeypatch.setenv("HOIDAP_AUDIT_DB", str(tmp_path / "audit.sqlite"))
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield AppTest.from_file(APP, default_timeout=120)
    st.cache_resource.clear()
    get_settings.cache_clear()


def everything(at) -> str:
    return " ".join(str(getattr(e, "value", "")) for e in at.main) + " ".join(
        str(getattr(e, "value", "")) for e in at.sidebar)


def test_sign_in_on_without_auth_secrets_is_an_error_for_the_operator(signin_app):
    at = signin_app
    at.run()
    assert not at.exception
    error = " ".join(e.value for e in at.error)
    assert "chưa được cấu hình" in error and ".streamlit/secrets.toml" in error
    for key in ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"):
        assert key in error
    assert not at.chat_input and not at.sidebar.children.get(0)  # no chat, no sidebar


def test_not_signed_in_sees_only_the_sign_in_page(signin_app):
    at = signin_app
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Đăng nhập"]
    assert not at.chat_input and not at.metric and not at.sidebar.children.get(0)
    shown = everything(at)
    assert "Ví dụ câu hỏi" not in shown and "Bình Phước" not in shown and "Luật" not in shown
    at.user = {"is_logged_in": True, "email": "an@bo.gov.vn", "groups": ["van-phong"],
               "iat": int(time.time()) - 13 * 3600}  # a sign-in from yesterday
    at.run()
    assert any("hết hạn" in w.value for w in at.warning) and not at.chat_input


def test_signed_in_user_chats_and_sees_who_they_are(signin_app):
    at = signin_app
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": "an@bo.gov.vn", "groups": ["van-phong"], "iat": int(time.time())}
    at.run()
    assert not at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert "Đăng nhập: an@bo\\.gov\\.vn" in captions and "Nhóm truy cập: van\\-phong" in captions
    assert at.sidebar.button(key="logout").label == "Đăng xuất"
    at.chat_input[0].set_value("Luật Giao dịch điện tử có hiệu lực từ ngày nào?").run()
    assert not at.exception
    assert "01 tháng 7 năm 2024" in " ".join(m.value for m in at.markdown)
    at.feedback(key="fb-1").set_value(1).run()  # the vote is tied to the audit row of the question, which names them
    from core.settings import get_settings
    from hoidap.audit import AuditLog
    from hoidap.feedback import FeedbackStore

    vote = FeedbackStore(get_settings().feedback_db).rows()[-1]
    asked = {r["id"]: r for r in AuditLog(get_settings().audit_db).rows()}[vote["audit_id"]]
    assert asked["user"] == "an@bo.gov.vn" and "van-phong" in str(asked["groups"]) and asked["channel"] == "chat"


def test_sign_in_off_changes_nothing_for_a_laptop_user(env_for, monkeypatch):
    from core.settings import get_settings

    monkeypatch.delenv("HOIDAP_SIGN_IN", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception and at.chat_input
    assert not any(b.label in ("Đăng nhập", "Đăng xuất") for b in at.button)
    assert not any(c.value.startswith("Đăng nhập") for c in at.sidebar.caption)
    st.cache_resource.clear()


# --- for real: an OpenID Connect provider, the app, Chromium -------------------------------------------------


def _oidc_modules() -> Path:
    """node_modules holding oidc-provider, installed once per lock file into the cache; skips saying why."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("node and npm are needed to run the OpenID Connect provider (node-oidc-provider) for this test")
    lock = (OIDC / "package-lock.json").read_bytes()
    base = Path(os.environ.get("HOIDAP_TEST_NODE_CACHE", Path.home() / ".cache" / "hoidap" / "test-oidc"))
    folder = base / hashlib.sha256(lock).hexdigest()[:12]
    if not (folder / "node_modules" / "oidc-provider" / "package.json").exists():
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(OIDC / "package.json", folder / "package.json")
        shutil.copy(OIDC / "package-lock.json", folder / "package-lock.json")
        try:
            done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=folder,
                                  capture_output=True, text=True, timeout=240)
        except subprocess.TimeoutExpired:
            pytest.skip("npm ci of oidc-provider took over 4 minutes (no registry?)")
        if done.returncode != 0:
            pytest.skip("could not install oidc-provider from npm: " + (done.stderr or done.stdout)[-400:])
    shutil.copy(OIDC / "provider.mjs", folder / "provider.mjs")  # imports resolve from the script's folder
    return folder


SHARED_QUESTION = "Việc thực hiện Nghị quyết 57-NQ/TW được triển khai như thế nào?"


@pytest.fixture()
def signin_corpus(tmp_path, embedder):
    """(corpus_dir, index_dir) the signed-in chat serves: tests/test_access.py's corpus — public news, Công văn
    402-CV/VPĐU for group van-phong (folder rule), Kế hoạch 3260-KH/ĐĐQH15 for group dang-doan (front matter)."""
    from core.settings import Settings
    from hoidap.service import HoidapService
    from test_access import RULES, make_access_corpus

    settings = Settings(corpus_dir=make_access_corpus(tmp_path / "corpus"), index_dir=tmp_path / "index", access_rules=RULES)
    service = HoidapService(settings)
    service.embedder = embedder
    assert not service.reindex().failed
    return settings.corpus_dir, settings.index_dir


@pytest.fixture()
def oidc(tmp_path):
    """A real OpenID Connect provider on 127.0.0.1, its client registered for the app's port."""
    folder = _oidc_modules()
    port, app_port = free_port(), free_port()
    config = {"port": port, "client_id": "hoidap-test", "client_secret": secrets.token_hex(16),
              "redirect_uri": f"http://localhost:{app_port}/oauth2callback", "users": USERS}
    (tmp_path / "oidc.json").write_text(json.dumps(config), encoding="utf-8")
    cmd = [shutil.which("node"), str(folder / "provider.mjs"), str(tmp_path / "oidc.json")]
    with local_server(cmd, port, tmp_path / "oidc.log", "oidc-provider", cwd=folder):
        yield {**config, "app_port": app_port, "issuer": f"http://127.0.0.1:{port}"}


@pytest.fixture()
def signed_server(oidc, signin_corpus, tmp_path):
    """The chat with sign-in on, Streamlit's [auth] secrets pointing at the provider; its URL."""
    from test_access import RULES

    corpus_dir, index_dir = signin_corpus
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "{oidc["redirect_uri"]}"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{oidc["client_id"]}"\n'
        f'client_secret = "{oidc["client_secret"]}"\n'
        f'server_metadata_url = "{oidc["issuer"]}/.well-known/openid-configuration"\n'
        'client_kwargs = { scope = "openid email profile groups", prompt = "login" }\n',
        encoding="utf-8",
    )
    env = {**os.environ, "HOIDAP_SIGN_IN": "true", "HOIDAP_INDEX_DIR": str(index_dir),
           "HOIDAP_CORPUS_DIR": str(corpus_dir), "HOIDAP_FEEDBACK_DB": str(tmp_path / "feedback.sqlite"),
           "HOIDAP_AUDIT_DB": str(tmp_path / "audit.sqlite"), "HF_HUB_OFFLINE": "1",
           "HOIDAP_ACCESS_RULES": json.dumps(RULES)}
    port = oidc["app_port"]
    cmd = [sys.executable, "-m", "streamlit", "run", APP, "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
           "--secrets.files", str(secrets_file)]
    with local_server(cmd, port, tmp_path / "streamlit.log", "streamlit", env=env, cwd=tmp_path):
        yield f"http://localhost:{port}"


def ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")


def sign_in(page, server: str, login: str) -> None:
    """From the sign-in page through the provider's login form and back to the chat."""
    from playwright.sync_api import expect

    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("http://127.0.0.1:*/interaction/**", timeout=30_000)
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("mat-khau")
    page.locator("button[type=submit]").click()
    page.wait_for_url(server + "/**", timeout=30_000)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=60_000)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)")
def test_sign_in_with_a_real_openid_provider(signed_server):
    from playwright.sync_api import expect, sync_playwright

    from test_browser import launch, settle, shoot

    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        # (a) nobody signed in: the sign-in page, nothing of the documents, on every page of the app
        for path in ("", "/thu-vien"):
            page.goto(signed_server + path)
            expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible(timeout=60_000)
            expect(page.get_by_test_id("stChatInputTextArea")).to_have_count(0)
            expect(page.get_by_test_id("stSidebar")).to_have_count(0)
            shown = page.locator("body").inner_text()
            assert "Bình Phước" not in shown and "Thư viện văn bản" not in shown and "Ví dụ câu hỏi" not in shown
        shoot(page, "sign-in-page")

        # (b) an signs in at the provider, sees who they are, and asks: answered from van-phong's letter only
        sign_in(page, signed_server, "an")
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar).to_contain_text("Đăng nhập: an@bo.gov.vn")
        expect(sidebar).to_contain_text("Nhóm truy cập: van-phong")
        ask(page, SHARED_QUESTION)
        expect(page.get_by_test_id("stChatMessage").nth(1)).to_contain_text("402-CV/VPĐU", timeout=90_000)
        settle(page)
        assert "3260" not in page.locator("body").inner_text()  # the answer, its sources, the sidebar's lists
        shoot(page, "signed-in-answer")

        # (c) the session is gone (cookies cleared, as when they expire): the sign-in page again
        context.clear_cookies()
        page.goto(signed_server)
        expect(page.get_by_role("button", name="Đăng nhập")).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stChatInputTextArea")).to_have_count(0)

        # another user, of other groups, in another browser: their own name and groups
        other = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
        other.goto(signed_server)
        expect(other.get_by_role("button", name="Đăng nhập")).to_be_visible(timeout=60_000)
        sign_in(other, signed_server, "binh")
        expect(other.get_by_test_id("stSidebar")).to_contain_text("Nhóm truy cập: dang-doan, phap-che")
        ask(other, SHARED_QUESTION)  # the same question: answered from dang-doan's plan only
        expect(other.get_by_test_id("stChatMessage").nth(1)).to_contain_text("3260-KH/ĐĐQH15", timeout=90_000)
        settle(other)
        assert "402-CV" not in other.locator("body").inner_text()
        shoot(other, "signed-in-other-group")

        # "Đăng xuất": signed out here and at the provider, back to the sign-in page
        settle(other)
        other.get_by_role("button", name="Đăng xuất").click()
        other.wait_for_url("http://127.0.0.1:*/session/end**", timeout=30_000)  # the provider asks to confirm
        other.get_by_role("button", name="Yes, sign me out").click()
        expect(other.get_by_role("button", name="Đăng nhập")).to_be_visible(timeout=60_000)
        expect(other.get_by_test_id("stChatInputTextArea")).to_have_count(0)
        browser.close()
