"""Server-rendered pages: stories, a story's briefing, search, articles, the ingest form.

Every page has a JSON twin under /api/. Templates autoescape everything;
the only markup inserted unescaped is the briefing fragment, which the render
stage itself builds with autoescaping on, and search snippets, escaped here
before the match markers become <mark>.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse
from markupsafe import Markup, escape

from newsprism.errors import InputError, NewsPrismError, QueryError
from newsprism.store import Store, parse_query
from newsprism.web.deps import get_store, ingest_uploads, options_of
from newsprism.web.highlight import paragraphs
from newsprism.web.security import check_form, form_nonce, set_form_cookie

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/")
def stories_page(request: Request, since: str | None = None,
                 store: Store = Depends(get_store)) -> HTMLResponse:
    """Story cards, newest first; an invalid ``since`` is explained above all stories."""
    from newsprism.web.storylist import LIST_COOKIE, check_since, story_cards

    problem = None
    try:
        since = check_since(since)
    except InputError as exc:
        problem, since = str(exc), None
    cards = story_cards(store, options_of(request), since, request.cookies)
    newest = store.newest_date() if since and not cards else None
    total = store.count("stories") if since and not cards else len(cards)
    response = page(request, "stories.html", 400 if problem else 200, stories=cards,
                    since=since, problem=problem, total=total, newest=newest)
    response.set_cookie(LIST_COOKIE, _now(), max_age=SEEN_DAYS * 86400, httponly=True,
                        samesite="lax")
    return response


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(Path(__file__).parent / "static" / "favicon.ico",
                        media_type="image/x-icon")


@router.get("/stories/{story_id}")
def story_page(story_id: str, request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    """The briefing, headed by what is new since this browser's last visit (a cookie)."""
    from newsprism.pipeline.collection import story_fragment

    story = store.story(story_id)
    title, html = story_fragment(store, story_id, options_of(request))
    # the fragment is built by the render stage's own autoescaping templates
    fragment = Markup(html)  # noqa: S704
    cookie = f"np-seen-{story_id}"
    since = _new_since(store, story_id, request.cookies.get(cookie), options_of(request))
    response = page(request, "story.html", story=story, fragment=fragment, title=title,
                    since=since)
    response.set_cookie(cookie, _now(), max_age=SEEN_DAYS * 86400, httponly=True,
                        samesite="lax")
    return response


SEEN_DAYS = 365  # how long a browser remembers its last visit of a story


def _new_since(store: Store, story_id: str, seen: str | None, options: Any) -> Any:
    """The briefing with what arrived after ``seen``; None on a first visit or when
    nothing arrived (then the page shows the briefing alone)."""
    from newsprism.pipeline.since import story_since, utc_time

    try:
        if not seen or not store.arrived_after(story_id, utc_time(seen)):
            return None
    except NewsPrismError:  # a cookie this app did not write
        return None
    return story_since(store, story_id, seen, options)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@router.get("/search")
def search_page(request: Request, q: str | None = None,
                store: Store = Depends(get_store)) -> HTMLResponse:
    """Hits for ``q``, or the form and its syntax help; a query that cannot be read is a
    400 with its message above the form."""
    if q is None:
        return page(request, "search.html", q="", hits=None, error=None)
    try:
        hits = store.search(q, limit=50, options=options_of(request))
    except QueryError as exc:
        return page(request, "search.html", status=400, q=q, hits=None, error=exc.problem)
    for h in hits:
        h["snippet"] = _marked(h["snippet"])
    return page(request, "search.html", q=q, hits=hits, error=None)


def _marked(snippet: str) -> Markup:
    """Escape the snippet, then turn FTS match markers into <mark> elements."""
    safe = str(escape(snippet))
    return Markup(safe.replace("\x02", "<mark>").replace("\x03", "</mark>"))  # noqa: S704


@router.get("/articles/{article_id}")
def article_page(article_id: str, request: Request, q: str | None = None,
                 store: Store = Depends(get_store)) -> HTMLResponse:
    """A stored article's cleaned text and stories; with ``q`` (a hit's link), the words
    it matched in <strong> and their sentences in <mark>, the first at #match."""
    from newsprism.pipeline.article import article_view

    query = parse_query(q, options_of(request)) if q else None
    article = article_view(store, article_id, query)
    text = paragraphs(article["text"], [(s["start"], s["end"]) for s in article["sentences"]],
                      [(m["start"], m["end"]) for m in article["matches"]])
    return page(request, "article.html", article=article, paragraphs=text, q=q or "")


@router.get("/ingest")
def ingest_form(request: Request) -> HTMLResponse:
    return ingest_page(request, None)


@router.post("/ingest", dependencies=[Depends(check_form)])
async def ingest_submit(request: Request, files: list[UploadFile] = File(default=[]),
                        urls: str = Form(default=""),
                        store: Store = Depends(get_store)) -> HTMLResponse:
    """Files and URLs in, a report out: what was added apart from what was refused."""
    try:
        report = (await ingest_uploads(files, urls, store, options_of(request))).to_dict()
    except InputError as exc:  # nothing to ingest: the form again, with why
        report = {"added": 0, "errors": [str(exc)]}
    return ingest_page(request, report, status=200 if report["added"] or not report["errors"]
                       else 400)


def ingest_page(request: Request, result: dict[str, Any] | None, status: int = 200) -> HTMLResponse:
    """The ingest form (with this browser's form token) and, after a submit, its result."""
    nonce, form_token = form_nonce(request)
    response = page(request, "ingest.html", status=status, result=result,
                    form_token=form_token, needs_token=request.app.state.guard.token is not None)
    set_form_cookie(response, nonce)
    return response
