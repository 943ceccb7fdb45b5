"""One-way data flow: a stage imports the data model and shared helpers, never another stage.

Only ``pipeline`` wires stages together; ``cli``, ``web`` and ``eval`` are edges
that may call the pipeline.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsprism"
STAGES = ["ingest", "clean", "segment", "cluster", "analyse", "write", "store", "render"]
SHARED = {"model", "errors", "config", "nlp"}


def imported_newsprism_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsprism"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsprism")}
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_shared_modules(stage):
    root = PACKAGE / stage
    files = list(root.rglob("*.py")) if root.is_dir() else [PACKAGE / f"{stage}.py"]
    for f in files:
        for module in imported_newsprism_modules(f):
            parts = module.split(".")
            top = parts[1] if len(parts) > 1 else ""
            assert top in SHARED | {stage}, f"{f.relative_to(PACKAGE)} imports {module}"


def test_model_is_stdlib_only():
    allowed = {"__future__", "hashlib", "dataclasses", "typing", "json"}
    tree = ast.parse((PACKAGE / "model.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.module in allowed, node.module
        elif isinstance(node, ast.Import):
            assert {a.name for a in node.names} <= allowed
