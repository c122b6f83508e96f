"""Who is asking in the chat: the caller every question, list and document view is read for.

Sign-in off (the default): everyone is the guest, ``Caller.of("", guest_groups)``; no login screen.
Sign-in on (``HOIDAP_SIGN_IN=true``): Streamlit's OpenID Connect sign-in (``st.login``, configured by the
``[auth]`` section of ``.streamlit/secrets.toml``). Until someone has signed in, the page shows only a
"Đăng nhập" button: no document, no library, no sidebar. A signed-in user's groups come from the identity
token's claim ``groups_claim``, else from the ``groups_file`` mapping (e-mail → groups); otherwise they read
public documents only. Sign-in on but not configured is an error page for the operator, never an open chat.
"""

from __future__ import annotations

import logging
import time
import tomllib
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from core.access import Caller, group_names
from core.errors import AccessGroupError, SignInError
from core.settings import Settings
from hoidap.ui_text import escape

LOG = logging.getLogger("hoidap.signin")

SHARED_KEYS = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# A sign-in older than this is asked again (Streamlit's own cookie lasts 30 days; the groups in it are those of the
# day it was issued). Counted from the identity token's auth_time or iat.
MAX_SESSION_HOURS = 12

SECRETS_EXAMPLE = """[auth]
redirect_uri = "https://hoidap.example.gov.vn/oauth2callback"   # địa chỉ của ứng dụng + /oauth2callback
cookie_secret = "một chuỗi ngẫu nhiên dài"                        # vd. python -c "import secrets; print(secrets.token_hex(32))"
client_id = "hoidap"
client_secret = "…"
server_metadata_url = "https://sso.example.gov.vn/.well-known/openid-configuration\""""


def auth_setup(auth: Mapping | None) -> tuple[list[str], list[str | None]]:
    """What the ``[auth]`` secrets lack, and the providers a user may sign in with (None = the unnamed default).

    The default provider's keys sit in ``[auth]`` itself; named providers in ``[auth.NAME]`` tables.
    """
    if not isinstance(auth, Mapping):
        return [*SHARED_KEYS, *PROVIDER_KEYS], []
    missing = [k for k in SHARED_KEYS if not auth.get(k)]
    if auth.get("redirect_uri") and not str(auth["redirect_uri"]).rstrip("/").endswith("/oauth2callback"):
        missing.append("redirect_uri (phải kết thúc bằng /oauth2callback)")
    if all(auth.get(k) for k in PROVIDER_KEYS):
        return missing, [None]
    named = [
        str(name) for name, section in auth.items()
        if isinstance(section, Mapping) and name != "client_kwargs" and all(section.get(k) for k in PROVIDER_KEYS)
    ]
    if not named:
        missing += [k for k in PROVIDER_KEYS if not auth.get(k)]
    return missing, named


def user_name(claims: Mapping) -> str:
    """Who signed in, as the audit trail and the sidebar name them: the e-mail, else the subject or name."""
    for key in ("email", "preferred_username", "sub", "name"):
        if claims.get(key):
            return str(claims[key])
    return ""


_FILES: dict[Path, tuple[float, dict[str, tuple[str, ...]]]] = {}


def groups_file(path: Path) -> dict[str, tuple[str, ...]]:
    """The e-mail → groups mapping of ``groups_file`` (read again when the file changes). SignInError when it
    cannot be read; AccessGroupError for a bad group name."""
    try:
        mtime = path.stat().st_mtime
        if path in _FILES and _FILES[path][0] == mtime:
            return _FILES[path][1]
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SignInError(f"groups_file {path}: {exc}") from exc
    mapping = {str(email).strip().lower(): group_names(groups, f"{path}: {email}") for email, groups in data.items()}
    _FILES[path] = (mtime, mapping)
    return mapping


def claim_groups(value: object) -> tuple[str, ...]:
    """The groups a token's claim lists (a list or a comma-separated string). Names that are not group names
    ("Domain Users") are left out with a warning: an identity provider lists groups hoidap knows nothing of."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        LOG.warning("groups claim is neither a list nor a string: %r; public documents only", value)
        return ()
    names: set[str] = set()
    for item in items:
        try:
            names.update(group_names([item], "groups claim"))
        except AccessGroupError:
            LOG.warning("groups claim: %r is not an access group name; ignored", item)
    return tuple(sorted(names))


def caller_for(claims: Mapping, settings: Settings) -> Caller:
    """The caller of a signed-in user's claims: groups from the token's claim, else from ``groups_file`` by
    verified e-mail, else none (public documents only)."""
    user = user_name(claims)
    value = claims.get(settings.groups_claim)
    if value is not None:
        return Caller.of(user, claim_groups(value))
    email = str(claims.get("email") or "").strip().lower()
    if settings.groups_file is not None and email and claims.get("email_verified") is not False:
        return Caller.of(user, groups_file(Path(settings.groups_file)).get(email, ()))
    return Caller.of(user, ())


def session_expired(claims: Mapping, now: float | None = None) -> bool:
    """Whether the sign-in these claims record is older than MAX_SESSION_HOURS."""
    issued = claims.get("auth_time") or claims.get("iat")
    if not isinstance(issued, (int, float)):
        return False
    return (now or time.time()) - issued > MAX_SESSION_HOURS * 3600


def _stop_with(message: str, detail: str = "") -> None:
    st.title("Hỏi đáp chính sách chuyển đổi số")
    st.error(message)
    if detail:
        st.code(detail, language="toml")
    st.stop()


def _auth_secrets() -> Mapping | None:
    try:
        auth = st.secrets.get("auth")
    except Exception:  # no secrets.toml at all, or one that is not TOML
        return None
    return auth if isinstance(auth, Mapping) else None


def current_caller(settings: Settings) -> Caller:
    """The caller of this script run. With sign-in on and nobody signed in, draws the sign-in page and stops
    the run (st.stop): nothing after this call is rendered."""
    if not settings.sign_in:
        try:
            return Caller.of("", group_names(settings.guest_groups, "guest_groups"))
        except AccessGroupError as exc:
            _stop_with(f"Cấu hình nhóm truy cập của khách (guest_groups) không hợp lệ: {exc}. Hãy báo người vận hành.")
    try:
        import authlib  # noqa: F401  (st.login needs it)
    except ImportError:
        _stop_with("Chức năng đăng nhập cần gói Authlib. Người vận hành cần cài: pip install 'Authlib>=1.3.2'.")
    missing, providers = auth_setup(_auth_secrets())
    if missing or not providers:
        _stop_with(
            "Đăng nhập đã được bật (HOIDAP_SIGN_IN) nhưng chưa được cấu hình. Người vận hành cần đặt trong mục "
            "[auth] của tệp .streamlit/secrets.toml (trong thư mục chạy `hoidap serve`, hoặc ~/.streamlit/secrets.toml) "
            "các khóa còn thiếu: " + ", ".join(missing) + ". Ví dụ:",
            SECRETS_EXAMPLE,
        )
    claims = st.user.to_dict() if st.user.get("is_logged_in") else {}
    expired = bool(claims) and session_expired(claims)
    if not claims or expired:
        sign_in_page(providers, expired)
    try:
        return caller_for(claims, settings)
    except (SignInError, AccessGroupError) as exc:
        LOG.error("sign-in: %s", exc)
        _stop_with(f"Không xác định được nhóm truy cập của tài khoản này ({exc}). Hãy báo người vận hành.")
    raise AssertionError("unreachable")  # _stop_with stops the run


def sign_in_page(providers: list[str | None], expired: bool = False) -> None:
    """The page before sign-in: what this is, and the sign-in button(s). No document text, no sidebar."""
    st.title("Hỏi đáp chính sách chuyển đổi số")
    if expired:
        st.warning("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")
    st.markdown("Vui lòng **đăng nhập** bằng tài khoản của cơ quan để hỏi đáp và xem văn bản.")
    st.caption("Mỗi người chỉ thấy các văn bản công khai và các văn bản thuộc nhóm được phân quyền cho mình.")
    for provider in providers:
        label = "Đăng nhập" if provider is None else f"Đăng nhập bằng {provider}"
        if st.button(label, key=f"login-{provider or 'default'}", type="primary"):
            st.login(provider)
    st.stop()


def show_identity(caller: Caller, settings: Settings) -> None:
    """Who is signed in and what they read, with "Đăng xuất" (in the sidebar). Nothing when sign-in is off and
    guests read public documents only."""
    groups = ", ".join(sorted(caller.groups))
    if settings.sign_in:
        st.caption("Đăng nhập: " + escape(caller.user or "không rõ tên"))
        st.caption("Nhóm truy cập: " + escape(groups or "chỉ văn bản công khai"))
        if st.button("Đăng xuất", key="logout"):
            st.logout()
    elif groups:
        st.caption("Nhóm truy cập: " + escape(groups))
