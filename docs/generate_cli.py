"""Write docs/cli.md from the commands' own --help (run: make docs).

tests/test_docs.py fails when docs/cli.md is out of date, so the reference
cannot drift from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsprism.cli import COMMANDS, cli

OUT = Path(__file__).with_name("cli.md")


def _help(command: click.Command, name: str) -> str:
    with click.Context(command, info_name=f"newsprism {name}".strip(), terminal_width=100) as ctx:
        return command.get_help(ctx)


def render() -> str:
    """The whole CLI reference as Markdown."""
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `docs/generate_cli.py`; do not edit by hand.", "",
             "```", _help(cli, ""), "```"]
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        if command is None:
            continue
        parts += ["", f"## `newsprism {name}`", "", "```", _help(command, name), "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
