"""Measure how faithfully a report's pages carry its source text.

Two figures per source document (a text file extracted from the report's PDF):
- the share of the source's sentences found verbatim in the pages, and a list of those missing,
  with their line in the source;
- with ``--diff``, a word diff of the pages against the de-hyphenated source: which words only the
  source has, which only the pages have, and whether the latter stand in editorial notes
  (paragraphs that are wholly in italics).

Words are compared without punctuation, hyphens and whitespace, so a line-end hyphen the PDF made,
or a list the site writes as Markdown, is not a difference; a changed word is. The word diff reads
the report's print version (every chapter, in order) and compares runs of words, so a text box the
extraction put elsewhere is not counted as removed and added again. Usage:

    .venv/bin/python -m benchmarks.report_fidelity --seed 004 [--lines 1-370] [--diff] FILE...

FILE is a Markdown file (front matter, link targets, ids and footnote labels are left out) or a
built HTML page (the article's text). Without FILE the built report pages in output/ are read (for
--diff, the print version).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

SEEDS = Path(__file__).resolve().parents[1] / "kilder"
REPORTS = {"003": "frafald-nordjylland", "004": "oplaeringsvejleder-amu"}
# Sentences shorter than this many words are headers, page numbers and figure labels: not counted.
MIN_WORDS = 4
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"”'(]?[A-ZÆØÅ0-9•▪])")
# A list item's marker; the PDF sometimes leaves out the space ("1.Fleksibel afvikling").
_BULLET = re.compile(r"^\s*(?:[•▪\-o]\s+|\d+[.)](?=[A-ZÆØÅ])|\d+[.)]\s+|[a-h]\)\s+)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the source and the line it starts on."""

    line: int
    text: str


def seed_path(seed: str) -> Path:
    """The source text file whose name starts with ``seed`` (``004`` → ``004_….txt``)."""
    found = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not found:
        raise SystemExit(f"no source document {seed} in {SEEDS}")
    return found[0]


def canonical(text: str) -> str:
    """Letters and digits only, so that only a changed word makes two texts differ."""
    return "".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    """The words of ``text``, without punctuation; a hyphenated word counts as one."""
    return [canonical(word) for word in re.sub(r"(?<=\w)-(?=\w)", "", text).split() if canonical(word)]


def dehyphenate(lines: list[str]) -> str:
    """Join the lines, removing hyphens the layout put at line ends ("kompe-" + "tence" → "kompetence")."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue  # the extraction puts blank lines inside paragraphs, even after a hyphen
        if text.endswith("-") and re.match(r"(og|eller|til)\b", line):
            text += " " + line  # "social- og"
        elif text.endswith("-") and line[:1].islower():
            # "AMU-kurser" keeps its hyphen, "kompe-tence" loses the layout's.
            text = (text if re.search(r"[A-ZÆØÅ0-9]-$", text) else text[:-1]) + line
        else:
            text += ("\n" if text else "") + line
    return text


def source_sentences(lines: list[str], first: int) -> list[Sentence]:
    """The source's sentences of at least MIN_WORDS words, each with the line it starts on."""
    found = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        text = dehyphenate([line for _, line in block])
        start = block[0][0]
        for part in _SENTENCE_END.split(text.replace("\n", " ")):
            part = _BULLET.sub("", part).strip()
            if len(words(part)) >= MIN_WORDS:
                found.append(Sentence(start, part))
        block.clear()

    # The extraction breaks paragraphs with blank lines, too: a new block starts at a list item, and
    # at a capital letter after a line that ends a sentence or looks like a heading.
    previous = ""
    for number, line in enumerate(lines, first):
        text = line.strip()
        if not text:
            continue
        ends = re.search(r"[.!?:]$", previous) or (len(previous) < 60 and not re.search(r"[,;-]$", previous))
        if _BULLET.match(line) or (text[:1].isupper() and ends):
            flush()
        block.append((number, line))
        previous = text
    flush()
    return found


def page_text(path: Path) -> tuple[str, str]:
    """The text of a Markdown file or HTML page, and the text of its editorial notes."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        body = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
        body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets
        body = re.sub(r"\{[#:.][^}]*\}", "", body)  # heading ids, attribute lists
        body = re.sub(r"\[\^[^\]]+\]:?", "", body)  # footnote labels
        body = re.sub(r"\[tabel:[^\]]*\]", "", body)
        editorial = "\n".join(
            line for line in body.splitlines() if re.fullmatch(r"\s*\*[^*].*[^*]\*\s*", line)
        )
        return body, editorial
    soup = BeautifulSoup(raw, "html.parser")
    article = soup.select_one("[data-pagefind-body]") or soup.body or soup
    for hidden in article.select("[hidden], .data-chart, .footnote-backref, sup"):
        hidden.decompose()
    editorial = "\n".join(p.get_text(" ") for p in article.select("p") if _is_editorial(p))
    return article.get_text(" "), editorial


def _is_editorial(paragraph) -> bool:
    children = [c for c in paragraph.children if not (isinstance(c, str) and not c.strip())]
    return len(children) == 1 and getattr(children[0], "name", None) == "em"


def report_pages(seed: str, site: Path) -> list[Path]:
    """The built pages of the report from ``seed``: its chapters, and for 003 its pilot pages."""
    pages = sorted((site / "rapporter" / REPORTS[seed]).glob("*/index.html"))
    pages = [page for page in pages if page.parent.name != "print"]
    if seed == "003":
        pages += sorted(site.glob("pilotprojekt-*/index.html"))
    return pages


def measure(seed: str, lines: tuple[int, int] | None, files: list[Path], diff: bool) -> float:
    """Print the share of sentences found (and the word diff); return the share."""
    source = seed_path(seed).read_text(encoding="utf-8").splitlines()
    first, last = lines or (1, len(source))
    chosen = source[first - 1 : last]
    texts = [page_text(path) for path in files]
    site = canonical(" ".join(text for text, _ in texts))
    sentences = source_sentences(chosen, first)
    missing = [s for s in sentences if canonical(s.text) not in site]
    share = 1 - len(missing) / len(sentences) if sentences else 1.0
    print(
        f"{seed_path(seed).name} lines {first}-{last}: {len(sentences)} sentences, "
        f"{len(sentences) - len(missing)} found verbatim ({share:.1%}), {len(missing)} missing"
    )
    for sentence in missing:
        print(f"  missing, line {sentence.line}: {sentence.text[:160]}")
    if diff:
        html = [path for path in files if path.suffix == ".html"]
        if not html:
            raise SystemExit("--diff compares built pages: give HTML files or none (the print version)")
        word_diff(chosen, html)
    return share


GRAM = 5  # a word counts as carried when it is part of a run of GRAM words both texts share


def tagged_words(path: Path) -> list[tuple[str, str]]:
    """The words of a built page's article, each with where it stands: text, note or table.

    The site's own chrome (kicker, theme links, tables of contents, the source box) is left out.
    """
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    for chrome in article.select(
        "[hidden], .kicker, .themes, nav, .report-source, .footnote-backref, .data-chart, .unit"
    ):
        chrome.decompose()
    found = []
    for node in article.find_all(string=True):
        parents = list(node.parents)
        if any(getattr(p, "name", None) in ("caption", "figcaption") for p in parents):
            kind = "table"
        elif any(getattr(p, "name", None) == "p" and _is_editorial(p) for p in parents):
            kind = "note"
        else:
            kind = "text"
        found += [(word, kind) for word in words(str(node))]
    return found


def _covered(ours: list[str], theirs: list[str]) -> list[bool]:
    """For each of ``ours``, whether it lies in a run of GRAM words that ``theirs`` also has."""
    grams = {tuple(theirs[i : i + GRAM]) for i in range(len(theirs) - GRAM + 1)}
    covered = [False] * len(ours)
    for i in range(len(ours) - GRAM + 1):
        if tuple(ours[i : i + GRAM]) in grams:
            covered[i : i + GRAM] = [True] * GRAM
    return covered


def _moved(covered: list[bool], ours: list[str], theirs: str) -> list[bool]:
    """Also count as carried a run of 3 to GRAM - 1 words that the other text has, whole words in order.

    Such a run is a short heading or caption the extraction put elsewhere. A run of one or two words
    is never excused: a word added to or dropped from a sentence would otherwise pass.
    """
    result = list(covered)
    i = 0
    while i < len(ours):
        if result[i]:
            i += 1
            continue
        end = i
        while end < len(ours) and not result[end]:
            end += 1
        if end - i >= 3 and f" {' '.join(ours[i:end])} " in theirs:
            result[i:end] = [True] * (end - i)
        i = end
    return result


def _runs(flags: list[bool], items: list[str]) -> list[str]:
    runs, current = [], []
    for flag, item in zip(flags, items, strict=True):
        if not flag:
            current.append(item)
        elif current:
            runs.append(" ".join(current))
            current = []
    return runs + ([" ".join(current)] if current else [])


def word_diff(chosen: list[str], pages: list[Path]) -> None:
    """Print which words of the source the pages lack, and which words of the pages the source lacks.

    A diff in reading order would list every text box the PDF extraction put elsewhere as deleted
    and inserted; comparing runs of GRAM words instead shows only words that differ.
    """
    # Page numbers and list markers ("1.", "a)", "•") are not words of the text: the site's lists number
    # themselves.
    printed = [_BULLET.sub("", line) for line in chosen if not re.fullmatch(r"\s*\d{1,3}\s*", line)]
    source = words(dehyphenate(printed))
    tagged = [pair for page in pages for pair in tagged_words(page)]
    site = [word for word, _ in tagged]
    source_covered = _moved(_covered(source, site), source, f" {' '.join(site)} ")
    site_covered = _moved(_covered(site, source), site, f" {' '.join(source)} ")
    extra = {"text": 0, "note": 0, "table": 0}
    for flag, (_, kind) in zip(site_covered, tagged, strict=True):
        extra[kind] += not flag
    lacking = source_covered.count(False)
    print(
        f"word diff: {len(source)} source words, {len(site)} page words; "
        f"{lacking} source words not on the pages ({lacking / max(len(source), 1):.1%}); page words not "
        f"in the source: {extra['note']} in editorial notes, {extra['table']} in table captions and "
        f"notes, {extra['text']} elsewhere"
    )
    for run in _runs(source_covered, source):
        print(f"  - {run[:200]}")
    text_flags = [flag or kind != "text" for flag, (_, kind) in zip(site_covered, tagged, strict=True)]
    for run in _runs(text_flags, site):
        print(f"  + {run[:200]}")


def main(argv: list[str] | None = None) -> int:
    """Run from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", required=True, choices=sorted(REPORTS))
    parser.add_argument("--lines", help="only these source lines, e.g. 1-370")
    parser.add_argument("--diff", action="store_true", help="also print the word diff")
    parser.add_argument("--site", type=Path, default=Path("output"))
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    lines = tuple(int(n) for n in args.lines.split("-")) if args.lines else None
    files = args.files or (
        [args.site / "rapporter" / REPORTS[args.seed] / "print" / "index.html"]
        if args.diff
        else report_pages(args.seed, args.site)
    )
    if not files:
        raise SystemExit(f"no report pages found in {args.site}: build the site first (./run build)")
    measure(args.seed, lines, files, args.diff)
    return 0


if __name__ == "__main__":
    sys.exit(main())
