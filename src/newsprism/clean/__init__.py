"""Clean stage: RawDocument -> Article (main text, metadata, boilerplate removed and recorded).

(Placeholder: the full stage is being written; this only trims whitespace.)
"""

from __future__ import annotations

from pathlib import Path

from newsprism.config import Options
from newsprism.errors import ExtractionError
from newsprism.model import Article, RawDocument, content_id


def clean_document(doc: RawDocument, options: Options) -> Article:
    """The cleaned article of ``doc``; raises ExtractionError when no text is left."""
    text = doc.body.strip()
    if not text:
        raise ExtractionError(doc.origin, "no article text found")
    name = doc.source or Path(doc.origin).stem
    return Article(id=content_id(text), name=name, text=text, title=doc.title, url=doc.url,
                   published=doc.published, path=doc.path, record_id=doc.record_id)
