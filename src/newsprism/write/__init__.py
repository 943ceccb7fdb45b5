"""Optional rewording of the summary by a language model the user runs, checked line by line.

Writers form a name registry, like the embedders:

* ``none``: the extractive summary as it is (the default: no dependency, no network).
* ``openai``: any OpenAI-compatible chat endpoint, such as a local Ollama or llama.cpp
  server (``--writer-url http://localhost:11434/v1 --writer-model llama3.2``). It sends one
  request per summary line, holding the line and the source sentence it was taken from,
  at temperature 0 with a fixed seed. ``$NEWSPRISM_WRITER_KEY`` is sent as a bearer token when set.

Every proposed rewording is checked against that source sentence, the line's first
citation (:func:`supported`); the line's other citations were aligned with it. A
rewording is dropped, and the extractive line stays, when it holds a number, a name or
a negation that the sentence does not hold, when fewer than ``options.writer_support``
of its content words come from it, or when it is longer than the line (the word budget
holds). So a reworded line can only restate what its first citation says, and its
citations stay exactly as they were.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import replace

from newsprism.config import Options
from newsprism.errors import ConfigError, WriterError
from newsprism.model import Article, SummaryItem
from newsprism.nlp.text import fold

KEY_ENV = "NEWSPRISM_WRITER_KEY"
_SYSTEM = (
    "You reword one line of a news briefing so that it reads well on its own. Use only what "
    "the source sentence states. Do not add names, numbers, dates, opinions or claims. "
    "Write one sentence, no longer than the line. Answer with that sentence only."
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NEGATIONS = frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                        "without", "cannot"})
_FUNCTION = frozenset(
    "a an the and or but of in on at to for from by with as is are was were be been being has "
    "have had it its this that these those he she they we you i his her their our who which "
    "what when where while after before than then there here also said says will would".split()
)

Ask = Callable[[str, str], str]  # (system prompt, user prompt) -> the model's answer


def rewrite(items: tuple[SummaryItem, ...], articles: tuple[Article, ...],
            options: Options) -> tuple[SummaryItem, ...]:
    """The summary with each line reworded by ``options.writer`` where the rewording holds.

    Raises:
        ConfigError: an unknown writer, or ``openai`` without a URL and a model.
        WriterError: the endpoint cannot be reached or answers something unreadable.
    """
    ask = _writer(options)
    if ask is None:
        return items
    texts = {a.id: a.text for a in articles}
    out = []
    for item in items:
        first = item.citations[0]
        sentence = texts[first.source][first.start:first.end]
        proposal = _first_sentence(ask(_SYSTEM, _prompt(item.text, sentence)))
        if proposal != item.text and supported(proposal, item.text, sentence,
                                               options.writer_support):
            # a line whose source pronoun was already named keeps the source wording
            item = replace(item, text=proposal,
                           rewritten_from=item.rewritten_from or item.text)
        out.append(item)
    return tuple(out)


def supported(proposal: str, line: str, sentence: str, min_support: float) -> bool:
    """True when ``proposal`` restates ``sentence`` (the line's source) and is no longer
    than ``line``."""
    if not proposal or len(proposal.split()) > len(line.split()):
        return False
    words, source = _words(proposal), _words(sentence)
    numbers = {w for w in words if any(ch.isdigit() for ch in w)}
    if not numbers <= source:
        return False  # a number the sources do not state
    negations = words & _NEGATIONS
    if not negations <= source or not _words(line) & _NEGATIONS <= negations:
        return False  # a negation added, or the line's own dropped
    names = {fold(w) for w in _WORD.findall(proposal)[1:] if w[0].isupper()}
    if not names <= source:
        return False
    content = [w for w in words if w not in _FUNCTION and len(w) > 2]
    stems = {w[:5] for w in source}
    return not content or sum(w[:5] in stems for w in content) / len(content) >= min_support


def _words(text: str) -> set[str]:
    """Folded words ("didn't" counts as "not") and numbers as written, without commas."""
    words = {"not" if w.endswith(("n't", "n’t")) else w for w in map(fold, _WORD.findall(text))}
    return words | set(re.findall(r"\d+(?:\.\d+)?", text.replace(",", "")))


def _prompt(line: str, sentence: str) -> str:
    return f"Line: {line}\nSource sentence: {sentence}"


def _first_sentence(answer: str) -> str:
    lines = [ln.strip() for ln in answer.strip().splitlines() if ln.strip()]
    return lines[0].strip("\"'“”").strip() if lines else ""


def _writer(options: Options) -> Ask | None:
    if options.writer == "none":
        return None
    if options.writer != "openai":
        raise ConfigError(f"unknown writer {options.writer!r}; choose one of: none, openai")
    if not (options.writer_url and options.writer_model):
        raise ConfigError("the openai writer needs --writer-url and --writer-model "
                          "(e.g. http://localhost:11434/v1 and llama3.2)")
    url, model = options.writer_url.rstrip("/") + "/chat/completions", options.writer_model

    def ask(system: str, user: str) -> str:
        return _chat(url, model, system, user, options.fetch_timeout)

    return ask


def _chat(url: str, model: str, system: str, user: str, timeout: float) -> str:
    """One chat completion from an OpenAI-compatible endpoint (standard library only)."""
    body = json.dumps({
        "model": model, "temperature": 0, "seed": 0,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
    }).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if os.environ.get(KEY_ENV):
        headers["Authorization"] = f"Bearer {os.environ[KEY_ENV]}"
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = json.load(response)
        return str(data["choices"][0]["message"]["content"])
    except urllib.error.HTTPError as exc:
        raise WriterError(url, f"the writer answered HTTP {exc.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WriterError(url, f"cannot reach the writer ({reason})") from None
    except (ValueError, KeyError, IndexError, TypeError):
        raise WriterError(url, "the writer's answer is not an OpenAI chat completion") from None
