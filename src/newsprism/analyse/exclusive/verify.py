"""Is a sentence stated by another outlet, in any wording?

Aligned groups only pair sentences that say the same thing in one sentence. An outlet
may also state a fact in other words, or spread it over several sentences; so every
candidate is compared with every other outlet directly:

* with each of its sentences: the alignment's support score at least the loose groups'
  (semantic and lexical, when the caller gives it), or TF-IDF cosine at least
  ``Options.exclusive_similar``;
* with its whole text: it uses at least ``Options.exclusive_outlet_words`` of the
  candidate's content words.

Either makes the fact not exclusive.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from newsprism.analyse.summary import features as F
from newsprism.config import Options
from newsprism.model import Sentence


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
        if self._cosines is None:
            self._cosines = (self.vectors @ self.vectors.T).toarray()
        if float(self._cosines[row][others].max()) >= options.exclusive_similar:
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
