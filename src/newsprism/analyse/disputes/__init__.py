"""Disputes (outlets giving conflicting values) and changes over time (figures that moved
between reports): :func:`find` is the entry point; values, statement test and search live
in :mod:`.values`, :mod:`.same` and :mod:`.find`."""

from newsprism.analyse.disputes.find import find, find_disputes

__all__ = ["find", "find_disputes"]
