"""Issue 15, item 1 and 4: article identity never collides on a bare file name; a rename is a
rename; --prune removes only what was positively found deleted and says what it removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile.helpers import copy_seed, kg
from kg.pipeline import build
from kg.store import open_store

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py


def _articles(store: Path) -> dict[str, str]:
    with open_store(store, read_only=True) as s:
        return s.article_hashes()


def test_same_file_name_in_two_folders_built_one_after_the_other_keeps_both(tmp_path: Path) -> None:
    # before: the second build reported `changed` and replaced the first article (1 left)
    copy_seed(0, tmp_path / "a" / "index.txt")
    copy_seed(1, tmp_path / "b" / "index.txt")
    store = tmp_path / "store"
    first = build([tmp_path / "a"], store, progress=False)
    second = build([tmp_path / "b"], store, progress=False)
    assert [f.status for f in first.files] == ["new"] and [f.status for f in second.files] == ["new"]
    assert len(_articles(store)) == 2
    again = build([tmp_path / "a", tmp_path / "b"], store, progress=False)
    assert [f.status for f in again.files] == ["unchanged", "unchanged"] and again.added == 0


def test_a_moved_file_is_a_rename_not_a_new_article(tmp_path: Path) -> None:
    news = tmp_path / "news"
    copy_seed(0, news / "2023" / "x.txt")
    store = tmp_path / "store"
    build([news], store, progress=False)
    (news / "2024").mkdir()
    os.rename(news / "2023" / "x.txt", news / "2024" / "y.txt")
    report = build([news], store, progress=False)
    assert [f.status for f in report.files] == ["renamed"] and report.articles == 0
    assert "2023" in report.files[0].detail
    with open_store(store, read_only=True) as s:
        rows = s.select("SELECT ?p WHERE { GRAPH ?g { ?g <https://w3id.org/kg-news/ontology#sourcePath> ?p } }",
                        union=False)
    assert [r["p"] for r in rows] == [str(news / "2024" / "y.txt")]
    pruned = build([news], store, progress=False, prune=True)
    assert pruned.pruned == 0 and len(_articles(store)) == 1


def test_prune_keeps_what_it_cannot_read_and_strict_fails(tmp_path: Path) -> None:
    # before: `chmod 000 in/sub; kg build in --prune --strict` exited 0 and dropped sub's article
    src = tmp_path / "in"
    copy_seed(0, src / "top.txt")
    copy_seed(1, src / "sub" / "deep.txt")
    store = tmp_path / "store"
    build([src], store, progress=False)
    os.chmod(src / "sub", 0)
    try:
        res = kg("build", str(src), "--store", str(store), "--prune", "--strict", "--no-progress",
                 unprivileged=True)
    finally:
        os.chmod(src / "sub", 0o755)
    assert res.returncode == 4, res.stdout + res.stderr
    assert "cannot read folder" in res.stdout and "sub" in res.stdout
    assert len(_articles(store)) == 2


def test_prune_removes_only_deleted_files_and_names_them(tmp_path: Path) -> None:
    src = tmp_path / "in"
    copy_seed(0, src / "keep.txt")
    gone = copy_seed(1, src / "gone.txt")
    other = copy_seed(1, tmp_path / "elsewhere" / "copy.txt")  # same text, outside the pruned folder
    store = tmp_path / "store"
    build([src], store, progress=False)
    build([other.parent], store, progress=False)
    gone.unlink()
    res = kg("build", str(src), "--store", str(store), "--prune", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    assert len(_articles(store)) == 2  # the text still lives in elsewhere/copy.txt
    shutil.rmtree(other.parent)
    res = kg("build", str(src), "--store", str(store), "--prune", "--no-progress")
    assert len(_articles(store)) == 2  # elsewhere/ is not under the pruned inputs: not positively ours
    res = kg("build", str(src), str(tmp_path), "--store", str(store), "--prune", "--no-progress")
    assert res.returncode == 0, res.stdout + res.stderr
    assert len(_articles(store)) == 1
    pruned = [ln for ln in res.stdout.splitlines() if "  pruned  " in ln]
    assert len(pruned) == 1 and "copy.txt" in pruned[0] and "articles pruned      1" in res.stdout
