"""Input folders → article files, saying what could not be read instead of skipping it silently.

``Path.rglob`` drops a folder it may not list without a word, and a file behind a symlink loop
with it; a build that then prunes "missing" articles would delete what it merely could not see.
:func:`iter_paths` walks with ``os.walk`` and records every folder it could not list in
``errors``; a file name with an article suffix that cannot even be stat'ed (a symlink loop, a
dangling link) is still yielded, so that reading it gives the file its own status row.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SUFFIXES = frozenset({".txt", ".html", ".htm"})


def _candidate(path: Path) -> bool:
    """An article file, or something with an article suffix that cannot be stat'ed (a loop)."""
    if path.suffix.lower() not in SUFFIXES:
        return False
    try:
        return path.is_file() or not path.exists()
    except OSError:
        return True


def _walk(folder: Path, errors: list[tuple[Path, str]] | None) -> list[Path]:
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        if errors is not None:
            where = Path(exc.filename) if exc.filename else folder
            errors.append((where, f"cannot read folder: {exc.strerror or exc}"))

    for top, dirs, files in os.walk(folder, onerror=onerror, followlinks=True):
        try:
            st = os.stat(top)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = None
        if key is not None:
            if key in visited:  # a symlink back up the tree: walked already
                dirs[:] = []
                continue
            visited.add(key)
        dirs.sort()
        found.extend(q for name in files if _candidate(q := Path(top) / name))
    return sorted(found)


def iter_paths(paths: Iterable[Path | str], errors: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Expand folders (recursively, ``*.txt``, ``*.html``, ``*.htm``) and keep files, sorted, once.

    Folders that cannot be listed are appended to ``errors`` as ``(folder, reason)``."""
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        found = _walk(p, errors) if p.is_dir() else [p]
        for q in found:
            try:
                r = str(q.resolve())
            except (OSError, RuntimeError):  # a symlink loop: keyed by its own path
                r = os.path.abspath(q)
            if r not in seen:
                seen.add(r)
                yield q
