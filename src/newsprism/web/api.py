"""The JSON API under /api/: the same data as the pages, documented by the OpenAPI schema."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from pydantic import BaseModel

from newsprism.store import Store, parse_query
from newsprism.web.deps import get_store, ingest_uploads, options_of


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every /api/ response that is not a success."""

    error: ErrorDetail


class StorySummary(BaseModel):
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    articles: int
    version: int
    outlets: list[str]


class Member(BaseModel):
    id: str
    name: str
    title: str | None
    url: str | None
    record_id: str | None
    published: str | None
    duplicate_of: str | None


class StoryDetail(StorySummary):
    members: list[Member]


class StoryList(BaseModel):
    stories: list[StorySummary]


class SearchHit(BaseModel):
    id: str
    story_id: str
    name: str
    title: str | None
    published: str | None
    snippet: str


class SearchResult(BaseModel):
    query: str
    results: list[SearchHit]


class Span(BaseModel):
    start: int
    end: int


class ArticleDetail(BaseModel):
    """A stored article; ``text`` is its cleaned text, into which the spans point."""

    id: str
    name: str
    title: str | None
    url: str | None
    published: str | None
    author: str | None
    duplicate_of: str | None
    text: str
    stories: list[StorySummary]
    matches: list[Span]
    sentences: list[Span]


class IngestResult(BaseModel):
    added: int
    duplicates: int
    near_duplicates: int
    stories_created: list[str]
    stories_updated: list[str]
    errors: list[str]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody}, 404: {"model": ErrorBody}, 422: {"model": ErrorBody},
    503: {"model": ErrorBody, "description": "The store cannot be used now (read-only, busy)"},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "The server needs its write token (Bearer)"},
    403: {"model": ErrorBody, "description": "Sent from another site's page"},
}
router = APIRouter(prefix="/api", responses=ERRORS)
MAX_OFFSET = 2**63 - 1  # SQLite's largest integer: a larger offset is a 422, not a 500


@router.get("/stories", response_model=StoryList, summary="Stories, newest first")
def api_stories(since: str | None = Query(None, description="YYYY-MM-DD"),
                limit: int = Query(100, ge=1, le=1000),
                offset: int = Query(0, ge=0, le=MAX_OFFSET),
                store: Store = Depends(get_store)) -> dict[str, Any]:
    from newsprism.web.storylist import check_since

    return {"stories": store.stories(since=check_since(since), limit=limit, offset=offset)}


@router.get("/stories/{story_id}", response_model=StoryDetail,
            summary="One story with its member articles (record ids and urls)")
def api_story(story_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
    return store.story(story_id)


@router.get("/stories/{story_id}/briefing",
            summary="The story's briefing, JSON contract newsprism.briefing/2")
def api_briefing(story_id: str, request: Request,
                 since: str | None = Query(None, description="with what arrived after this "
                                           "time (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC)"),
                 store: Store = Depends(get_store)) -> dict[str, Any]:
    from newsprism.pipeline.collection import story_briefing
    from newsprism.pipeline.since import story_since

    if since is not None:
        return story_since(store, story_id, since, options_of(request)).to_dict()
    return story_briefing(store, story_id, options_of(request)).to_dict()


@router.get("/search", response_model=SearchResult,
            summary="Full-text search: \"phrases\", OR, -word / NOT word, prefix*; "
                    "accents ignored")
def api_search(request: Request,
               q: str = Query("", description='Query, e.g. erdogan "state visit" -football '
                              "(an empty or unreadable query is a 400)"),
               limit: int = Query(20, ge=1, le=200),
               store: Store = Depends(get_store)) -> dict[str, Any]:
    hits = store.search(q, limit=limit, options=options_of(request))
    for h in hits:
        h["snippet"] = h["snippet"].replace("\x02", "").replace("\x03", "")
    return {"query": q, "results": hits}


@router.get("/articles/{article_id}", response_model=ArticleDetail,
            summary="One stored article; with q, the spans of the words it matched and of "
                    "their sentences")
def api_article(article_id: str, request: Request,
                q: str | None = Query(None, description="a search query, as for /api/search"),
                store: Store = Depends(get_store)) -> dict[str, Any]:
    from newsprism.pipeline.article import article_view

    query = parse_query(q, options_of(request)) if q else None
    return article_view(store, article_id, query)


@router.post("/ingest", response_model=IngestResult, responses=WRITE_ERRORS,
             summary="Ingest uploaded files and/or http(s) URLs (one per line)",
             description="Files are read under their own names; URLs must be http(s) and "
             "public. Items that cannot be read are listed under `errors`; the stories "
             "changed get their briefings built in the background. When the server "
             "needs a write token, send `Authorization: Bearer <token>`.")
async def api_ingest(request: Request, files: list[UploadFile] = File(default=[]),
                     urls: str = Form(default=""),
                     store: Store = Depends(get_store)) -> dict[str, Any]:
    report = await ingest_uploads(files, urls, store, options_of(request))
    return report.to_dict()
