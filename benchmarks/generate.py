"""Generate N synthetic Danish minutes, valid for the site's checks, as a benchmark corpus.

The sentences are drawn, with a fixed seed, from the repository's own minutes, so the text has the
vocabulary and length of real minutes (about 20 KB per meeting). Usage:

    python benchmarks/generate.py 1000 /tmp/corpus   # writes /tmp/corpus/content/
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("Sagsfremstilling", "Drøftelse", "Orientering", "Indstilling", "Beslutning")
ORGANISATIONS = (
    "Holstebro Kommune",
    "Herning Kommune",
    "Ringkøbing-Skjern Kommune",
    "SOSU MV",
    "FOA Midt- og Vestjylland",
    "BUPL Vestjylland",
)
FIRST = ("Anne", "Bettina", "Dorte", "Jacob", "Kirsten", "Mads", "Nanna", "Per", "Sixten", "Lene")
LAST = ("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen")


def real_sentences() -> list[str]:
    """Sentences of the real minutes' bodies, without headings and list markers."""
    sentences = []
    for path in sorted((ROOT / "content" / "referater").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for line in body.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line).strip()
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 30]
    return sentences


def person(rng: random.Random) -> str:
    """A made-up participant name."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def meeting(
    rng: random.Random, sentences: list[str], committee: str, date: dt.date, plain: bool = False
) -> str:
    """One meeting: front matter, 12 agenda items of labelled blocks, about 20 KB.

    ``plain`` writes Pelican's own metadata lines instead of our YAML front matter, for a plain
    Pelican build of the same text.
    """
    people = "\n".join(
        f"  - navn: {person(rng)}\n    organisation: {rng.choice(ORGANISATIONS)}" for _ in range(10)
    )
    header = [
        "---",
        f"udvalg: {committee}",
        f"dato: {date.isoformat()}",
        "tid: 9.00–12.00",
        "sted: SOSU MV, Holstebro",
        f"moedeleder:\n  navn: {person(rng)}\n  organisation: {ORGANISATIONS[4]}",
        f"referent:\n  navn: {person(rng)}\n  organisation: {ORGANISATIONS[3]}",
        f"deltagere:\n{people}",
        "---",
        "",
    ]
    if plain:
        header = [
            f"Title: Møde i {committee} {date.isoformat()}",
            f"Date: {date.isoformat()}",
            f"Category: {committee}",
            "",
        ]
    lines = header
    for number in range(1, 13):
        title = rng.choice(sentences)[:70].rstrip(" ,.")
        lines += [f"## {number}. {title}", ""]
        for label in rng.sample(LABELS, 3):
            paragraph = " ".join(rng.choice(sentences) for _ in range(5))
            lines += [f"### {label}", "", paragraph, ""]
    return "\n".join(lines)


def generate(count: int, target: Path, seed: int = 2024, plain: bool = False) -> Path:
    """Write ``count`` meetings and the real committees into ``target/content``; return it.

    The same seed gives the same text; ``plain`` only changes the metadata lines (see meeting).
    """
    rng = random.Random(seed)
    sentences = real_sentences()
    content = target / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "referater").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "udvalg", content / "udvalg")
    committees = sorted(path.stem for path in (content / "udvalg").glob("*.yml"))
    start = dt.date(2000, 1, 3)
    for index in range(count):
        committee = committees[index % len(committees)]
        date = start + dt.timedelta(days=7 * (index // len(committees)))
        text = meeting(rng, sentences, committee, date, plain)
        (content / "referater" / f"{date.isoformat()}-{committee}.md").write_text(text, encoding="utf-8")
    return content


def main() -> None:
    """Command line: generate.py N TARGET."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    content = generate(args.count, args.target)
    size = sum(path.stat().st_size for path in content.rglob("*.md"))
    print(f"{args.count} minutes, {size / args.count / 1024:.1f} KB on average, in {content}")


if __name__ == "__main__":
    main()
