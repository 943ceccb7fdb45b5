"""The CLI reference in docs/ is generated from --help and must match it."""

from __future__ import annotations

import runpy

from tests.conftest import ROOT


def test_cli_reference_is_up_to_date():
    generator = runpy.run_path(str(ROOT / "docs" / "generate_cli.py"))
    expected = generator["render"]()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == expected, "docs/cli.md is stale: run `make docs`"


def test_readme_names_the_two_fresh_machine_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
