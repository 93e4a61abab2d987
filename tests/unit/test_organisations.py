"""One organisation, one page: an organisation file gathers the names the minutes write it with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from plugins.kb.content.parse import parse_organisation
from plugins.kb.content.registries import read_registries, written_names
from plugins.kb.model import OrganisationNames, Person
from plugins.kb.outputs.registers import organisations

SOURCE = "content/organisationer/sosu-mv-herning.yml"
SCHOOL = """\
navn: SOSU MV, Herning
skrives_ogsaa:
  - SOSUMV, Herning
  - Social & SundhedsSkolen, Herning
"""


def meeting(day: int, present: tuple[str, ...], away: tuple[str, ...] = ()):
    """A meeting with one person from each organisation present and each away."""

    def people(names):
        return tuple(Person(f"Person {n}", name) for n, name in enumerate(names))

    here = people(present)
    return SimpleNamespace(
        date=dt.date(2024, 1, day),
        participants=here,
        advisers=(),
        absentees=people(away),
        chair=here[0],
        secretary=here[0],
    )


def test_an_organisation_file_names_the_organisation_and_how_else_it_is_written():
    organisation, problems = parse_organisation(SCHOOL, "sosu-mv-herning", SOURCE)
    assert problems == []
    assert organisation == OrganisationNames(
        "sosu-mv-herning", "SOSU MV, Herning", ("SOSUMV, Herning", "Social & SundhedsSkolen, Herning")
    )


@pytest.mark.parametrize(
    ("text", "slug", "message"),
    [
        (
            "skrives_ogsaa:\n  - SOSUMV\n",
            "sosu-mv",
            f"{SOURCE}:1: feltet 'navn' mangler i organisationsfilen "
            "(organisationens navn, som sitet skal vise det).\n    Ret: tilføj fx 'navn: SOSU MV, Herning'.",
        ),
        (
            SCHOOL,
            "SOSU MV",
            f"{SOURCE}: filnavnet 'SOSU MV' kan ikke bruges som organisationens kortnavn.\n"
            "    Ret: brug kun små bogstaver a–z, tal og bindestreg, fx 'sosu-mv-herning.yml'.",
        ),
    ],
)
def test_a_broken_organisation_file_says_what_to_fix(text, slug, message):
    organisation, problems = parse_organisation(text, slug, SOURCE)
    assert organisation is None
    assert str(problems[0]) == message


def test_the_names_of_one_organisation_make_one_entry_with_every_meeting_and_its_own_folder():
    names = {
        name: OrganisationNames("sosu-mv-herning", "SOSU MV, Herning", ("SOSUMV, Herning",))
        for name in ("SOSU MV, Herning", "SOSUMV, Herning")
    }
    meetings = [
        meeting(1, ("SOSUMV, Herning", "Herning Kommune")),
        meeting(2, ("SOSU MV, Herning",)),
        # Present under one name and away under the other: attended.
        meeting(3, ("SOSU MV, Herning",), away=("SOSUMV, Herning",)),
        meeting(4, ("Herning Kommune",), away=("SOSUMV, Herning",)),
    ]
    found = {organisation.name: organisation for organisation in organisations(meetings, names=names)}
    school = found["SOSU MV, Herning"]
    assert school.slug == "sosu-mv-herning"
    assert [m.date.day for m in school.attended] == [3, 2, 1]
    assert [m.date.day for m in school.absent] == [4]
    assert school.written == {"SOSU MV, Herning", "SOSUMV, Herning"}
    assert school.also_written == ["SOSUMV, Herning"]
    assert "SOSUMV, Herning" not in found
    assert found["Herning Kommune"].also_written == []


def test_a_name_in_two_organisation_files_is_refused(tmp_path: Path):
    folder = tmp_path / "content" / "organisationer"
    folder.mkdir(parents=True)
    (folder / "sosu-mv-herning.yml").write_text(SCHOOL, encoding="utf-8")
    (folder / "sosumv.yml").write_text(
        "navn: SOSUMV\nskrives_ogsaa:\n  - SOSUMV, Herning\n", encoding="utf-8"
    )
    registry = read_registries(tmp_path / "content").organisations
    assert [str(problem) for problem in registry.problems] == [
        "content/organisationer/sosumv.yml:3: navnet 'SOSUMV, Herning' står også i "
        "content/organisationer/sosu-mv-herning.yml.\n"
        "    Ret: skriv hvert navn i én organisationsfil: den organisation, referaterne mener."
    ]
    assert written_names(registry)["SOSUMV, Herning"].slug == "sosu-mv-herning"
