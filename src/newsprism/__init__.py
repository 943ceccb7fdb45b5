"""NewsPrism: one news story from many outlets, as an attributed, traceable briefing."""

from __future__ import annotations

import os

# NewsPrism's matrices are small (a story's sentences): OpenBLAS/MKL threads only spin
# waiting for work. One BLAS thread cut the seed story's digest from 0.39 to 0.25 s of
# CPU and from 0.29 to 0.25 s of wall time (TF-IDF, 2 cores). Set before numpy loads;
# a value the user set wins. (ONNX Runtime keeps its own threads: nlp/embed.py.)
for _name in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from newsprism.model import Briefing  # noqa: E402 (after the thread settings)

__all__ = ["Briefing", "digest"]
__version__ = "0.1.0"


def digest(inputs, **options):  # type: ignore[no-untyped-def]
    """Digest articles (paths, folders, URLs, or ``"-"``) into one :class:`Briefing`.

    Keyword options are those of :class:`newsprism.config.Options` (``words=120``,
    ``embedder="minilm"`` ...). Bad inputs among good ones are skipped; if none
    is usable, :class:`newsprism.errors.InputError` is raised.
    """
    from newsprism.pipeline import digest as _digest

    return _digest(list(inputs), **options)
