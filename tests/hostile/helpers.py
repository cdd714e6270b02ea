"""Helpers for the hostile-input suite: every test replays one case of issue 15 with real components
(real Stanza models, real on-disk store, real `kg` and Oxigraph server processes on loopback)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg import ROOT

SEEDS = ROOT / "seeds"
SMALL = ("004_c012bdc66f00abd0.txt", "000_fc5119c6854d9936.txt")  # the two shortest seeds
#: Root ignores file permissions; without these two capabilities it meets them like anyone else.
_NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
           "--bounding-set=-dac_override,-dac_read_search"]


def kg(*args: str, timeout: float = 300, unprivileged: bool = False, env: dict | None = None,
       cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `kg` command line in its own process."""
    cmd = [sys.executable, "-m", "kg.cli", *args]
    if unprivileged and os.getuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot take away permission overrides")
        cmd = _NO_DAC + cmd
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=cwd)


def copy_seed(index: int, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEEDS / SMALL[index], to)
    return to
