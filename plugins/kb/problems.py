"""Problems found in editors' content, and the error that stops a build."""

from __future__ import annotations

from dataclasses import dataclass

from plugins.kb.records import quick_pickle


def with_fix(message: str, hint: str) -> str:
    """A message and, on a line of its own, how to fix it: the form of everything the editor is told."""
    return f"{message}\n    Ret: {hint}" if hint else message


def unreadable(source: str) -> Problem:
    """The problem of a file that made its reader fail in a way no other problem describes."""
    return Problem(
        source,
        0,
        "filen kan ikke læses: noget i den får læsningen til at gå galt (fx lister eller felter "
        "indlejret i hinanden mange lag dybt).",
        "sammenlign filen med en, der virker, og fjern det, der er anderledes; kan du ikke finde det, "
        "så send filen til den, der vedligeholder sitet.",
    )


@quick_pickle
@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a content file, phrased for the editor (in Danish).

    Attributes:
        path: file path relative to the repository root, as the editor sees it.
        line: 1-based line number, or 0 when the problem concerns the whole file.
        message: what is wrong, naming the field as the editor wrote it.
        hint: a concrete fix ("Ret: ...").
        column: 1-based column (a CSV field's position), or 0 when not relevant.

    """

    path: str
    line: int
    message: str
    hint: str = ""
    column: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        return with_fix(f"{where}: {self.message}", self.hint)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order problems by file, then line, then text."""
        return (self.path, self.line, self.column, self.message)


class ContentError(Exception):
    """Content problems that stop the build; carries every problem found, not just the first."""

    exitcode = 2

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        lines = [f"{len(self.problems)} fejl i indholdet — intet er udgivet:"]
        lines += [str(p) for p in self.problems]
        super().__init__("\n".join(lines))
