"""Extra search terms for Danish text: compound parts and abbreviations.

Pagefind stems Danish but does not split compounds, so a reader who types "vejleder" would not find
"praktikvejlederne", and "PA" would not meet "pædagogisk assistent". The pages therefore carry, per
agenda item or page, a hidden list of the parts of the compounds they contain and the other form of
each abbreviation they use. The word lists are curated for the site's subject: add to them when
readers miss results.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

# The last part of compounds readers search for on their own ("praktik|vejleder", "spire|medarbejder").
HEADS: tuple[str, ...] = (
    "assistent",
    "elev",
    "forløb",
    "hjælper",
    "kompetence",
    "kursus",
    "leder",
    "medarbejder",
    "modul",
    "møde",
    "oplæring",
    "periode",
    "plads",
    "plan",
    "platform",
    "praktik",
    "projekt",
    "samtale",
    "skole",
    "uddannelse",
    "udvalg",
    "vejleder",
    "vejledning",
)

# Inflections that may follow a head: "vejleder|ne", "elev|erne", "uddannelse|rne".
ENDINGS: frozenset[str] = frozenset(
    {"", "e", "en", "er", "et", "s", "n", "r", "ne", "rne", "erne", "ens", "ers", "es", "ernes", "nes"}
)

# Abbreviation and the words it stands for; each form on a page adds the other.
ABBREVIATIONS: dict[str, str] = {
    "amu": "arbejdsmarkedsuddannelse",
    "eud": "erhvervsuddannelse",
    "luu": "lokalt uddannelsesudvalg",
    "pa": "pædagogisk assistent",
    "pau": "pædagogisk assistentuddannelse",
    "sosu": "social- og sundhed",
    "sps": "specialpædagogisk støtte",
}

# Words whose other forms Danish stemming does not reach: "hvad besluttede udvalget?" should find the
# agenda items that have a "Beslutning".
RELATED: dict[str, tuple[str, ...]] = {
    "beslutning": ("besluttede", "besluttet", "beslutte"),
    "besluttede": ("beslutning",),
    "besluttet": ("beslutning",),
}

MIN_PART = 3
WORD = re.compile(r"[a-zæøå]+")


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[str, ...]:
    """The modifier and the (inflected) head of a compound: "praktikvejlederne" → praktik, vejlederne.

    The longest head wins ("praktik|vejleder", not "praktikvej|leder"), and a word that is itself a
    head ("vejleder") is not split.
    """
    start = None
    for head in HEADS:
        at = word.find(head)
        while at != -1:
            if word[at + len(head) :] in ENDINGS and (start is None or at < start):
                start = at
            at = word.find(head, at + 1)
    if start is None or start < MIN_PART:
        return ()
    return (word[:start], word[start:])


def search_terms(text: str) -> list[str]:
    """Terms to index beside ``text`` (plain text or HTML), in first-seen order, without repeats."""
    plain = Markup(text).striptags().lower()
    words = WORD.findall(plain)
    present = set(words)
    terms: dict[str, None] = {}
    for word in dict.fromkeys(words):  # each word once, in first-seen order
        for part in compound_parts(word):
            if part not in present:
                terms[part] = None
    for word, others in RELATED.items():
        if word in present:
            terms.update((other, None) for other in others if other not in present)
    for short, long in ABBREVIATIONS.items():
        if short in present and long not in plain:
            terms[long] = None
        if long in plain and short not in present:
            terms[short] = None
    return list(terms)
