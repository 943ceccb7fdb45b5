"""Bytes -> text: the common encodings first, and a refusal for binary data.

Web pages and text files in the wild are mostly UTF-8, sometimes with a BOM,
sometimes Windows-1252 or Latin-1. Latin-1 decodes *any* byte string, so the
fallbacks alone would turn a JPEG into mojibake; the binary checks below run
on the decoded text and reject it instead.
"""

from __future__ import annotations

import codecs

from newsprism.errors import InputError

# Share of control characters (other than tab, newline, carriage return, form
# feed) above which a decoded text is taken to be binary. Real text has almost
# none; a binary file decoded as Latin-1 has ~12% C0 plus ~12% C1 controls.
MAX_CONTROL_SHARE = 0.02

# Only the head is inspected for NUL bytes: enough to catch images and archives
# without scanning megabytes.
SNIFF_BYTES = 8192

_FALLBACKS = ("utf-8", "cp1252", "latin-1")
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """Decoded text of ``data``, trying ``declared`` (e.g. an HTTP charset) first.

    Raises :class:`InputError` naming ``origin`` when the data is binary or no
    common encoding yields clean text.
    """
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data[:SNIFF_BYTES]:
            raise InputError(origin, "binary file (holds NUL bytes), not text")
        text = _decode_fallbacks(data, declared)
    if text is None or _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(
            origin, "binary or undecodable data: not text in UTF-8, Windows-1252 or Latin-1"
        )
    return text


def _decode_with_bom(data: bytes) -> str | None:
    """UTF-8/16/32 text announced by a byte-order mark, else None."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_fallbacks(data: bytes, declared: str | None) -> str | None:
    encodings = [declared] if declared else []
    for encoding in [*encodings, *_FALLBACKS]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _control_share(text: str) -> float:
    """Share of control characters (C0 and C1) among the first characters of ``text``."""
    head = text[:SNIFF_BYTES]
    if not head:
        return 0.0
    controls = sum(
        1 for ch in head if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in _ALLOWED_CONTROLS
    )
    return controls / len(head)
