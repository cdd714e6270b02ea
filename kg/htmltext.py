"""HTML → paragraphs: the visible text of a news page, scripts, navigation and site furniture dropped (split from
kg.ingest, which reads files and decides what is an article)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` as a set (the class and tag lists below, the stop words of kg.ingest)."""
    return frozenset(text.split())


_BLOCK = word_set(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table thead tbody tfoot blockquote pre article section "
    "main header figure figcaption hr address center caption details summary"
)
#: Elements whose content is never article text.
_SKIP = word_set("script style noscript template svg math nav footer aside form button select "
               "textarea iframe object embed canvas audio video")
#: Words of a class or id that mark page furniture inside the body (share bars, related links, comments,
#: breadcrumbs, ads), after the "unlikely candidates" of boilerplate removers such as Readability; an element
#: whose class also names the article itself ("article-body share") is kept.
_FURNITURE = word_set("share sharing social related recommended comment comments disqus breadcrumb breadcrumbs "
                     "sidebar menu navbar topbar footer sponsor sponsored banner popup pagination pager newsletter "
                     "subscribe ads advert advertisement promo tags "
                     # the same boxes as Indonesian sites name them ("baca-juga", "read-also", "terpopuler", "terkait")
                     "baca terkini terpopuler terkait also")
_CONTENT = word_set("article body content main story text entry post detail")
_CLASS_WORD = re.compile(r"[a-z]+")
_SPACES = re.compile(r"\s+")
_VOID = word_set("area base br col embed hr img input link meta param source track wbr")


class _TextExtractor(HTMLParser):
    """Collects visible text, one paragraph per block element; entities decoded by the parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: list[str] = []  # stack of open skipped elements
        self.title: list[str] = []
        self.in_title = False
        self.h1 = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.skip:  # inside a skipped element: its own elements are tracked so that its end is found
            if tag not in _VOID:
                self.skip.append(tag)
        elif tag == "title":
            self.in_title = True
        elif (tag in _SKIP or _furniture(attrs)) and tag not in _VOID:
            self.skip.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
            self.h1 = self.h1 or tag == "h1"
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:  # close it and anything left open inside
                while self.skip and self.skip.pop() != tag:
                    pass
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(_SPACES.sub(" ", data))  # HTML whitespace collapses; blocks make paragraphs


def _furniture(attrs: list) -> bool:
    """Whether an element's class or id marks it as page furniture (:data:`_FURNITURE`)."""
    words: set[str] = set()
    for name, value in attrs:
        if name in ("class", "id") and value:
            words.update(_CLASS_WORD.findall(value.lower()))
    return bool(words & _FURNITURE) and not words & _CONTENT


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: scripts, styles and navigation dropped, entities decoded,
    one paragraph per block element (separated by blank lines). The ``<title>`` leads when the
    page has no ``<h1>``."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    paragraphs = []
    for block in "".join(parser.parts).split("\n\n"):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    title = " ".join("".join(parser.title).split())
    if title and not parser.h1 and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)
