"""Issue 15, items 5, 7, 8 and 10: pathological text has budgets, one bad byte garbles nothing,
bad settings and odd file names give one-line answers. Real files, real Stanza, real store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile.helpers import SEEDS, SMALL, kg
from kg import budget
from kg.ingest import load
from kg.pipeline import build

SEED = (SEEDS / SMALL[0]).read_text(encoding="utf-8")


def test_one_bad_byte_is_one_replacement_character_not_mojibake(tmp_path: Path) -> None:
    # before: the whole file was decoded as cp1252: every “ ” – became â€œ â€ â€“
    text = "“Kami tidak akan mundur,” kata juru bicara itu – Senin.\n\n" + SEED
    data = text.encode("utf-8")
    cut = data.index(b"juru")
    p = tmp_path / "a.txt"
    p.write_bytes(data[:cut] + b"\xff" + data[cut:])
    res = load(p)
    assert res.status == "decoded-with-warning" and "1 invalid UTF-8 byte" in res.message
    assert "“Kami tidak akan mundur,”" in res.article.text and "–" in res.article.text
    assert res.article.text.count("\ufffd") == 1 and "â€" not in res.article.text


def test_real_cp1252_is_still_recognised(tmp_path: Path) -> None:
    p = tmp_path / "legacy.txt"
    p.write_bytes(("Café di Jakarta – kata “mereka” yang ada di sana. " * 5 + "\n\n" + SEED).encode("cp1252",
                                                                                                  "replace"))
    res = load(p)
    assert res.encoding == "cp1252" and "Café" in res.article.text and "“mereka”" in res.article.text


@pytest.mark.slow
def test_a_50kb_token_and_a_12kb_line_are_budgeted_with_a_reason(tmp_path: Path) -> None:
    # before: a 50 KB token cost 39 s inside Stanza's tokenizer, and nothing said why
    src = tmp_path / "in"
    src.mkdir()
    (src / "token.txt").write_text(SEED + "\n\n" + "x" * 50_000 + "\n", encoding="utf-8")
    (src / "line.txt").write_text(" ".join(SEED.split()) + " " + "Dia berkata begitu. " * 600, encoding="utf-8")
    report = build([src], tmp_path / "store", progress=False)
    rows = {Path(f.path).name: f for f in report.files}
    assert rows["token.txt"].status == "new" and "dropped 1 run of over 1,000 characters" in rows["token.txt"].detail
    assert rows["line.txt"].status == "new" and \
        f"split 1 line of over {budget.MAX_LINE_CHARS:,} characters" in rows["line.txt"].detail
    # what it costs is measured by bench (no timed tests): every paragraph Stanza sees is within budget
    stored = "\n".join(load(p).article.text for p in sorted(src.iterdir()))
    assert max(len(par) for par in stored.split("\n")) <= budget.MAX_LINE_CHARS


@pytest.mark.parametrize("value", ["inf", "-5", "nan", "0"])
def test_bad_max_article_mb_is_one_line(tmp_path: Path, value: str) -> None:
    # before: inf → OverflowError traceback; -5 was accepted
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    res = kg("build", str(tmp_path / "a.txt"), "--store", str(tmp_path / "s"), env={"KG_MAX_ARTICLE_MB": value})
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.strip().splitlines() == [f"Error: KG_MAX_ARTICLE_MB={value!r} is not a positive number of "
                                               "megabytes (e.g. 5 or 0.5)"]


@pytest.mark.slow
def test_newline_file_names_stay_on_one_row_and_symlink_loops_get_a_row(tmp_path: Path) -> None:
    # before: the name split the table; a symlink loop was silently skipped
    src = tmp_path / "in"
    src.mkdir()
    (src / "two\nlines.txt").write_text(SEED, encoding="utf-8")
    os.symlink("loop.txt", src / "loop.txt")
    report = build([src], tmp_path / "store", progress=False)
    table = report.status_table().splitlines()
    assert len(table) == 2 + 2 + 1  # header, rule, two files, count
    assert any("two\\nlines.txt" in row and " new " in row for row in table)
    assert any("loop.txt" in row and "error" in row for row in table)
