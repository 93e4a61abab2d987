"""Import requests saved by the CMS: ``import/<navn>.yml`` naming an uploaded file under ``import/filer/``.

A request says which committee the minutes belong to and which uploaded file holds them::

    udvalg: luu-sosu-amu
    fil: /import/filer/referat-2019.pdf
    dato: 2019-02-22            # only if the minutes give no year
    bilag:
      - /import/filer/bilag-2-1.pdf

The import workflow (``.github/workflows/import.yml``) turns each request into
``content/referater/<dato>-<udvalg>.md`` with ``praktikviden.importer`` and removes the request
and its uploads, so that nothing uploaded is ever merged: only the draft and the attachments it
links (copied into ``content/bilag/``) are. A request that fails keeps its files, for the editor to
fix. The paths in a request are the editor's input: only files under ``import/filer/`` are read,
never through a link, so a request cannot make the import read (and publish) any other file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from plugins.kb.metadata.frontmatter import load_yaml
from plugins.kb.metadata.textfile import read_text
from plugins.kb.metadata.values import suggest
from plugins.kb.problems import Problem

from .importer import Refused, import_minutes
from .pullrequest import (
    IMPORT_MARKER,
    MAX_COMMENT_CHARACTERS,
    NO_LINKS,
    Links,
    check_section,
    code,
    escape,
    place,
    problem_items,
    within_limit,
)

REQUESTS = PurePosixPath("import")
UPLOADS = REQUESTS / "filer"
# The keys of a request and what each holds, as the messages name them.
FIELDS = {
    "udvalg": "udvalgets kortnavn, fx luu-sosu-amu",
    "fil": "referatets fil under import/filer/ (PDF, Word eller tekst)",
    "dato": "mødets dato som ÅÅÅÅ-MM-DD, når referatet ikke har den med årstal",
    "bilag": "en liste af bilagenes filer under import/filer/",
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """One request, its paths relative to the repository root (``import/filer/x.pdf``)."""

    source: str
    committee: str
    file: str
    date: str | None = None
    attachments: tuple[str, ...] = ()

    def uploads(self) -> tuple[str, ...]:
        """Every uploaded file the request names."""
        return (self.file, *self.attachments)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one request: the minutes written and the places to review, or why not."""

    source: str
    minutes: str = ""
    summary: str = ""
    attachments: tuple[str, ...] = ()
    review: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()


def upload_path(value: object, source: str, line: int, key: str) -> tuple[str | None, list[Problem]]:
    """The path of an uploaded file as the CMS writes it (``/import/filer/x.pdf``), checked.

    Returns the path relative to the repository root, or a problem: the path must lie under
    ``import/filer/`` and may not step out of it (``..``) or name a Windows path.
    """
    if not isinstance(value, str) or not value.strip():
        return None, [
            Problem(source, line, f"'{key}' skal være stien til en fil under {UPLOADS}/.", _UPLOAD_FIX)
        ]
    text = value.strip()
    path = PurePosixPath(text.removeprefix("/"))
    if "\\" in text or re.match(r"[A-Za-z]:", text):
        return None, [Problem(source, line, f"'{key}' er en sti på en computer: '{text}'.", _UPLOAD_FIX)]
    if any(part in ("..", ".") for part in text.split("/")) or "//" in text:
        return None, [
            Problem(source, line, f"'{key}' må ikke indeholde '..' eller '.': '{text}'.", _UPLOAD_FIX)
        ]
    if path.parts[:2] != UPLOADS.parts or len(path.parts) < 3:
        return None, [Problem(source, line, f"'{key}' skal ligge i {UPLOADS}/, fik '{text}'.", _UPLOAD_FIX)]
    return path.as_posix(), []


_UPLOAD_FIX = "upload filen i redigeringen, så stien bliver skrevet for dig (fx '/import/filer/referat.pdf')."


def parse_request(text: str, source: str) -> tuple[ImportRequest | None, list[Problem]]:
    """Read one request's YAML; the request, or every problem with its line."""
    document, problems = load_yaml(text, source)
    if problems:
        return None, problems
    data = document.data
    for key in data:
        if key not in FIELDS:
            known = list(FIELDS)
            problems.append(
                Problem(
                    source,
                    document.line(key),
                    f"ukendt felt '{key}'.",
                    f"{suggest(key, known)}felterne er: {', '.join(known)}.",
                )
            )
    committee = data.get("udvalg")
    if not isinstance(committee, str) or not committee.strip():
        where = document.line("udvalg") if "udvalg" in data else document.line()
        problems.append(
            Problem(
                source, where, "'udvalg' mangler.", "vælg det udvalg, referatet er fra, fx 'luu-sosu-amu'."
            )
        )
    if "fil" not in data:
        problems.append(Problem(source, document.line(), "'fil' mangler.", _UPLOAD_FIX))
        file = None
    else:
        file, found = upload_path(data["fil"], source, document.line("fil"), "fil")
        problems += found
    date = data.get("dato")
    if date is not None and (not isinstance(date, str) or not _is_date(date.strip())):
        problems.append(
            Problem(
                source,
                document.line("dato"),
                f"'dato' skal være ÅÅÅÅ-MM-DD, fik '{date}'.",
                "skriv mødets dato, fx 'dato: 2019-02-22', eller slet feltet, hvis referatet har årstallet.",
            )
        )
    attachments = []
    listed = data.get("bilag") or []
    if isinstance(listed, str):
        listed = [listed]
    if not isinstance(listed, list):
        problems.append(
            Problem(source, document.line("bilag"), "'bilag' skal være en liste af filer.", _UPLOAD_FIX)
        )
        listed = []
    for index, value in enumerate(listed):
        path, found = upload_path(value, source, document.line("bilag", index), "bilag")
        problems += found
        attachments.append(path)
    if problems:
        return None, problems
    chosen = date.strip() if isinstance(date, str) else None
    return ImportRequest(source, committee.strip(), file, chosen, tuple(attachments)), []


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def missing_uploads(request: ImportRequest, root: Path) -> list[Problem]:
    """A problem for each file the request names that is not a plain file under ``import/filer/``.

    No part of the path may be a symbolic link: a link committed under ``import/filer/`` could
    otherwise make the import read any file on the machine.
    """
    problems = []
    for upload in request.uploads():
        parts = PurePosixPath(upload).parts
        linked = any((root.joinpath(*parts[:end])).is_symlink() for end in range(1, len(parts) + 1))
        if linked:
            problems.append(
                Problem(
                    request.source,
                    0,
                    f"{upload} er en genvej (symbolsk link), ikke en fil.",
                    "upload selve filen i redigeringen.",
                )
            )
        elif not root.joinpath(*parts).is_file():
            problems.append(
                Problem(
                    request.source,
                    0,
                    f"filen {upload} findes ikke.",
                    "upload filen igen i redigeringen, eller ret stien i importanmodningen.",
                )
            )
    return problems


def read_request(path: Path, root: Path) -> tuple[ImportRequest | None, list[Problem]]:
    """Read and check one request file under ``root``: its fields and the files it names."""
    source = path.relative_to(root).as_posix()
    text, problems = read_text(path, source)
    if text is None:
        return None, problems
    request, problems = parse_request(text, source)
    if request is None:
        return None, problems
    problems = missing_uploads(request, root)
    return (None, problems) if problems else (request, [])


def request_files(root: Path) -> list[Path]:
    """The request files in ``import/`` (not its subfolders), in name order."""
    folder = root.joinpath(*REQUESTS.parts)
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in (".yml", ".yaml"))


def process_requests(root: Path, content_root: Path) -> list[Outcome]:
    """Import every request under ``root``; remove each imported request and its uploads.

    A request that fails keeps its files and writes nothing; its outcome says why.
    """
    outcomes = []
    for path in request_files(root):
        request, problems = read_request(path, root)
        if request is None:
            outcomes.append(Outcome(path.relative_to(root).as_posix(), problems=tuple(problems)))
            continue
        outcomes.append(_import(request, root, content_root))
    return outcomes


def _import(request: ImportRequest, root: Path, content_root: Path) -> Outcome:
    try:
        imported = import_minutes(
            root / request.file,
            request.committee,
            content_root,
            request.date,
            tuple(root / attachment for attachment in request.attachments),
        )
    except Refused as refusal:
        return Outcome(request.source, problems=tuple(_refusal_problems(str(refusal), request.source, root)))
    minutes = imported.path.relative_to(root).as_posix()
    for upload in {request.source, *request.uploads()}:
        (root / upload).unlink(missing_ok=True)
    return Outcome(
        request.source,
        minutes,
        imported.summary,
        tuple(copied.relative_to(root).as_posix() for copied in imported.attachments),
        tuple(Problem(minutes, note.line, note.doubt.message, note.doubt.hint) for note in imported.notes),
    )


def _refusal_problems(text: str, source: str, root: Path) -> list[Problem]:
    """The importer's refusal (messages, each with an indented "Ret:" line) as problems of the request.

    The importer names files as it was given them, here under ``root``: shown from the repository.
    """
    text = text.replace(f"{root}/", "")
    problems: list[Problem] = []
    for line in text.splitlines():
        if line.startswith("    Ret: ") and problems:
            last = problems.pop()
            problems.append(Problem(last.path, last.line, last.message, line.removeprefix("    Ret: ")))
        elif line.strip():
            problems.append(Problem(source, 0, line.strip()))
    return problems


def import_comment(
    outcomes: list[Outcome], checked: list[Problem], links: Links = NO_LINKS, commit: str = ""
) -> str:
    """The import workflow's comment: each request's minutes and places to review, or why it failed.

    The check's result (``checked``) follows, since the workflow's own commit starts no other run.
    """
    parts = [IMPORT_MARKER, "## Import af referater"]
    if not outcomes:
        parts.append("Der er ingen importanmodninger i import/.")
    budget = MAX_COMMENT_CHARACTERS // 2
    for outcome in outcomes:
        section = _outcome_section(outcome, links, budget // len(outcomes))
        parts.append(section)
    parts.append(check_section(checked, links, commit, MAX_COMMENT_CHARACTERS // 3))
    return "\n\n".join(parts) + "\n"


def _outcome_section(outcome: Outcome, links: Links, budget: int) -> str:
    source = code(outcome.source)
    if outcome.problems:
        items = within_limit(problem_items(list(outcome.problems), links), budget, links)
        return (
            f"### ❌ {source} er ikke importeret\n\n"
            + "\n".join(items)
            + "\n\nIntet er skrevet, og de uploadede filer ligger der endnu. Ret importanmodningen i "
            "redigeringen, og gem igen: så kører importen igen."
        )
    lines = [f"### ✅ {source} → {place(outcome.minutes, 0, links)}", "", escape(outcome.summary)]
    if outcome.attachments:
        lines += ["", "Bilag kopieret: " + ", ".join(code(path) for path in outcome.attachments)]
    lines += [
        "",
        "Importanmodningen og de uploadede filer er fjernet fra ændringen; de bliver ikke udgivet.",
    ]
    if outcome.review:
        count = len(outcome.review)
        lines += [
            "",
            "Tjek dette sted i referatet mod den originale fil:"
            if count == 1
            else f"Tjek disse {count} steder i referatet mod den originale fil:",
            "",
            *within_limit(problem_items(list(outcome.review), links), budget, links),
        ]
    else:
        lines += ["", "Importen er ikke i tvivl om noget; gennemse alligevel referatet mod originalen."]
    return "\n".join(lines)
