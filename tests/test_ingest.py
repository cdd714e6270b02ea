"""kg.ingest on real bad files: empty, binary, legacy encodings, huge, HTML, other languages,
duplicates. Every case must come back as a status and a one-line message naming the file, never as
an exception."""

from __future__ import annotations

import os
import shutil
import tracemalloc
from pathlib import Path

import pytest

from kg.ingest import (
    MAX_BYTES,
    STATUSES,
    IngestError,
    article_from_text,
    content_hash,
    html_to_text,
    iter_paths,
    load,
    load_all,
    normalise_text,
    read_article,
)

#: A short real-looking Indonesian news story (long enough for the language detector to judge).
ID_TEXT = (
    "Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi mengatakan pada 10 Februari 2023 bahwa Indonesia "
    "akan terus mendorong dialog antara Rusia dan Ukraina.\n\n"
    "\"Kami tidak ingin perang ini berlangsung lebih lama lagi,\" kata Retno kepada wartawan di Jakarta.\n\n"
    "Ia juga menyampaikan bahwa pemerintah telah berbicara dengan para mitra di kawasan untuk mencari jalan "
    "keluar yang damai."
)
EN_TEXT = (
    "The White House said on Friday that North Korea has supplied artillery shells to Russia for use in "
    "the war in Ukraine, a claim Pyongyang denies. National Security Council spokesman John Kirby told "
    "reporters that the shipments were small but growing, and that Washington would respond."
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    p = folder / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_a_good_article_is_ok_and_matches_article_from_text(tmp_path: Path) -> None:
    res = load(write(tmp_path, "a.txt", ID_TEXT))
    assert res.status == "ok" and res.usable and res.message == "" and res.encoding == "UTF-8"
    assert res.article == article_from_text(ID_TEXT, name="a.txt")
    assert res.article.outlet == "ANTARA" and res.article.date == "2023-02-10"
    assert read_article(tmp_path / "a.txt") == res.article


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n", "\u00a0\u200b\n\ufeff".encode(),
                                  b"Baca juga: Korut uji rudal\nTags\n\n",
                                  b"Baca: Iran kecam Israel\nNext Article Rusia tuding Ukraina langgar gencatan senjata\n"])
def test_empty_whitespace_and_furniture_only_files_are_empty(tmp_path: Path, data: bytes) -> None:
    res = load(write(tmp_path, "kosong.txt", data))
    assert res.status == "empty" and res.article is None
    assert res.message.startswith("kosong.txt: ")
    assert read_article(tmp_path / "kosong.txt").text == ""  # the old contract: an empty article


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 10, "ZIP"),
    (b"\x1f\x8b\x08\x00" + bytes(range(256)), "gzip"),
    (b"Korea Utara\x00\x00\x00\x01\x02 Rusia" * 20, "NUL"),
])
def test_binary_files_are_refused_and_say_what_they_look_like(tmp_path: Path, data: bytes, kind: str) -> None:
    res = load(write(tmp_path, "berita.txt", data))
    assert res.status == "binary" and res.article is None
    assert res.message.startswith("berita.txt: not text") and kind in res.message
    with pytest.raises(IngestError, match="berita.txt"):
        read_article(tmp_path / "berita.txt")


def test_control_characters_without_nul_bytes_are_binary(tmp_path: Path) -> None:
    data = bytes(b for b in os.urandom(20000) if b not in (0, 0xEF, 0xFE, 0xFF)) + b" teks"
    res = load(write(tmp_path, "acak.txt", data))
    assert res.status == "binary" and "control characters" in res.message


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning_naming_the_file(tmp_path: Path, caplog) -> None:
    text = ID_TEXT.replace('"Kami', "\u201cKami").replace('lagi,"', "lagi,\u201d") + " Caf\u00e9 \u2013 selesai."
    res = load(write(tmp_path, "lama.txt", text.encode("cp1252")))
    assert res.status == "decoded-with-warning" and res.usable and res.encoding == "cp1252"
    assert res.message.startswith("lama.txt: not valid UTF-8") and "cp1252" in res.message
    assert "\u201cKami" in res.article.text and "Caf\u00e9 \u2013" in res.article.text
    assert res.article.doc_id == content_hash(normalise_text(text))  # same article as the UTF-8 file
    assert any("lama.txt" in r.getMessage() for r in caplog.records)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    data = ID_TEXT.encode("utf-8") + b" \x81\x8d\x8f\x90\x9d \xe9"
    res = load(write(tmp_path, "rusak.txt", data))
    assert res.status == "decoded-with-warning" and res.encoding == "latin-1"
    assert res.article.text.endswith("\u00e9") and "latin-1" in res.message


@pytest.mark.parametrize(("encoding", "bom"), [("utf-8-sig", ""), ("utf-16", ""), ("utf-16-le", "\ufeff"),
                                               ("utf-16-be", "\ufeff"), ("utf-32", ""), ("utf-16-le", "")])
def test_byte_order_marks_and_utf16_decode_to_the_same_article(tmp_path: Path, encoding: str, bom: str) -> None:
    res = load(write(tmp_path, "bom.txt", (bom + ID_TEXT).encode(encoding)))
    assert res.status == "ok", res.message
    assert res.article.doc_id == article_from_text(ID_TEXT).doc_id


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as f:
        chunk = (ID_TEXT + "\n\n").encode() * 200
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    tracemalloc.start()
    try:
        res = load(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert res.status == "too-large" and res.article is None
    assert res.message.startswith("besar.txt: 50.") and "5.0 MB" in res.message
    assert peak < 1024 * 1024, f"reading a refused file used {peak:,} bytes"
    with pytest.raises(IngestError, match="over the limit"):
        read_article(big)


def test_the_limit_applies_to_text_and_can_be_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path, "a.txt", ID_TEXT * 3)
    assert load(p, max_bytes=100).status == "too-large"
    assert load(p, max_bytes=10_000).status == "ok"
    monkeypatch.setenv("KG_MAX_ARTICLE_MB", "0.0001")  # ~100 bytes
    assert load(p).status == "too-large"
    # HTML may be bigger than the limit as long as its text is not
    page = write(tmp_path, "p.html", "<html><body><script>" + "x" * (MAX_BYTES + 10) + "</script><p>"
                 + ID_TEXT + "</p></body></html>")
    monkeypatch.delenv("KG_MAX_ARTICLE_MB")
    assert load(page).status == "ok"


HTML_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Retno: RI dorong dialog | Portal Berita</title>
<style>p { color: red } .iklan { display: none }</style>
<script>var berita = "<p>bukan teks</p>"; window.track && track('baca');</script></head>
<body>
<nav><a href="/">Beranda</a> | <a href="/dunia">Dunia</a></nav>
<h1>Retno: RI dorong dialog Rusia &amp; Ukraina</h1>
<div class="artikel"><p>Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi mengatakan bahwa Indonesia
akan terus mendorong dialog antara Rusia dan Ukraina.</p>
<p>&#8220;Kami tidak ingin perang ini berlangsung lebih lama lagi,&#8221; kata Retno&nbsp;kepada wartawan
di Jakarta.<br>Ia juga menyampaikan bahwa pemerintah telah berbicara dengan para mitra.</p>
<p><b>Baca juga:</b> Korut uji coba rudal</p>
<noscript>Aktifkan JavaScript</noscript>
</div>
<footer>&copy; 2023 Portal Berita. Hak cipta dilindungi.</footer>
</body></html>"""


def test_html_is_stripped_to_paragraphs_with_entities_decoded(tmp_path: Path) -> None:
    res = load(write(tmp_path, "berita.html", HTML_PAGE))
    assert res.status == "ok" and res.html
    paragraphs = res.article.text.split("\n\n")
    assert paragraphs == [
        "Retno: RI dorong dialog Rusia & Ukraina",
        "Jakarta (ANTARA) - Menteri Luar Negeri Retno Marsudi mengatakan bahwa Indonesia akan terus mendorong "
        "dialog antara Rusia dan Ukraina.",
        "\u201cKami tidak ingin perang ini berlangsung lebih lama lagi,\u201d kata Retno kepada wartawan di Jakarta.",
        "Ia juga menyampaikan bahwa pemerintah telah berbicara dengan para mitra.",
    ]
    assert res.article.title == "Retno: RI dorong dialog Rusia & Ukraina" and res.article.outlet == "ANTARA"
    for junk in ("<", "bukan teks", "color", "Beranda", "JavaScript", "Hak cipta", "Baca juga", "track"):
        assert junk not in res.article.text


def test_html_without_h1_leads_with_its_title_and_txt_files_holding_html_are_stripped(tmp_path: Path) -> None:
    page = "<html><head><title>Judul &quot;berita&quot;</title></head><body><p>" + ID_TEXT + "</p></html>"
    res = load(write(tmp_path, "disimpan.txt", page))
    assert res.html and res.article.text.startswith('Judul "berita"\n\nJakarta (ANTARA)')
    assert html_to_text("<p>a<script>x</script>b</p><p>c") == "ab\n\nc"
    # an .html file with no markup at all keeps its paragraphs as a text file would
    plain = load(write(tmp_path, "polos.html", ID_TEXT))
    assert not plain.html and plain.article.text == normalise_text(ID_TEXT)


def test_html_charset_declaration_is_used_when_the_bytes_are_not_utf8(tmp_path: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
            "<body><p>\u201cKami tidak ingin perang,\u201d kata Retno.</p></body></html>").encode("cp1252")
    res = load(write(tmp_path, "lama.html", page))
    assert res.status == "ok" and res.encoding == "cp1252"
    assert res.article.text == "\u201cKami tidak ingin perang,\u201d kata Retno."


def test_html_with_only_markup_is_empty(tmp_path: Path) -> None:
    res = load(write(tmp_path, "kosong.html", "<html><head><script>alert(1)</script></head><body> </body></html>"))
    assert res.status == "empty" and "no visible text" in res.message


def test_text_that_is_not_indonesian_is_skipped_unless_asked_for(tmp_path: Path) -> None:
    p = write(tmp_path, "english.txt", EN_TEXT)
    res = load(p)
    assert res.status == "not-indonesian" and res.article is None
    assert res.message.startswith("english.txt: does not look Indonesian") and "--any-language" in res.message
    forced = load(p, any_language=True)
    assert forced.status == "ok" and forced.usable and "--any-language" in forced.message
    # too short to judge (a headline) is given the benefit of the doubt; Malay passes
    assert load(write(tmp_path, "judul.txt", "Biden meets Xi in Bali")).status == "ok"
    malay = ("Kerajaan Malaysia berkata pada hari Jumaat bahawa ia akan terus memantau keadaan di Semenanjung "
             "Korea dan menggesa semua pihak untuk menahan diri daripada tindakan yang boleh meningkatkan "
             "ketegangan di rantau ini.")
    assert load(write(tmp_path, "malaysia.txt", malay)).status == "ok"


def test_duplicates_are_recognised_by_the_hash_of_the_normalised_text(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "a.txt", ID_TEXT)
    write(folder, "b.txt", ID_TEXT.replace("\n", "\r\n").replace(" akan", "\u00a0akan") + "\n\n\n")
    write(folder, "c.html", "<p>" + ID_TEXT.replace("\n\n", "</p><p>") + "</p>")
    write(folder, "d.txt", ID_TEXT + " Tambahan.")
    results = {r.path.name: r for r in load_all([folder])}
    assert results["a.txt"].status == "ok" and results["d.txt"].status == "ok"
    for name in ("b.txt", "c.html"):
        assert results[name].status == "duplicate" and results[name].article is None
        assert results[name].message == f"{name}: same text as {folder / 'a.txt'}"
    seen: dict[str, str] = {}
    assert load(folder / "a.txt", seen=seen).status == "ok"
    assert load(folder / "a.txt", seen=seen).status == "ok"  # the same file again is not its own duplicate


def test_unreadable_paths_are_errors_not_exceptions(tmp_path: Path) -> None:
    link = tmp_path / "putus.txt"
    link.symlink_to(tmp_path / "tidak-ada.txt")
    res = load(link)
    assert res.status == "error" and res.message.startswith("putus.txt: cannot read")
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert load(folder).status == "error" and "not a regular file" in load(folder).message
    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    assert load(fifo).status == "error"  # never blocks waiting for a writer
    with pytest.raises(OSError):
        read_article(link)


def test_every_status_is_reachable_and_declared() -> None:
    assert set(STATUSES) == {"ok", "empty", "binary", "not-indonesian", "too-large", "duplicate",
                             "decoded-with-warning", "error"}


def test_normalise_text_keeps_its_contract() -> None:
    raw = "Judul\r\n\r\nParagraf\u00a0satu.\tDua\x00\x07 tiga\u200b.\rBaca juga: iklan\n\u2028Akhir\x1f."
    text = normalise_text(raw)
    assert text == "Judul\n\nParagraf satu. Dua tiga.\n\nAkhir ."
    assert normalise_text(text) == text
    # decomposed accents are composed (NFC) even when a zero-width space sat between
    assert normalise_text("Cafe\u200b\u0301") == "Caf\u00e9" == normalise_text(normalise_text("Cafe\u200b\u0301"))
    assert normalise_text("a\ud800b") == "a b"  # a lone surrogate cannot be hashed as UTF-8
    art = article_from_text("31 Februari 2023 pukul 10.00 WIB, Jakarta")
    assert art.date is None  # no such day


def test_iter_paths_expands_folders_sorted_and_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.HTML", "sub/c.htm", "skip.pdf", "sub/d.md"):
        write(folder, name, "x")
    got = [p.relative_to(folder).as_posix() for p in iter_paths([folder, folder / "b.txt", folder])]
    assert got == ["a.HTML", "b.txt", "sub/c.htm"]
    shutil.rmtree(folder / "sub")


# -- kg build over a folder of bad files ---------------------------------------------------------


def _kg(*args: str):
    from click.testing import CliRunner

    from kg.cli import cli

    return CliRunner().invoke(cli, list(args))


def _rows(output: str) -> dict[str, list[str]]:
    """The status table: file name → [status, …, detail]."""
    rows = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) >= 2 and "/" in parts[0] and Path(parts[0]).suffix in (".txt", ".html"):
            rows[Path(parts[0]).name] = parts[1:]
    return rows


@pytest.mark.slow
def test_build_reports_every_bad_file_and_goes_on(tmp_path: Path, seeds_dir: Path) -> None:
    from kg.store import open_store

    news = tmp_path / "news"
    news.mkdir()
    good = (seeds_dir / "004_c012bdc66f00abd0.txt").read_text(encoding="utf-8")
    write(news, "a_good.txt", good)
    legacy = (seeds_dir / "000_fc5119c6854d9936.txt").read_text(encoding="utf-8")
    legacy += "\n\nKata \u201cKirby\u201d \u2013 selesai."
    write(news, "b_legacy.txt", legacy.encode("cp1252"))
    write(news, "c_page.html", HTML_PAGE)
    write(news, "d_empty.txt", "")
    write(news, "e_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    with (news / "f_big.txt").open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: 5 MB + 1 byte of NULs, never read
    write(news, "g_english.txt", EN_TEXT)
    write(news, "h_copy.txt", good.replace("\n", "\r\n"))
    store = str(tmp_path / "store")

    res = _kg("build", str(news), "--store", store, "--no-progress")
    assert res.exit_code == 0, res.output
    rows = _rows(res.output)
    assert {k: v[0] for k, v in rows.items()} == {
        "a_good.txt": "new", "b_legacy.txt": "new", "c_page.html": "new", "d_empty.txt": "empty",
        "e_image.txt": "binary", "f_big.txt": "too-large", "g_english.txt": "not-indonesian", "h_copy.txt": "duplicate"}
    assert "not valid UTF-8" in " ".join(rows["b_legacy.txt"]) and "cp1252" in " ".join(rows["b_legacy.txt"])
    assert "PNG" in " ".join(rows["e_image.txt"]) and "--any-language" in " ".join(rows["g_english.txt"])
    assert "8 files (3 new, 1 duplicate, 1 empty, 1 binary, 1 too-large, 1 not-indonesian)" in res.output

    # --strict: the same skipped files now fail the run (exit 4), nothing is rebuilt
    res = _kg("build", str(news), "--store", store, "--no-progress", "--strict", "--quiet")
    assert res.exit_code == 4, res.output
    assert "Error: --strict: 4 of 8 files skipped or failed" in res.output
    assert "warning: " + str(news / "e_image.txt") + ": binary: not text" in res.output  # -q still names them
    assert "3 unchanged" in res.output

    # --any-language builds the English text too
    res = _kg("build", str(news / "g_english.txt"), "--store", store, "--no-progress", "--any-language")
    assert res.exit_code == 0 and _rows(res.output)["g_english.txt"][0] == "new", res.output
    with open_store(store, read_only=True) as s:
        before = s.nquads()
        assert len(s.article_hashes()) == 4

    # a good file later overwritten with garbage is skipped: its graph already in the store stays
    write(news, "a_good.txt", b"%PDF-1.7\n" + bytes(100))
    res = _kg("build", str(news / "a_good.txt"), "--store", store, "--no-progress")
    assert res.exit_code == 1 and "no article could be built" in res.output  # nothing usable given
    with open_store(store, read_only=True) as s:
        assert s.nquads() == before


def test_page_furniture_marked_by_its_class_is_dropped_but_the_article_body_kept():
    page = ("<html><body><div class='article-body share'><p>Menteri Pertahanan tiba di Jakarta.</p>"
            "<div class='share-bar'><a class='share copy'>Salin Tautan</a><div><span>WhatsApp</span></div></div>"
            "<p>Ia bertemu Presiden.</p><ul id='related-news'><li>Berita lain</li></ul>"
            "<p>Kunjungan berakhir Jumat.</p></div></body></html>")
    text = html_to_text(page)
    assert "Salin Tautan" not in text and "WhatsApp" not in text and "Berita lain" not in text
    assert "Menteri Pertahanan tiba di Jakarta." in text and "Ia bertemu Presiden." in text
    assert "Kunjungan berakhir Jumat." in text  # the nested furniture closed where it ends


def test_related_links_boxes_named_as_indonesian_sites_name_them_are_dropped():
    # "Baca Juga" boxes and "Terkini" sidebars hold other stories' headlines: "Putin Tiba di Tashkent" is no visit
    # told by this article
    page = ("<html><body><h1>Kazakhstan tegaskan larangan ekspor senjata</h1><p>Astana menegaskan larangan itu.</p>"
            "<div class='baca-juga'><p>Baca Juga</p><ul><li><a href='/a'>Putin Tiba di Tashkent</a></li></ul></div>"
            "<aside class='terkini'><a href='/b'>Presiden Georgia Veto RUU</a></aside>"
            "<div class='box terpopuler'><a href='/c'>Kazakhstan Bantah Kirim Senjata ke Ukraina</a></div>"
            "<p>Larangan berlaku sejak 2022.</p></body></html>")
    text = html_to_text(page)
    assert "Putin Tiba di Tashkent" not in text and "Baca Juga" not in text
    assert "Presiden Georgia" not in text and "Kazakhstan Bantah" not in text
    assert "Astana menegaskan larangan itu." in text and "Larangan berlaku sejak 2022." in text


def test_a_list_of_other_stories_headlines_under_its_header_is_dropped_in_plain_text():
    # "Berita Terkait" and the headlines right under it belong to other stories; a line that ends a sentence ends
    # the list, so a paragraph that follows with no blank line is kept
    raw = ("Typhon sudah berada di Filipina sejak April 2024.\n\n(ahm)\n\nBerita Terkait\n"
           "China Tuding Filipina Ingkar Janji soal Rudal Typhon AS\nTrump Bertemu Putin di Alaska\n\n"
           "Terkini\nManila menegaskan peluncur itu tetap di sana.\n")
    text = normalise_text(raw)
    assert "China Tuding Filipina" not in text and "Trump Bertemu Putin" not in text and "Berita Terkait" not in text
    assert "Typhon sudah berada di Filipina sejak April 2024." in text
    assert "Manila menegaskan peluncur itu tetap di sana." in text
