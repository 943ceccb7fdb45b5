"""Moved to :mod:`newsprism.analyse.entities.names`; kept for scripts that import the old path."""

from newsprism.analyse.entities.names import *  # noqa: F401,F403
from newsprism.analyse.entities.names import fold  # noqa: F401
