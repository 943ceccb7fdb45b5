"""The attributed summary: the story's most important facts, each a source sentence
that reads on its own, citing every outlet that states it.

* :mod:`.select` chooses the sentences (budgeted concept coverage) and orders them;
* :mod:`.features` holds the tokens and concepts it works on, :mod:`.trim` the cuts
  that make a sentence a line (dateline, unnamed attribution, relative clauses);
* :mod:`.learned` the two tiny learned models (sentence salience, word importance),
  whose coefficients ship in ``weights.json`` (written by ``newsprism.eval.train``);
* :mod:`.standalone` decides whether a line reads alone (a learned model over cues,
  coefficients in ``alone.json``, written by ``benchmarks/fit_standalone.py``) and keeps a
  line from following one that would change what it refers to.
"""

from newsprism.analyse.summary.select import candidate_table, importance, readable, summarise

__all__ = ["candidate_table", "importance", "readable", "summarise"]
