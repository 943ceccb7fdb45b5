"""The story's timeline: dated events, each once, background kept apart.

* :mod:`.clauses` cuts a sentence into clauses and places each at the date it happened;
* :mod:`.events` merges clauses of the same event across outlets into cited events;
* :mod:`.select` ranks the story's days with a small learned model.
"""

from newsprism.analyse.timeline.events import build_timeline, story_date

__all__ = ["build_timeline", "story_date"]
