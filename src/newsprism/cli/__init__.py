"""The command line: a thin click layer over the library.

Commands live in submodules and are imported only when run, so ``digest`` does
not pay for the web server or the evaluation extras. Library errors become one
line on stderr and exit code 1; usage errors are click's (exit code 2).
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys

import click

from newsprism import __version__
from newsprism.errors import NewsPrismError

# name -> "module:attribute" of a click.Command
COMMANDS = {
    "digest": "newsprism.cli.digest:digest",
    "eval": "newsprism.cli.evaluate:evaluate",
    "ingest": "newsprism.cli.collection:ingest",
    "stories": "newsprism.cli.collection:stories",
    "show": "newsprism.cli.collection:show",
    "search": "newsprism.cli.collection:search",
    "serve": "newsprism.cli.collection:serve",
    "batch": "newsprism.cli.batch:batch",
    "follow": "newsprism.cli.feeds:follow",
    "unfollow": "newsprism.cli.feeds:unfollow",
    "feeds": "newsprism.cli.feeds:feeds",
    "poll": "newsprism.cli.feeds:poll",
    "build": "newsprism.cli.feeds:build",
    "check": "newsprism.cli.check:check",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._spec(name) is not None]

    def _spec(self, name: str) -> str | None:
        spec = COMMANDS.get(name)
        if spec is None:
            return None
        module = spec.split(":")[0]
        return spec if importlib.util.find_spec(module) is not None else None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        spec = self._spec(name)
        if spec is None:
            return None
        module, attr = spec.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="newsprism")
def cli() -> None:
    """NewsPrism: one news story from many outlets, as an attributed briefing."""


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning library errors into one line and exit code 1."""
    from newsprism.cli.failures import install_warning_handler, one_line

    install_warning_handler()
    try:
        cli.main(args=argv, prog_name="newsprism", standalone_mode=False)
    except NewsPrismError as exc:
        click.echo(f"newsprism: error: {one_line(str(exc))}", err=True)
        sys.exit(1)
    except sqlite3.Error as exc:  # the store's own errors are StoreErrors; this is the rest
        click.echo(f"newsprism: error: the collection's database failed ({one_line(str(exc))}); "
                   "check that the file and its folder are writable, or pass another store "
                   "with --db", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("newsprism: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(1)
