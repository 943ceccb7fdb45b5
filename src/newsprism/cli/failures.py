"""Reporting failures: one line each on stderr, safe to print, and the exit code at the end."""

from __future__ import annotations

import logging
import re
import sys

import click

from newsprism.errors import NewsPrismError

# Control characters (a newline, a terminal escape), bidirectional overrides and line
# separators: a file name or a server's reason phrase may hold them, and echoed raw they
# would break the one-line rule or drive the user's terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def one_line(message: str) -> str:
    """``message`` on one line, every unsafe character written as an escape (``\\x1b``)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"),
                       message)


def report(errors: list[NewsPrismError]) -> None:
    """Print one line per rejected document on stderr."""
    for exc in errors:
        click.echo(f"newsprism: skipped {one_line(str(exc))}", err=True)


def exit_if_any(errors: list[NewsPrismError]) -> None:
    """Exit non-zero at the end of a batch that rejected anything."""
    if errors:
        click.echo(f"newsprism: {len(errors)} input(s) rejected", err=True)
        sys.exit(1)


class OneLineHandler(logging.Handler):
    """Prints the library's warnings ("ignored fields: ...") as safe single lines."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsprism: {one_line(record.getMessage())}", err=True)


def install_warning_handler() -> None:
    """Route the ``newsprism`` logger's warnings through :class:`OneLineHandler` (once)."""
    logger = logging.getLogger("newsprism")
    if not any(isinstance(h, OneLineHandler) for h in logger.handlers):
        handler = OneLineHandler(logging.WARNING)
        logger.addHandler(handler)
