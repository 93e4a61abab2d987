"""The comments the workflows post on a pull request: the check's problems, in Danish Markdown.

``python -m praktikviden.pullrequest tjek > kommentar.md`` runs the check and writes the comment;
``python -m praktikviden.pullrequest import > kommentar.md`` first turns the import requests a
CMS save left in ``import/`` into minutes (``importrequests.py``). The exit code is 1 when
something must be fixed before the pull request may be merged. The workflows
(``.github/workflows/check.yml``, ``import.yml``) post the file as one comment, found again by its
first line (``CHECK_MARKER``, ``IMPORT_MARKER``) and updated in place on later pushes.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from plugins.kb.problems import ContentError, Problem

# Hidden first lines by which the workflows find their own earlier comment.
CHECK_MARKER = "<!-- praktikviden-tjek -->"
IMPORT_MARKER = "<!-- praktikviden-import -->"
# GitHub refuses a comment over 65,536 characters; the problems beyond this are left to the job's log.
MAX_COMMENT_CHARACTERS = 60_000
# Files in import/ that are not requests or uploads: the folder's own description and Git's placeholder.
_NOT_PENDING = {"README.md", ".gitkeep"}
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


@dataclass(frozen=True, slots=True)
class Links:
    """Where the comment links to: the files on the pull request's branch, and the workflow run."""

    files: str = ""  # e.g. https://github.com/OWNER/REPO/blob/<commit or branch>
    run: str = ""  # e.g. https://github.com/OWNER/REPO/actions/runs/<id>


NO_LINKS = Links()


def escape(text: str) -> str:
    """``text`` shown as written: Markdown's inline characters escaped, on one line."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code(text: str) -> str:
    """``text`` as inline code, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def place(path: str, line: int, links: Links) -> str:
    """``path:line`` as code, linked to that line on the branch when the comment knows where that is."""
    shown = code(f"{path}:{line}" if line else path)
    if not links.files or "/" not in path:
        return shown
    anchor = f"?plain=1#L{line}" if line else ""  # plain=1: a Markdown file's lines, not its rendering
    return f"[{shown}]({links.files}/{quote(path)}{anchor})"


def problem_items(problems: list[Problem], links: Links) -> list[str]:
    """Each problem as a list item: where, what, and on the next line how to fix it."""
    items = []
    for problem in problems:
        item = f"- {place(problem.path, problem.line, links)}: {escape(problem.message)}"
        if problem.hint:
            item += f"\n  **Ret:** {escape(problem.hint)}"
        items.append(item)
    return items


def within_limit(items: list[str], budget: int, links: Links) -> list[str]:
    """The first ``items`` that fit in ``budget`` characters, and a line saying where the rest are."""
    kept: list[str] = []
    used = 0
    for item in items:
        used += len(item) + 1
        if used > budget:
            rest = len(items) - len(kept)
            where = f"[jobbets log]({links.run})" if links.run else "jobbets log"
            return [*kept, f"- … og {rest} mere, som ikke er plads til her: se {where}."]
        kept.append(item)
    return kept


def check_section(problems: list[Problem], links: Links, commit: str = "", budget: int = 0) -> str:
    """The check's result as a Markdown section: "Ingen fejl fundet", or every problem."""
    checked = f"\n\n<sub>Tjekket på commit {code(commit[:7])}.</sub>" if commit else ""
    if not problems:
        return (
            "### ✅ Tjek af indholdet: ingen fejl fundet\n\n"
            "Ingen fejl fundet. Ændringen kan udgives, når den er godkendt: når pull requesten "
            f"flettes ind i main, bygges sitet og udgives.{checked}"
        )
    problems = sorted(problems, key=Problem.sort_key)
    items = within_limit(problem_items(problems, links), budget or MAX_COMMENT_CHARACTERS, links)
    return (
        f"### ❌ Tjek af indholdet: {len(problems)} fejl\n\n"
        "Ændringen kan ikke udgives, før fejlene er rettet. Ret dem i redigeringen (eller i filerne), "
        "og gem igen: så kører tjekket igen.\n\n" + "\n".join(items) + checked
    )


def check_comment(problems: list[Problem], links: Links = NO_LINKS, commit: str = "") -> str:
    """The whole comment of the check workflow: its marker and the check's result."""
    return f"{CHECK_MARKER}\n{check_section(problems, links, commit)}\n"


def pending_imports(root: Path) -> list[Problem]:
    """A problem for each file left in ``import/``: a request not yet imported, or an upload.

    The import workflow removes both once the minutes are made; anything left would be merged
    into main, where no one publishes it but everyone can read it.
    """
    folder = root / "import"
    if not folder.is_dir():
        return []
    left = sorted(
        path
        for path in folder.rglob("*")
        if (path.is_file() or path.is_symlink()) and path.name not in _NOT_PENDING
    )
    return [
        Problem(
            path.relative_to(root).as_posix(),
            0,
            "filen ligger stadig i import/: importen er ikke kørt eller er gået galt.",
            "se importens kommentar på pull requesten; ret importanmodningen og gem igen, eller slet filen.",
        )
        for path in left
    ]


def run_check(root: Path) -> list[Problem]:
    """Check the content under ``root`` as ``praktikviden check`` does; the problems, in file order.

    The project's own repository keeps its content cache; another folder (a test's) is checked
    without one.
    """
    from . import site

    if root.resolve() == site.ROOT:
        settings = site.with_cache(site.load_settings())
    else:
        settings = site.load_settings(PATH=str(root / "content"), OUTPUT_PATH=str(root / "output"))
    return site.check_repository(settings, root) + pending_imports(root)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m praktikviden.pullrequest",
        description="Skriv kommentaren til en pull request som Markdown på standard-output.",
    )
    parser.add_argument("opgave", choices=["tjek", "import"], help="tjek indholdet, eller importér først")
    parser.add_argument("--commit", default="", help="den commit, der er tjekket (vises i kommentaren)")
    parser.add_argument("--filer-url", default="", help="adressen på filerne i grenen, til links")
    parser.add_argument("--koersel-url", default="", help="adressen på workflowets kørsel")
    parser.add_argument("--mappe", type=Path, default=None, help="repositoriets mappe (standard: projektet)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Write the comment to stdout and the plain problem list to stderr; 1 when something must be fixed."""
    from pelican.log import init as init_logging

    from . import site

    args = _parser().parse_args(argv)
    root = (args.mappe or site.ROOT).resolve()
    os.chdir(root)
    init_logging(level=logging.WARNING)
    links = Links(args.filer_url.rstrip("/"), args.koersel_url)
    if args.opgave == "import":
        from .importrequests import import_comment, process_requests

        outcomes = process_requests(root, root / "content")
        problems = run_check(root)
        print(import_comment(outcomes, problems, links, args.commit), end="")
        failed = any(outcome.problems for outcome in outcomes)
    else:
        problems = run_check(root)
        print(check_comment(problems, links, args.commit), end="")
        failed = False
    if problems:
        print(ContentError(problems), file=sys.stderr)
    return 1 if problems or failed else 0


if __name__ == "__main__":
    sys.exit(main())
