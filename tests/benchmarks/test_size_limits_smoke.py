"""Smoke run of benchmarks/size_limits.py on small fictional inputs (not its measurement)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_size_limits_runs_on_small_fictional_inputs():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "size_limits.py"), "--sizes", "0.06",
         "--kinds", "txt,jsonl", "--text", "fictional", "--limit-s", "120"],
        capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| now |")]
    assert len(rows) == 2 and all(row.endswith("| ok |") for row in rows), done.stdout
