"""Undo what printing did to the text of minutes: line breaks, line-end hyphens, broken web addresses."""

from __future__ import annotations

import re

URL_END = re.compile(r"(?:https?://|www\.)\S*$")
# How much of the end of a text join_line looks at.
_TAIL = 2000
SENTENCE_END = re.compile(r"[.!?:]\)?[\"”]?$")


def without_repeated_urls(lines: list[str]) -> list[str]:
    """Drop a web address printed alone on a line more than once: a page's footer, not the text."""
    alone = [line.strip() for line in lines if re.fullmatch(r"(?:https?://|www\.)\S+", line.strip())]
    repeated = {url for url in alone if alone.count(url) > 1}
    return [line for line in lines if line.strip() not in repeated]


def line_width(lines: list[str]) -> int:
    """How long a full printed line is: most lines of running text are about as long."""
    lengths = sorted(len(line) for line in lines if len(line.strip()) > 20)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 0, 70)


def paragraphs(lines: list[tuple[int, str]], width: int) -> list[str]:
    """Join the PDF's lines into paragraphs; a short line that ends a sentence ends its line."""
    out: list[str] = []
    current = ""
    previous_full = False
    for _, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if current and (previous_full or not ends_sentence(current) or stripped[:1].islower()):
            current = join_line(current, stripped)
        else:
            if current:
                out.append(link_urls(current))
            current = stripped
        previous_full = len(line) >= 0.85 * width
    if current:
        out.append(link_urls(current))
    return out


def join_line(text: str, line: str) -> str:
    """Join a printed line to the text before it, undoing the line-end hyphen a page made.

    Only the end of ``text`` is looked at (``_TAIL`` characters: a web address longer than that is
    taken for words), so that joining a long paragraph's lines one by one takes no time in proportion
    to its square.
    """
    return text[:-_TAIL] + _joined_end(text[-_TAIL:], line)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence ("… godkendt.", "(se bilag)."), looking only at its end."""
    return bool(SENTENCE_END.search(text[-8:]))


def _joined_end(text: str, line: str) -> str:
    if URL_END.search(text) and (text.endswith(("-", "/", "_", ".")) or not line[:1].isupper()):
        return text + line  # a web address broken over two lines
    if text.endswith("-") and line[:1].islower():
        if re.match(r"(og|eller|til|samt)\b", line):
            return f"{text} {line}"  # "social- og sundhed"
        if re.search(r"(?:[A-ZÆØÅ0-9]|\b(?i:it|e|pc|tv|sms|cpr|cv|ph\.d\.))-$", text):
            return text + line  # "AMU-uddannelser", "it-systemer", "e-læring"
        return text[:-1] + line
    if re.search(r"\w-$", text) and line[:1].isupper():
        return text + line  # "Ringkøbing-Skjern"
    return f"{text} {line}"


def link_urls(text: str) -> str:
    """Web addresses as Markdown links (``<https://…>``), without the full stop after them."""

    def link(match: re.Match) -> str:
        url = match[0]
        trail = re.search(r"[.,;:)]+$", url)
        end = trail[0] if trail else ""
        url = url[: len(url) - len(end)]
        return f"<{url if '://' in url else 'https://' + url}>{end}"

    return re.sub(r"(?<![<(\w])(?:https?://|www\.)[^\s<>]+", link, text)
