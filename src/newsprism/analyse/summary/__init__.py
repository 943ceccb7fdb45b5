"""The attributed summary: the story's most important facts, each a source sentence
that reads on its own, citing every outlet that states it.

* :mod:`.select` chooses the sentences (budgeted concept coverage) and orders them;
* :mod:`.features` holds the tokens, concepts and safe trims it works on;
* :mod:`.learned` the two tiny learned models (sentence salience, word importance),
  whose coefficients ship in ``weights.json`` (written by ``newsprism.eval.train``);
* :mod:`.standalone` makes a chosen line name who or what it is about.
"""

from newsprism.analyse.summary.select import candidate_table, importance, readable, summarise

__all__ = ["candidate_table", "importance", "readable", "summarise"]
