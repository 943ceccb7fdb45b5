"""Ingest stage: paths, folders, URLs, feeds, JSONL and stdin -> RawDocuments.

(Placeholder: the full stage is being written; this reads plain-text files only.)
"""

from __future__ import annotations

from pathlib import Path

from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.model import RawDocument


def read_inputs(
    inputs: list[str], options: Options
) -> tuple[list[RawDocument], list[InputError]]:
    """Every document found in ``inputs``, in a stable order, plus the errors met on the way."""
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in inputs:
        path = Path(item)
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                docs.append(RawDocument(origin=str(f), body=f.read_text("utf-8"), format="text",
                                        path=str(f)))
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(InputError(str(f), str(exc)))
    return docs, errors
