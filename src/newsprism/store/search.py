"""Full-text search: the query syntax people type, parsed into a safe FTS5 expression.

Syntax (the same in the CLI, the search page and ``/api/search``):

- ``ferry harbour``: articles with both words (AND is implied between terms);
- ``"ferry sank"``: the words in this order, side by side ("curly quotes" work too);
- ``ferry OR boat``: either word; OR (in capitals) joins the terms beside it, so
  ``sank ferry OR boat`` is sank AND (ferry OR boat);
- ``-strike`` or ``NOT strike``: without this word (or ``-"phrase"``);
- ``harb*``: words starting with "harb" (also ``"ferry sa"*`` for a phrase);
- ``AND`` in capitals may be written but changes nothing; lower-case and, or, not are words.

Accents and case are ignored (erdogan finds Erdoğan). Punctuation inside a term splits it
into a phrase (``U.S.`` is the phrase "u s"), and other punctuation, parentheses and FTS5
syntax (``NEAR``, ``^``, ``col:``) is read as plain words or ignored, never obeyed: the
expression handed to SQLite is built here from quoted words only.

A query that cannot be read (an unbalanced quote, a lone OR/AND/NOT, only excluded
terms, nothing to search for, too long, too many terms) raises :class:`QueryError`.

Cost: terms are de-duplicated and both the query length and the number of distinct terms
are capped (``Options.search_max_chars``, ``Options.search_max_terms``), so SQLite's
matching and ranking stay bounded; snippets and highlights are computed in one pass over
the text (store/matching.py), a hit's snippet from its first ``Options.search_scan_chars``.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsprism.config import Options
from newsprism.errors import NotFoundError, QueryError
from newsprism.store.matching import Matcher, snippet

# \w without "_": the characters SQLite's unicode61 tokenizer keeps in a token
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"(?P<star>\*?)|(?P<open>")|(?P<bare>[^\s"]+)')
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"'})
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to find, words in order; ``prefix``: the last word may go on."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The term as an FTS5 string: quoted words only, so nothing in it is syntax."""
        return '"' + " ".join(self.words) + '"' + (" *" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: every clause must match (a clause is any of its terms), no
    excluded term may."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def expression(self) -> str:
        """The FTS5 MATCH expression."""
        required = " AND ".join(_any(c) for c in self.clauses)
        if not self.excluded:
            return required
        return f"({required}) NOT {_any(self.excluded)}"

    def matcher(self) -> Matcher:
        """Finds the words the query wants (not the excluded ones) in a text."""
        wanted = dict.fromkeys(t for c in self.clauses for t in c)
        return Matcher((t.words, t.prefix) for t in wanted)


def _any(terms: tuple[Term, ...]) -> str:
    if len(terms) == 1:
        return terms[0].fts()
    return "(" + " OR ".join(t.fts() for t in terms) + ")"


def parse_query(text: str, options: Options | None = None) -> SearchQuery:
    """Parse what a user typed (syntax in the module docstring) into a :class:`SearchQuery`.

    Raises QueryError, with a message saying what to change, when the query is empty,
    longer than ``options.search_max_chars``, has an unbalanced quote, a lone OR, AND or
    NOT, only excluded terms, or more than ``options.search_max_terms`` distinct terms.
    Repeated terms count once.
    """
    options = options or Options()
    if len(text) > options.search_max_chars:
        raise QueryError("query", f"{len(text)} characters long; at most "
                         f"{options.search_max_chars} are accepted: shorten it")
    tokens = _tokens(unicodedata.normalize("NFC", text).translate(_QUOTES))
    clauses, excluded = _Parser(tokens).parse()
    clauses = list(dict.fromkeys(tuple(dict.fromkeys(c)) for c in clauses))
    excluded = list(dict.fromkeys(excluded))
    if not clauses:
        raise QueryError("query", "only excluded terms; add a word to search for"
                         if excluded else "empty; type a word or \"a phrase\" to search for")
    distinct = {t for c in clauses for t in c} | set(excluded)
    if len(distinct) > options.search_max_terms:
        raise QueryError("query", f"{len(distinct)} different terms; at most "
                         f"{options.search_max_terms} are accepted: remove some")
    return SearchQuery(tuple(clauses), tuple(excluded))


# a token: ("op", "OR" | "AND" | "NOT") or ("term", Term, excluded by a leading "-")
Token = tuple[str, Any, bool]


def _tokens(text: str) -> list[Token]:
    """The query's operators and terms in order; terms without any word are dropped."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if m["open"]:
            raise QueryError("query", 'unbalanced quote ("): close the phrase or remove it')
        if m["bare"] in _OPERATORS:
            out.append(("op", m["bare"], False))
            continue
        raw, negated, prefix = _term_parts(m)
        words = tuple(w.lower() for w in _WORD.findall(raw))
        if words:
            out.append(("term", Term(words, prefix), negated))
    return out


def _term_parts(m: re.Match[str]) -> tuple[str, bool, bool]:
    """(text, excluded, prefix) of a phrase or bare-word match."""
    if m["bare"] is None:
        return m["phrase"], bool(m["neg"]), bool(m["star"])
    raw = m["bare"]
    negated = raw.startswith("-") and len(raw) > 1
    raw = raw[1:] if negated else raw
    return raw, negated, raw.endswith("*")


class _Parser:
    """query := clause ([AND] clause)*; clause := NOT term | -term | term (OR term)*."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.i = 0

    def parse(self) -> tuple[list[tuple[Term, ...]], list[Term]]:
        clauses: list[tuple[Term, ...]] = []
        excluded: list[Term] = []
        while self.i < len(self.tokens):
            kind, value, negated = self.tokens[self.i]
            self.i += 1
            if kind == "term" and negated:
                excluded.append(value)
                self._no_or_after("an excluded term")
            elif kind == "term":
                clauses.append(self._alternatives(value))
            elif value == "NOT":
                excluded.append(self._term_after("NOT"))
                self._no_or_after("an excluded term")
            elif value == "AND":
                if not (clauses or excluded):
                    raise QueryError("query", "AND needs a word or phrase on each side")
                self._peek_term("AND")
            else:
                raise QueryError("query", "OR needs a word or phrase on each side")
        return clauses, excluded

    def _alternatives(self, first: Term) -> tuple[Term, ...]:
        terms = [first]
        while self._next_is("OR"):
            self.i += 1
            terms.append(self._term_after("OR"))
        return tuple(terms)

    def _term_after(self, op: str) -> Term:
        """The plain term after operator ``op`` (consumed); QueryError when there is none."""
        if self.i >= len(self.tokens) or self.tokens[self.i][0] != "term" \
                or self.tokens[self.i][2]:
            side = "on each side" if op == "OR" else "after it"
            raise QueryError("query", f"{op} needs a word or phrase {side}")
        self.i += 1
        return self.tokens[self.i - 1][1]

    def _peek_term(self, op: str) -> None:
        if self.i >= len(self.tokens) or self.tokens[self.i][1] in ("OR", "AND"):
            raise QueryError("query", f"{op} needs a word or phrase on each side")

    def _next_is(self, op: str) -> bool:
        return self.i < len(self.tokens) and self.tokens[self.i][:2] == ("op", op)

    def _no_or_after(self, what: str) -> None:
        if self._next_is("OR"):
            raise QueryError("query", f"OR cannot join {what}; write the OR terms without - or NOT")


class SearchTables:
    """Search queries of :class:`~newsprism.store.Store` (mixed in; uses its connection)."""

    db: sqlite3.Connection
    _story_summary: Callable[[sqlite3.Row], dict[str, Any]]

    def search(self, query: str | SearchQuery, limit: int = 50,
               options: Options | None = None) -> list[dict[str, Any]]:
        """Articles matching ``query`` (text parsed under ``options``), best first.

        Each hit has the article's id, story_id, name, title, published and a snippet
        from the first ``options.search_scan_chars`` characters of its text, each matched
        word between HIT and END (store.matching). Raises QueryError.
        """
        options = options or Options()
        parsed = query if isinstance(query, SearchQuery) else parse_query(query, options)
        scan_chars = options.search_scan_chars
        rows = self.db.execute(
            "SELECT a.id, a.story_id, a.name, a.title, a.published, substr(a.text, 1, ?) "
            "AS text FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.seq LIMIT ?",
            (scan_chars, parsed.expression(), limit)).fetchall()
        matcher = parsed.matcher()
        hits = []
        for row in rows:
            hit = {k: row[k] for k in row.keys() if k != "text"}
            hit["snippet"] = snippet(row["text"], matcher.spans(row["text"]))
            hits.append(hit)
        return hits

    def article(self, article_id: str) -> dict[str, Any]:
        """One stored article: id, name, title, url, published, author, text (cleaned),
        duplicate_of, and ``stories``: its story, then those holding its syndicated copies.

        Raises NotFoundError for an unknown id.
        """
        row = self.db.execute(
            "SELECT seq, id, story_id, duplicate_of, name, title, url, published, author, text "
            "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r}; search finds articles by their words")
        out = {k: row[k] for k in row.keys() if k not in ("seq", "story_id")}
        origin = row["duplicate_of"] or row["id"]
        story_ids = [row["story_id"]] + [r[0] for r in self.db.execute(
            "SELECT story_id FROM articles WHERE (duplicate_of = ? OR id = ?) AND story_id != ? "
            "GROUP BY story_id ORDER BY min(seq)", (origin, origin, row["story_id"]))]
        out["stories"] = [self._story_summary(r) for r in self._story_rows(story_ids)]
        return out

    def _story_rows(self, story_ids: list[str]) -> list[sqlite3.Row]:
        rows = {r["id"]: r for r in self.db.execute(
            "SELECT id, title, first_date, last_date, size, version FROM stories WHERE id IN "
            f"({','.join('?' * len(story_ids))})", story_ids)}
        return [rows[s] for s in story_ids if s in rows]

    def matches(self, article_id: str, query: SearchQuery) -> list[tuple[int, int]]:
        """(start, end) in the article's cleaned text of each word ``query`` wants, in order;
        [] when its text holds none of them (a title-only match). Linear in the text."""
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return query.matcher().spans(row[0]) if row else []
