"""The exception hierarchy. Messages say what was wrong and, where it helps, what to do.

The CLI turns these into one line on stderr and a non-zero exit; the web API
into its one JSON error shape. Nothing else should catch them.
"""

from __future__ import annotations


class NewsPrismError(Exception):
    """Base class: every error a user can cause or fix."""


class InputError(NewsPrismError):
    """An input cannot be read: missing path, empty folder, bad encoding, bad JSON, too big."""

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class FetchError(InputError):
    """A URL could not be fetched (refused scheme or address, timeout, HTTP error, too big)."""


class ExtractionError(InputError):
    """A document was read but holds no article text."""


class QueryError(InputError):
    """A search query cannot be read: empty, unbalanced quote, lone OR/NOT, too long."""


class ConfigError(NewsPrismError):
    """An option or configuration file is invalid."""


class StoreError(NewsPrismError):
    """The embedded store cannot be opened, migrated or written."""


class OutputError(NewsPrismError):
    """A briefing or index cannot be written where the user asked."""


class NotFoundError(NewsPrismError):
    """A story or article asked for by id does not exist."""


class WriterError(NewsPrismError):
    """The optional summary writer (a language-model endpoint) failed."""

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class DependencyError(NewsPrismError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this needs the optional package {package!r}: pip install 'newsprism[{extra}]'"
        )
