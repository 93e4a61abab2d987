"""Compare an imported minutes file with one converted by hand: agenda, people, decisions, sentences.

Both are read with the site's own parser (``plugins/kb/content/parse.py``), so what is compared is what the
meeting page would show.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from html import unescape

from markdown import Markdown
from markupsafe import Markup

from plugins.kb.content.parse import parse_meeting

_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9\"”])")


@dataclass(frozen=True, slots=True)
class Comparison:
    """How an imported file matches the reference."""

    agenda: list[tuple[int, str]]
    agenda_reference: list[tuple[int, str]]
    people: set[tuple[str, str | None]]
    people_reference: set[tuple[str, str | None]]
    decisions: list[str]
    decisions_reference: list[str]
    sentences_found: int
    sentences_reference: int
    problems: list[str]

    @property
    def sentence_share(self) -> float:
        """The share of the reference's body sentences that the import has word for word."""
        return self.sentences_found / self.sentences_reference if self.sentences_reference else 1.0


def _meeting(text: str, source: str, committee: str, themes: Collection[str]):
    md = Markdown(extensions=["extra", "sane_lists", "nl2br"])
    meeting, problems = parse_meeting(
        text, source, {committee}, lambda t: Markup(md.reset().convert(t)), themes
    )
    return meeting, [str(problem) for problem in problems]


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", str(html))).split())


def _sentences(meeting) -> list[str]:
    blocks = [_text(meeting.intro_html)] + [_text(b.html) for item in meeting.agenda for b in item.blocks]
    return [s.strip() for block in blocks for s in _SENTENCE.split(block) if len(s.split()) >= 3]


def _people(meeting) -> set[tuple[str, str | None]]:
    everyone = [*meeting.participants, *meeting.advisers, *meeting.absentees]
    return {(person.name, person.organisation) for person in everyone}


def compare(imported: str, reference: str, committee: str, themes: Collection[str] = ()) -> Comparison:
    """Read both files (``themes``: the site's theme slugs, which the reference may tag) and compare."""
    ours, problems = _meeting(imported, "importeret", committee, themes)
    theirs, found = _meeting(reference, "reference", committee, themes)
    if theirs is None:
        raise ValueError(f"the reference cannot be read: {found}")
    if ours is None:
        return Comparison([], [], set(), set(), [], [], 0, 1, problems)
    found = " ".join(_sentences(ours))
    reference_sentences = _sentences(theirs)
    return Comparison(
        agenda=[(item.number, item.title) for item in ours.agenda],
        agenda_reference=[(item.number, item.title) for item in theirs.agenda],
        people=_people(ours),
        people_reference=_people(theirs),
        decisions=[_text(d.html) for d in ours.decisions],
        decisions_reference=[_text(d.html) for d in theirs.decisions],
        sentences_found=sum(sentence in found for sentence in reference_sentences),
        sentences_reference=len(reference_sentences),
        problems=problems,
    )
