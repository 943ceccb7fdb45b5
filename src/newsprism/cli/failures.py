"""Reporting a batch's rejected documents: one line each, and the exit code at the end."""

from __future__ import annotations

import sys

import click

from newsprism.errors import NewsPrismError


def report(errors: list[NewsPrismError]) -> None:
    """Print one line per rejected document on stderr."""
    for exc in errors:
        click.echo(f"newsprism: skipped {exc}", err=True)


def exit_if_any(errors: list[NewsPrismError]) -> None:
    """Exit non-zero at the end of a batch that rejected anything."""
    if errors:
        click.echo(f"newsprism: {len(errors)} input(s) rejected", err=True)
        sys.exit(1)
