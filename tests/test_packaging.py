"""`pip install .` (not editable): the wheel carries the Streamlit app and the prompts, and the installed package
finds them in site-packages, wherever it is run from."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGES = ("core", "hoidap", "ingest", "index")
PACKAGED_FILES = {
    "hoidap/app.py",
    "hoidap/answer/prompts/answer_system.txt",
    "hoidap/answer/prompts/answer_user.txt",
    "hoidap/answer/prompts/condense.txt",
    "hoidap/answer/answerability.json",
}
WHERE = """
import hoidap, hoidap.cli, hoidap.answer.llm as llm
print(hoidap.__file__)
print(hoidap.cli.CHAT_APP, hoidap.cli.CHAT_APP.is_file())
for name in ("answer_system.txt", "answer_user.txt", "condense.txt"):
    print(llm.PROMPTS / name, bool((llm.PROMPTS / name).read_text(encoding="utf-8").strip()))
"""
CHAT_RUNS = """
from streamlit.testing.v1 import AppTest
from hoidap.cli import CHAT_APP
at = AppTest.from_file(str(CHAT_APP), default_timeout=60).run()
assert not at.exception, at.exception
print(at.title[0].value)
"""


def run(cmd: list, **kw) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, **kw)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the working tree (the build leaves nothing in the checkout)."""
    base = tmp_path_factory.mktemp("packaging")
    src = base / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for name in PACKAGES:
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", src, "-w", base / "dist"],
        cwd=base)
    (found,) = (base / "dist").glob("hoidap-*.whl")
    return found


def test_wheel_carries_the_chat_app_and_the_prompts(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert PACKAGED_FILES <= names, PACKAGED_FILES - names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "hoidap = hoidap.cli:app" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_serves_from_site_packages(wheel, tmp_path):
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    # pip of this environment installs into the new one; nothing is downloaded
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel])
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    # The dependencies come from this environment's site-packages, added as a plain path after the installed
    # package: its .pth files (the editable install of the checkout among them) are not run.
    (site / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    help_text = run([venv / "bin" / "hoidap", "serve", "--help"], cwd=elsewhere).stdout
    assert "Streamlit" in help_text

    lines = run([python, "-c", WHERE], cwd=elsewhere).stdout.splitlines()
    package, app, *prompts = lines
    assert Path(package).is_relative_to(site)
    assert app == f"{site / 'hoidap' / 'app.py'} True"
    assert prompts == [f"{site / 'hoidap' / 'answer' / 'prompts' / n} True"
                       for n in ("answer_system.txt", "answer_user.txt", "condense.txt")]
    assert not any(str(ROOT) in line for line in lines)

    # what `hoidap serve` runs, run from site-packages (no index there yet: the page says so, no traceback)
    env = {**os.environ, "HOIDAP_INDEX_DIR": str(tmp_path / "no-index"), "HF_HUB_OFFLINE": "1"}
    assert run([python, "-c", CHAT_RUNS], cwd=elsewhere, env=env).stdout.strip() == "Hỏi đáp chính sách chuyển đổi số"
