r"""Lines that start with a number and a full stop: a list number, or text such as a date.

Markdown makes a line "10. marts kl. 9-12" a list numbered from 10, and the "10." is gone from the
text. Minutes are records, so a day and a month stay text on every page (the site's Markdown
extension, plugins/formatting/datelines.py, and the editor's preview, theme/admin/listnumbers.js); the
importer escapes any other number that is not a list in the source ("2\. behandling"), and ``check``
warns about a line that would still become a list number where it looks like text.
"""

from __future__ import annotations

import re

from plugins.kb.metadata.frontmatter import split_front_matter
from plugins.kb.outputs.formatting import MONTH_ABBREVIATIONS, MONTHS
from plugins.kb.problems import Problem

_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])\."
_MONTH = "|".join(sorted(MONTHS + MONTH_ABBREVIATIONS, key=len, reverse=True))
# "10. marts", "8. dec.", "10. og 11. marts", "10. - 12. juni": a day (or two) and a month.
DATE_START = re.compile(
    rf"[ ]*{_DAY}(?:[ ]*(?:-|–|og|til)[ ]*{_DAY})?[ ]+(?:{_MONTH})\.?(?![0-9A-Za-zÆØÅæøå])",
    re.IGNORECASE,
)
# What Python-Markdown takes for the number of an ordered list's item (blockprocessors.OListProcessor).
LIST_NUMBER = re.compile(r"^(?P<indent>[ ]*)(?P<number>[0-9]+)\.(?P<space>[ ]+)(?P<text>\S.*)$")
_BULLET = re.compile(r"^[ ]*[-*+][ ]+")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]")
_SHOWN = 40  # characters of the line a warning quotes


def starts_with_date(text: str) -> bool:
    """Whether ``text`` starts with a day and a month ("10. marts", "8. dec."): text, never a list."""
    return bool(DATE_START.match(text))


def escape_list_number(text: str) -> str:
    r"""``text`` with its leading number escaped ("2\. behandling") if Markdown would make it a list.

    For a line that is not a numbered list in the source. A date needs no escape: the site keeps it.
    """
    found = LIST_NUMBER.match(text)
    if found is None or starts_with_date(text):
        return text
    return f"{found['indent']}{found['number']}\\.{found['space']}{found['text']}"


def file_warnings(text: str, source: str) -> list[Problem]:
    """The list_number_warnings of a whole Markdown file: of its body, after the front matter."""
    _, body, body_line, _ = split_front_matter(text, source)
    return list_number_warnings(body, source, body_line)


def list_number_warnings(body: str, source: str, first_line: int = 1) -> list[Problem]:
    """Lines of a Markdown body that would become a list number but look like text.

    A date inside a numbered list (an item of it, so not kept as text), and a lone number that
    starts a list not at 1 ("2. behandling", "- 2. behandling") unless it goes on from the list before
    it (a report's points numbered across its headings). ``first_line``: the body's first line.
    """
    warnings = []
    previous = 0  # the last number the numbered list before shows (not one warned about)
    for index, number, text, kind in _list_numbers(body.expandtabs(4).splitlines()):
        if kind == _ITEM and starts_with_date(f"{number}. {text}"):
            warnings.append(_warning(source, first_line + index, number, text, in_list=True))
        elif kind == _LONE and number not in (1, previous + 1):
            warnings.append(_warning(source, first_line + index, number, text, in_list=False))
        else:  # the number the page shows (an item's is the one before's + 1); none for a warned one
            previous = previous + 1 if kind == _ITEM else number
    return warnings


# What a list number is to Python-Markdown: the first of a list of several, the next item of one, or
# a list's only item.
_FIRST, _ITEM, _LONE = "first", "item", "lone"


def _list_numbers(lines: list[str]):
    """``(index, number, text, kind)`` for every line whose number Markdown makes a list number.

    Follows how Python-Markdown's block parser reads them: a number starts a list at the start of a
    block (after a blank line or a heading) or of a list item ("- 2. …", "> 2. …"), where a date is
    kept as text, and a numbered line inside a numbered list is its next item; a blank line or an
    indented block inside a list does not end it. Not followed: a quote inside a list's item.
    """
    fence = None  # the character of the open code fence
    start = True  # the line starts a block
    block = None  # the current block: "ol", "ul", "code" or "text"
    open_list = None  # the list the text is in ("ol", "ul"): an indented block is part of its item
    nested = False  # the bullet's text is a numbered list, which its next lines go on
    quoted = False  # the block is a quote ("> …"): its lines are read without the marks
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is not None or opened:
            if fence is None:
                fence = opened[1][0]
            elif opened and opened[1][0] == fence:
                fence = None
            continue
        if not line.strip():
            start = True
            continue
        if _HEADING.match(line):
            start, block, open_list = True, None, None
            continue
        quote = _QUOTE.match(line)
        # An indented code block ends at a line that is not indented; a quote breaks a paragraph.
        if start or (block == "code" and not line.startswith("    ")) or (block == "text" and quote):
            if quoted != bool(quote):
                open_list = None  # into a quote or out of one: a list outside or inside it has ended
            quoted = bool(quote)
        content = _QUOTE.sub("", line) if quoted else line
        indent = len(content) - len(content.lstrip(" "))
        if start or (block == "code" and indent < 4) or (block == "text" and quote):
            if indent >= 4 and open_list is None:
                block = "code"
            elif _BULLET.match(content):
                block = open_list = "ul"
            elif (found := LIST_NUMBER.match(content)) and not starts_with_date(content):
                number, text = int(found["number"]), found["text"]
                if open_list == "ol" and indent < 4:
                    yield index, number, text, _ITEM  # a blank line between items: the list goes on
                else:
                    yield (
                        index,
                        number,
                        text,
                        _FIRST if _numbered_follows(lines, index + 1, quoted) else _LONE,
                    )
                block = open_list = "ol"
            else:
                block = "text"
                open_list = open_list if indent >= 4 else None
            start = False
        elif (
            (block == "ol" or (block == "ul" and nested))
            and indent < 4
            and not _BULLET.match(content)
            and (found := LIST_NUMBER.match(content))
            and not (quote and not quoted)
        ):
            yield index, int(found["number"]), found["text"], _ITEM
        # A bullet's text starts a block of its own: a number there is a list inside the item.
        if block == "ul" and (bullet := _BULLET.match(content)):
            inner = LIST_NUMBER.match(content[bullet.end() :])
            nested = bool(inner) and not starts_with_date(inner[0])
            if nested:
                lone = not _numbered_follows(lines, index + 1, quoted, in_item=True)
                yield index, int(inner["number"]), inner["text"], _LONE if lone else _FIRST


def _numbered_follows(lines: list[str], index: int, quoted: bool, in_item: bool = False) -> bool:
    """Whether the numbered list whose first item ends before ``index`` has another item, not a date.

    ``quoted``: the list is in a quote; else a quote is inside its item. ``in_item``: the list is a
    bullet's text, which ends at the next bullet or blank line.
    """
    blank = False
    indented = False  # in an indented block inside the item: its lines are the item's text
    for line in lines[index:]:
        if not line.strip():
            if in_item:
                return False
            blank, indented = True, False
            continue
        if _HEADING.match(line) or _FENCE.match(line) or (in_item and _BULLET.match(line)):
            return False
        if bool(_QUOTE.match(line)) != quoted and not indented:
            if blank:
                return False  # a quote after the list, or the end of the quote the list is in
            if not quoted:
                continue  # a quote inside the item
        if blank and line.startswith("    "):
            indented = True
        if indented:
            blank = False
            continue
        found = LIST_NUMBER.match(_QUOTE.sub("", line) if quoted else line)
        if found and len(found["indent"]) < 4:
            if not starts_with_date(found[0]):
                return True
            if blank:
                return False  # a date after a blank line is text: the list has ended
            continue  # a date as the next item is warned about itself, and text once escaped
        if blank:
            return False  # a block that is not part of the item: the list has ended
    return False


def _warning(source: str, line: int, number: int, text: str, in_list: bool) -> Problem:
    text = text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"
    shown, escaped = f"{number}. {text}", f"{number}\\. {text}"
    if in_list:
        return Problem(
            source,
            line,
            f"'{shown}' ligner en dato, men bliver et punkt i den nummererede liste over den, og "
            f"'{number}.' står ikke i teksten på siden.",
            f"skriv '{escaped}' (med \\ før punktummet), så står datoen som tekst.",
        )
    return Problem(
        source,
        line,
        f"'{shown}' bliver en nummereret liste, der begynder ved {number}, og '{number}.' står ikke i "
        "teksten på siden.",
        f"er det ikke en nummereret liste, så skriv '{escaped}' (med \\ før punktummet); er det en "
        "liste, så begynd den ved 1.",
    )
