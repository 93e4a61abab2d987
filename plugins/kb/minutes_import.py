"""Read the text of minutes as PDF and Word files hold it into a draft of a minutes file.

Pure functions: the text comes from ``plugins/kb/documents.py`` (or a ``.txt`` file); the draft is
written out by ``plugins/kb/minutes_draft.py``. What the reading is unsure of travels with the part
of the draft it concerns as a ``Doubt``, so that the editor is pointed at the line to review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .model import BlockKind

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januar",
            "februar",
            "marts",
            "april",
            "maj",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = re.compile(r"(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join(MONTHS) + r")\b\s*(?P<year>\d{4})?", re.I)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})\b")
_TIME = re.compile(r"\b[Kk]l\.?\s*(?P<start>\d{1,2}(?:[.:]\d{2})?)\s*[-–—]\s*(?P<end>\d{1,2}(?:[.:]\d{2})?)")
_FIELD = re.compile(
    r"^(?P<key>Dato|Tid|Sted|Mødested|Mødeleder|Referent|Ordstyrer)\s*:\s*(?P<value>.*)$", re.I
)
_GROUPS = {
    "deltagere": "deltagere",
    "medlemmer": "deltagere",
    "til stede": "deltagere",
    "fra skolen": "deltagere",
    "tilforordnede": "tilforordnede",
    "afbud": "afbud",
    "fraværende": "afbud",
}
_GROUP = re.compile(r"^(?P<label>" + "|".join(_GROUPS) + r")\s*:\s*(?P<rest>.*)$", re.I)
# "1. Titel", "1) Titel" or "Punkt 1" (the title on the next line).
_ITEM = re.compile(r"^(?P<number>\d{1,2})\s*[.)]\s+(?P<title>\S.*)$")
_ITEM_WORD = re.compile(r"^Punkt\s+(?P<number>\d{1,2})\s*[.:]?\s*(?P<title>.*)$", re.I)
_LABEL_WORDS = {kind.value.lower(): kind.value for kind in BlockKind} | {"resume": "Resumé"}
_LABEL = re.compile(
    r"^(?P<labels>(?:" + "|".join(_LABEL_WORDS) + r")(?:\s*/\s*(?:" + "|".join(_LABEL_WORDS) + r"))*)"
    r"(?P<qualifier>,[^:]{1,80})?\s*:\s*(?P<rest>.*)$",
    re.I,
)
# Bullets as Word writes them (and as the Symbol font's bullet comes out of a PDF: U+F0B7).
_BULLETS = {"•": 0, "\uf0b7": 0, "●": 0, "-": 0, "–": 0, "*": 0, "o": 1, "◦": 1, "▪": 2, "■": 2, "§": 2}
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•\uf0b7●▪■◦§*]|[-–o](?=\s))\s*(?P<text>.*)$")
_ROLE_START = re.compile(
    r"^(formand|næstformand|suppleant|elevrepræsentant|repræsentant|deltager|medlem|observatør|"
    r"sekretær|sekretariat|fra skolen|konsulent|leder|i stedet for)\b",
    re.I,
)
_URL_END = re.compile(r"(?:https?://|www\.)\S*$")
_SENTENCE_END = re.compile(r"[.!?:]\)?[\"”]?$")


@dataclass(frozen=True, slots=True)
class Doubt:
    """Something the reading is unsure of: what, and how the editor settles it."""

    message: str
    hint: str


@dataclass(slots=True)
class Person:
    """A person as the minutes name them."""

    name: str
    organisation: str | None = None
    role: str | None = None
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """A labelled block of an item (``label`` None for text before the first label) as Markdown lines."""

    label: str | None
    lines: list[str] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A numbered agenda item."""

    number: int
    title: str
    blocks: list[Block] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)


@dataclass(slots=True)
class Draft:
    """Everything read from the minutes, before it is written as a minutes file."""

    title: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_has_year: bool = True
    time: tuple[str, str] | None = None
    place: str | None = None
    theme: str | None = None
    chair: Person | None = None
    secretary: Person | None = None
    groups: dict[str, list[Person]] = field(default_factory=dict)
    intro: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    doubts: dict[str, list[Doubt]] = field(default_factory=dict)  # by front-matter key
    unplaced_attachments: list[tuple[str, str]] = field(default_factory=list)  # (file name, link)

    def doubt(self, key: str, message: str, hint: str) -> None:
        """Record a doubt about a front-matter field."""
        self.doubts.setdefault(key, []).append(Doubt(message, hint))


def read_minutes(text: str) -> Draft:
    """Read minutes text (header, participants, agenda items and their blocks) into a draft."""
    lines = _without_repeated_urls([line.rstrip() for line in text.replace("\u00a0", " ").splitlines()])
    width = _width(lines)
    start = _first_item(lines)
    draft = Draft()
    _read_header(lines[:start] if start is not None else lines, draft, width)
    if start is not None:
        _read_items(lines[start:], draft, width)
    return draft


def _without_repeated_urls(lines: list[str]) -> list[str]:
    """Drop a web address printed alone on a line more than once: a page's footer, not the text."""
    alone = [line.strip() for line in lines if re.fullmatch(r"(?:https?://|www\.)\S+", line.strip())]
    repeated = {url for url in alone if alone.count(url) > 1}
    return [line for line in lines if line.strip() not in repeated]


def _width(lines: list[str]) -> int:
    """How long a full printed line is: most lines of running text are about as long."""
    lengths = sorted(len(line) for line in lines if len(line.strip()) > 20)
    return max(lengths[int(len(lengths) * 0.9)] if lengths else 0, 70)


def _first_item(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        bare = line.strip()
        match = _ITEM.match(bare) or _ITEM_WORD.match(bare)
        if match and match["number"] == "1" and not _DATE.match(bare):
            return index
    return None


# Header ---------------------------------------------------------------------------------------------


def _read_header(lines: list[str], draft: Draft, width: int) -> None:
    bare = [line.strip() for line in lines]
    title_lines = _title_lines(bare)
    draft.title = " ".join(bare[i] for i in title_lines) or None
    group: str | None = None
    group_label = ""
    pending: str | None = None  # a field whose value is on the next line ("Referent:" / "Mette M.")
    for index, line in enumerate(bare):
        if (
            not line
            or index in title_lines
            or (line.lower() == "referat" and index < min(title_lines, default=0))
        ):
            continue
        field_match = _FIELD.match(line)
        group_match = _GROUP.match(line)
        if field_match:
            group, pending = None, None
            key, value = field_match["key"].lower(), field_match["value"].strip()
            if value:
                _header_field(draft, key, value)
            else:
                pending = key
            continue
        if group_match:
            pending = None
            label = group_match["label"].lower()
            group, group_label = _GROUPS[label], label
            draft.groups.setdefault(group, [])
            if group_match["rest"].strip():
                draft.groups[group].append(_person(group_match["rest"], label))
            continue
        if pending:
            _header_field(draft, pending, line)
            pending = None
            continue
        if draft.date_text is None and (_DATE.search(line) or _NUMERIC_DATE.search(line)):
            _header_field(draft, "dato", line)
            continue
        if draft.time is None and _TIME.search(line):
            _date_and_time(draft, line)
            continue
        if draft.place is None and re.match(r"^på\s+\S", line) and draft.date_text:
            draft.place = line[3:].strip()
            continue
        if group and _looks_like_person(line):
            draft.groups[group].append(_person(line, group_label))
            continue
        theme = re.match(r"^Temaet for mødet er\s*:\s*(?P<theme>.+)$", line)
        if theme:
            draft.theme = theme["theme"].strip()
        group = None
        draft.intro.append(line)
    draft.intro = _paragraphs([(0, line) for line in draft.intro], width)
    for key, people in draft.groups.items():
        if not people:
            draft.doubt(
                key,
                f"referatet har '{key.capitalize()}:' uden navne under.",
                f"tjek i kilden, hvem der hører til '{key}', og flyt dem hertil.",
            )


def _title_lines(bare: list[str]) -> list[int]:
    """The lines of the title: the first lines up to a blank line; a lone "Referat" above it is not."""
    found: list[int] = []
    for index, line in enumerate(bare):
        if not line:
            if found and [bare[i].lower() for i in found] != ["referat"]:
                break
            continue
        if _FIELD.match(line) or _GROUP.match(line) or _DATE.search(line) or _TIME.search(line):
            break
        if line.lower() == "referat" and not found:
            found.append(index)
            continue
        if [bare[i].lower() for i in found] == ["referat"] and not bare[index - 1]:
            found = []
        found.append(index)
    return found


def _header_field(draft: Draft, key: str, value: str) -> None:
    if key in ("dato", "tid"):
        _date_and_time(draft, value)
        if key == "tid" and draft.time is None:
            draft.doubt("tid", f"tidspunktet '{value}' kunne ikke læses.", "skriv 'tid: T.MM–T.MM'.")
    elif key in ("sted", "mødested"):
        draft.place = value
    elif key in ("mødeleder", "ordstyrer"):
        draft.chair = _person(value, key)
    elif key == "referent":
        draft.secretary = _person(value, key)


def _date_and_time(draft: Draft, line: str) -> None:
    time = _TIME.search(line)
    if time and draft.time is None:
        draft.time = (_clock(time["start"]), _clock(time["end"]))
        rest = line[time.end() :].strip(" ,")
        if rest and draft.place is None:
            draft.place = rest
    if draft.date_text is not None:
        return
    numeric = _NUMERIC_DATE.search(line)
    match = _DATE.search(line)
    if match:
        draft.date_text = match[0].strip()
        if match["year"]:
            draft.date = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        else:
            draft.date_has_year = False
            draft.date = _partial(MONTHS[match["month"].lower()], int(match["day"]))
    elif numeric:
        draft.date_text = numeric[0]
        draft.date = _safe_date(int(numeric["year"]), int(numeric["month"]), int(numeric["day"]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _partial(month: int, day: int) -> dt.date | None:
    """A day and month without a year: kept with year 1 until the editor gives the year."""
    return _safe_date(1, month, day)


def _clock(text: str) -> str:
    """A clock time as the site writes it: "9" is "9.00", "12:30" is "12.30"."""
    hour, _, minutes = text.replace(":", ".").partition(".")
    return f"{int(hour)}.{minutes or '00'}"


def _looks_like_person(line: str) -> bool:
    return bool(re.match(r"^[A-ZÆØÅ][\w.-]*(?:\s|,|$)", line)) and not _ITEM.match(line) and len(line) < 140


def _person(text: str, label: str) -> Person:
    """Read "Name, Organisation, role", "Name, Organisation (role)", "Name (role)" or "Name"."""
    text = re.sub(r"\s+", " ", text).strip(" ,")
    bracket = re.search(r"\s*\((?P<role>[^)]*)\)\s*$", text)
    if bracket:
        text = text[: bracket.start()]
    name, *rest = [part.strip() for part in text.split(",")]
    organisation: list[str] = []
    role_parts: list[str] = []
    for part in rest:
        # A role starts with a role word; what follows a role belongs to it ("suppleant for Per Birch").
        (role_parts if _ROLE_START.match(part) or role_parts else organisation).append(part)
    if bracket:
        role_parts.append(bracket["role"].strip())
    person = Person(name, ", ".join(organisation) or None, ", ".join(role_parts) or None)
    if label == "fra skolen":
        person.role = ", ".join(filter(None, ["fra skolen", person.role]))
    return person


# Agenda items ---------------------------------------------------------------------------------------


def _read_items(lines: list[str], draft: Draft, width: int) -> None:
    expected = 1
    current: list[tuple[int, str]] = []
    heads: list[tuple[int, str, list[tuple[int, str]]]] = []
    index = 0
    while index < len(lines):
        bare = lines[index].strip()
        match = _ITEM.match(bare) or _ITEM_WORD.match(bare)
        if match and int(match["number"]) == expected:
            title = match["title"].strip()
            if not title:  # "Punkt 3" with the title on the next line
                index += 1
                while index < len(lines) and not lines[index].strip():
                    index += 1
                title = lines[index].strip() if index < len(lines) else ""
            elif _wrapped_title(lines, index, width):
                index += 1  # a title the page wrapped
                while not lines[index].strip():
                    index += 1
                title = _join(title, lines[index].strip())
            current = []
            heads.append((expected, title, current))
            expected += 1
        else:
            current.append((index, lines[index]))
        index += 1
    for number, title, body in heads:
        draft.items.append(_item(number, title, body, width))


def _wrapped_title(lines: list[str], index: int, width: int) -> bool:
    """Whether a title line goes on on the next line: it is full, or it ends in "v." or a comma."""
    after = [line.strip() for line in lines[index + 1 : index + 4] if line.strip()]
    following = after[0] if after else ""
    if not following or _LABEL.match(following) or _BULLET.match(following) or _ITEM.match(following):
        return False
    title = lines[index].strip()
    if re.search(r"(?:\bv\.|\bog|,)$", title):
        return True
    return len(lines[index]) >= 0.85 * width and following[:1].islower()


def _item(number: int, title: str, body: list[tuple[int, str]], width: int) -> Item:
    item = Item(number, re.sub(r"\s+", " ", title))
    block = Block(None)
    for position, line in body:
        label = _LABEL.match(line.strip())
        if label:
            if block.label or any(text.strip() for _, text in block.lines):
                item.blocks.append(block)
            labels = "/".join(_LABEL_WORDS[word.strip().lower()] for word in label["labels"].split("/"))
            block = Block(labels + (label["qualifier"] or "").rstrip())
            if label["rest"].strip():
                block.lines.append((position, label["rest"].strip()))
            continue
        block.lines.append((position, line))
    if block.label or any(text.strip() for _, text in block.lines):
        item.blocks.append(block)
    for block in item.blocks:
        block.lines = _markdown(block.lines, width, block.label)
    return item


def _markdown(lines: list[tuple[int, str]], width: int, label: str | None) -> list[str]:
    """A block's lines as Markdown: bullets as lists (nested by Word's bullet order), paragraphs joined.

    The extraction leaves blank lines inside sentences too: a blank line ends a paragraph only when
    the text before it ends a sentence and the next line starts with a capital letter.
    """
    out: list[str] = []
    paragraph: list[tuple[int, str]] = []
    bullet: list[str] = []  # [indent, text] of the list item being read
    blank = full = False

    def end_paragraph() -> None:
        if paragraph:
            out.extend(_paragraphs(paragraph, width))
            out.append("")
            paragraph.clear()

    def end_bullet() -> None:
        if bullet:
            out.append(f"{bullet[0]}- {_link_urls(bullet[1])}")
            bullet.clear()

    for position, line in lines:
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        # A capital letter after a blank line starts anew; a digit only after a full stop ("1. august" /
        # "2024 er kommet" goes on).
        new_sentence = stripped[:1].isupper() or (stripped[:1].isdigit() and not blank)
        if re.fullmatch(r"(?:-\s*){3,}.*", stripped):
            end_paragraph()
            end_bullet()
            out += ["\\" + stripped, ""]  # a separator line ("- - - P A U S E - - -"), kept as text
        elif label == "Bilag" and re.match(r"^[Bb]ilag\s+\d", stripped):
            end_paragraph()
            end_bullet()
            out.append("- " + stripped)
        elif (match := _BULLET.match(line)) and match["text"].strip():
            end_paragraph()
            if bullet:
                end_bullet()
            level = _BULLETS.get(match["mark"], 0)
            bullet[:] = ["    " * level, match["text"].strip()]
        elif bullet and (full or not (new_sentence and (blank or _SENTENCE_END.search(bullet[1])))):
            bullet[1] = _join(bullet[1], stripped)  # the list item goes on (the line before was full)
        else:
            if bullet:
                end_bullet()
                out.append("")
            elif paragraph and blank and new_sentence and _SENTENCE_END.search(paragraph[-1][1].strip()):
                end_paragraph()
            paragraph.append((position, line))
        blank = False
        full = len(line) >= 0.7 * width and not _SENTENCE_END.search(stripped)
    end_paragraph()
    end_bullet()
    while out and not out[-1]:
        out.pop()
    return out


def _paragraphs(lines: list[tuple[int, str]], width: int) -> list[str]:
    """Join the PDF's lines into paragraphs; a short line that ends a sentence ends its line."""
    out: list[str] = []
    current = ""
    previous_full = False
    for _, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if current and (previous_full or not _SENTENCE_END.search(current) or stripped[:1].islower()):
            current = _join(current, stripped)
        else:
            if current:
                out.append(_link_urls(current))
            current = stripped
        previous_full = len(line) >= 0.85 * width
    if current:
        out.append(_link_urls(current))
    return out


def _join(text: str, line: str) -> str:
    """Join a printed line to the text before it, undoing the line-end hyphen a page made."""
    if _URL_END.search(text) and (text.endswith(("-", "/", "_", ".")) or not line[:1].isupper()):
        return text + line  # a web address broken over two lines
    if text.endswith("-") and line[:1].islower():
        if re.match(r"(og|eller|til|samt)\b", line):
            return f"{text} {line}"  # "social- og sundhed"
        if re.search(r"[A-ZÆØÅ0-9]-$", text):
            return text + line  # "AMU-uddannelser"
        return text[:-1] + line
    if re.search(r"\w-$", text) and line[:1].isupper():
        return text + line  # "Ringkøbing-Skjern"
    return f"{text} {line}"


def _link_urls(text: str) -> str:
    """Web addresses as Markdown links (``<https://…>``), without the full stop after them."""

    def link(match: re.Match) -> str:
        url = match[0]
        trail = re.search(r"[.,;:)]+$", url)
        end = trail[0] if trail else ""
        url = url[: len(url) - len(end)]
        return f"<{url if '://' in url else 'https://' + url}>{end}"

    return re.sub(r"(?<![<(\w])(?:https?://|www\.)[^\s<>]+", link, text)
