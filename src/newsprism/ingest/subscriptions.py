"""Subscribed feeds: OPML lists, conditional feed fetches, and the pages of teaser items."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsprism.config import Options
from newsprism.errors import InputError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import FeedItem, feed_items
from newsprism.ingest.fetch import fetch, fetch_if_changed, is_url
from newsprism.model import RawDocument


@dataclass(frozen=True, slots=True)
class FeedFetch:
    """A feed that changed since the last poll: its title, items and new validators."""

    title: str | None
    items: tuple[FeedItem, ...]
    etag: str | None
    last_modified: str | None


def feed_urls(target: str) -> list[str]:
    """The feed URLs ``target`` names: itself when a URL, else those of an OPML file.

    Raises InputError for a missing, unreadable or feedless OPML file.
    """
    if is_url(target):
        return [target]
    path = Path(target)
    try:
        root = ET.fromstring(path.read_bytes())
    except OSError as exc:
        raise InputError(target, f"cannot read file ({exc.strerror or exc})") from None
    except ET.ParseError as exc:
        raise InputError(target, f"not a URL nor a readable OPML file ({exc})") from None
    urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline")]
    urls = list(dict.fromkeys(u for u in urls if u))
    if not urls:
        raise InputError(target, "OPML file lists no feeds (no outline with an xmlUrl)")
    return urls


def fetch_feed(url: str, options: Options, etag: str | None = None,
               last_modified: str | None = None) -> FeedFetch | None:
    """The feed at ``url`` if it changed (None on 304); raises InputError on any failure."""
    fetched = fetch_if_changed(url, options, etag, last_modified)
    if fetched is None:
        return None
    text = decode_bytes(fetched.data, url, declared=fetched.charset)
    title, items = feed_items(text, url, options.feed_teaser_words)
    return FeedFetch(title, tuple(items), fetched.etag, fetched.last_modified)


def item_page(item: FeedItem, options: Options) -> RawDocument:
    """The full article of a teaser item: its linked page, with the feed's metadata kept.

    Raises InputError when the page cannot be fetched or decoded.
    """
    assert item.url is not None  # only linked items are teasers
    fetched = fetch(item.url, options)
    body = decode_bytes(fetched.data, item.url, declared=fetched.charset)
    doc = item.doc
    # the feed names the outlet, title and date; the page supplies the text
    return dataclasses.replace(doc, body=body, format="html", url=fetched.url)
