"""Is a sentence stated by another outlet, in any wording?

Aligned groups only pair sentences that say the same thing in one sentence. An outlet
may also state a fact in other words, or spread it over several sentences; so every
candidate is compared with every other outlet directly:

* with each of its sentences: the alignment's support score at least the loose groups'
  (semantic and lexical, when the caller gives it), or TF-IDF cosine at least
  ``Options.exclusive_similar``;
* with its whole text: it uses at least ``Options.exclusive_outlet_words`` of the
  candidate's content words;
* in other words (:meth:`Others.paraphrased`, only for the few facts that would be
  listed): MiniLM cosine at least ``Options.exclusive_paraphrase`` with one of its
  ``Options.exclusive_neighbours`` sentences nearest in TF-IDF, as written or with every number masked (the same fact with another figure,
  "at least 85 dead" / "102 died", is stated elsewhere too). MiniLM is used whatever
  embedder aligned the story: telling a paraphrase from another fact is its strength.

Any of these makes the fact not exclusive.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.analyse.summary import features as F
from newsprism.config import Options
from newsprism.model import Sentence
from newsprism.nlp.embed import get_embedder

# A figure in digits ("85", "1,200", "6.6 million") or words ("two", "dozens", "thousand")
_NUMBER = re.compile(r"(?:\d+(?:[.,]\d+)*|\b(?:two|three|four|five|six|seven|eight|nine|ten"
                     r"|eleven|twelve|twenty|thirty|forty|fifty|dozens?|hundreds?|thousands?"
                     r"|millions?|billions?)\b)(?:\s+(?:hundred|thousand|million|billion)s?\b)*",
                     re.IGNORECASE)


def mask_numbers(text: str) -> str:
    """``text`` with every figure replaced by one word, so two statements that differ only
    in their figures read the same."""
    return _NUMBER.sub("several", text)


class Others:
    """The story's sentences, indexed to compare one of them with the other outlets."""

    def __init__(self, sentences: list[Sentence], vectors: np.ndarray, outlet: list[str],
                 support: tuple[np.ndarray, float] | None = None) -> None:
        """``outlet[i]`` is the outlet of sentences[i]; articles of one outlet are not
        "others" to each other."""
        self.sentences, self.support = sentences, support
        # TF-IDF rows are mostly zeros: one sparse product gives every pair's cosine
        # (computed on the first question, then read per candidate)
        self.vectors = csr_matrix(vectors)
        self._cosines: np.ndarray | None = None
        self.sources = np.array(outlet)
        self.words = [F.content_words(s.text) for s in sentences]
        self.vocabulary: dict[str, set[str]] = {}
        for name, words in zip(outlet, self.words):
            self.vocabulary.setdefault(name, set()).update(words)

    def state(self, row: int, options: Options) -> bool:
        """Another outlet states what ``sentences[row]`` states (see the module notes)."""
        source = self.sources[row]
        others = self.sources != source
        if not others.any():
            return False
        if float(self._lexical()[row][others].max()) >= options.exclusive_similar:
            return True
        if self.support is not None:
            scores, threshold = self.support
            if float(scores[row][others].max()) >= threshold:
                return True
        words = self.words[row]
        if not words:
            return False
        return any(len(words & vocab) >= options.exclusive_outlet_words * len(words)
                   for src, vocab in self.vocabulary.items() if src != source)

    def paraphrased(self, rows: list[int], options: Options) -> set[int]:
        """The rows of ``rows`` whose sentence another outlet states in other words (see
        the module notes)."""
        if options.exclusive_paraphrase > 1.0:
            return set()
        best = self.closest(rows, options.exclusive_neighbours)
        return {row for row in rows if best[row] >= options.exclusive_paraphrase}

    def closest(self, rows: list[int], neighbours: int) -> dict[int, float]:
        """Each row's highest MiniLM cosine, as written or with numbers masked, with the
        ``neighbours`` sentences of other outlets nearest to it in TF-IDF (every one when
        0); -1 when there are none. Only the sentences compared are embedded, each once (and
        once more masked when it holds a figure)."""
        if not rows:
            return {}
        pairs = {row: self._nearest(row, neighbours) for row in rows}
        compared = sorted(set(rows).union(*pairs.values()))
        at = {i: k for k, i in enumerate(compared)}
        texts = [self.sentences[i].text for i in compared]
        minilm = get_embedder("minilm")
        plain = minilm.encode(texts)
        masked = [mask_numbers(t) for t in texts]
        changed = [k for k, (t, m) in enumerate(zip(texts, masked)) if t != m]
        figures = plain.copy()
        if changed:
            figures[changed] = minilm.encode([masked[k] for k in changed])
        best = {}
        for row, near in pairs.items():
            idx = [at[i] for i in near]
            best[row] = max(float((v[idx] @ v[at[row]]).max(initial=-1.0))
                            for v in (plain, figures))
        return best

    def _nearest(self, row: int, neighbours: int) -> list[int]:
        """The rows of other outlets' sentences nearest to ``row`` in TF-IDF."""
        others = np.flatnonzero(self.sources != self.sources[row])
        if neighbours and len(others) > neighbours:
            order = np.argsort(-self._lexical()[row][others], kind="stable")
            others = others[order[:neighbours]]
        return others.tolist()

    def _lexical(self) -> np.ndarray:
        """Every pair's TF-IDF cosine (computed on the first question)."""
        if self._cosines is None:
            self._cosines = (self.vectors @ self.vectors.T).toarray()
        return self._cosines
