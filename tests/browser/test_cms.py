"""The browser editor at /admin/, for real: Decap CMS in Chromium saving through decap-server.

A copy of the repository's content is built with the editor pointed at decap-server (started by
praktikviden/editor_server.py, as ``praktikviden serve`` starts it) on a free port; the forms are
filled as an editor fills them, and the files written are checked, built and compared byte for byte.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from plugins.kb.metadata.canonical import form_problems
from plugins.kb.metadata.kinds import editor_files, kind_of
from praktikviden import site
from praktikviden.editor_server import editor_server
from tests.browser.conftest import _serve
from tests.conftest import ROOT, page

OPTIONAL = r"( \(kan udelades\))?"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A copy of the repository's content and data, under git so that every change shows as a diff."""
    root = tmp_path_factory.mktemp("cms")
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "data", root / "data")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    _commit(root)
    return root


def _commit(root: Path) -> None:
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    subprocess.run(["git", *identity, "commit", "-q", "--allow-empty", "-m", "state"], cwd=root, check=True)


def _diff(root: Path) -> str:
    subprocess.run(["git", "add", "-A", "--intent-to-add"], cwd=root, check=True)
    return subprocess.run(["git", "diff", "--unified=0"], cwd=root, capture_output=True, text=True).stdout


def _settings(root: Path, port: int) -> dict:
    return read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(root / "content"),
            "OUTPUT_PATH": str(root / "output"),
            "KB_CMS_LOCAL_PORT": port,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
        },
    )


@pytest.fixture(scope="module")
def cms(repository):
    """The copy's site served, with decap-server saving into the copy; yields the site's address."""
    port = _free_port()
    settings = _settings(repository, port)
    Pelican(settings).run()
    with editor_server(repository, port):
        yield from _serve(Path(settings["OUTPUT_PATH"]))


@pytest.fixture(scope="module")
def editor_tab(browser):
    """One tab for the module's tests, as one editor's: /admin/ loaded afresh in it is quicker than in a
    new tab (1.8 against 0.5 s: the editor's script stays compiled)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture
def admin(editor_tab, cms, repository):
    """The editor's tab at /admin/, loaded afresh and signed in; the copy is committed first, so each test
    sees its own diff."""
    _commit(repository)
    editor_tab.errors.clear()
    sign_in(editor_tab, cms)
    yield editor_tab
    editor_tab.goto("about:blank")  # the editor unloaded: what it raises on the way counts for this test
    assert editor_tab.errors == []


def sign_in(tab, cms: str) -> None:
    """Open /admin/ and sign in to the local server, if the editor asks."""
    tab.goto(f"{cms}/admin/")
    signed_in = tab.get_by_text("Samlinger")
    tab.get_by_role("button", name="Log ind").or_(signed_in).first.wait_for()
    if not signed_in.is_visible():
        tab.get_by_role("button", name="Log ind").click()
    signed_in.wait_for()


def control(scope, label: str):
    """The innermost form control under ``scope`` labelled ``label`` (with or without 'kan udelades')."""
    name = re.compile(f"^{re.escape(label)}{OPTIONAL}$")
    tab = getattr(scope, "page", scope)  # a locator knows its page; a page is its own
    return scope.locator("[aria-label$=' field']").filter(has=tab.locator("label").filter(has_text=name)).last


def open_entry(tab, cms: str, collection: str, entry: str | None = None) -> None:
    tab.goto(f"{cms}/admin/#/collections/{collection}/{f'entries/{entry}' if entry else 'new'}")
    tab.locator("[aria-label$=' field']").first.wait_for()


def publish(tab) -> None:
    """Publish as an editor does, and wait until the file is saved."""
    tab.get_by_role("button", name="Publicer", exact=True).click()
    tab.get_by_text("Publicer nu", exact=True).click()
    tab.get_by_text("Ændringer gemt").wait_for()


# Whether the Markdown editor's own caret (Slate's selection, which follows the page's selection a
# moment later) stands, collapsed, at the end of a line that ends with ``text`` (and, if ``last``,
# is the last line). Found from the editor's element through React's tree, as Slate keeps it in the
# props of its provider.
CARET_AT_END_OF = """({text, last}) => {
  const root = document.querySelector("[aria-label='markdown field'] [data-slate-editor]");
  const fiberKey = root && Object.keys(root).find(key => key.startsWith("__reactFiber$"));
  for (let fiber = fiberKey && root[fiberKey]; fiber; fiber = fiber.return) {
    const editor = fiber.memoizedProps && fiber.memoizedProps.editor;
    if (!editor || !("selection" in editor)) continue;
    const caret = editor.selection;
    const collapsed = caret && caret.anchor.offset === caret.focus.offset
      && caret.anchor.path.join() === caret.focus.path.join();
    if (!collapsed) return false;
    let node = editor;
    for (const index of caret.focus.path) node = node && node.children && node.children[index];
    return Boolean(node) && typeof node.text === "string"
      && caret.focus.offset === node.text.length && node.text.endsWith(text)
      && (!last || caret.focus.path[0] === editor.children.length - 1);
  }
  return false;
}"""


def place_caret(tab, move, *, text: str = "", last: bool = False) -> None:
    """Move the caret (``move``: a click and a key) until the editor's own caret is at the end of a line
    ending with ``text`` (the last line, if ``last``), as an editor clicks again when it is not: the
    editor may still be drawing the entry it opened, which puts the caret back where it was."""
    for _attempt in range(5):
        move()
        try:
            tab.wait_for_function(CARET_AT_END_OF, arg={"text": text, "last": last}, timeout=3000)
            return
        except PlaywrightTimeoutError:
            continue
    raise AssertionError(f"the caret did not reach the end of the line {text!r}")


def end_of_line(tab, line) -> None:
    """Put the caret at the end of ``line`` in the Markdown editor, as a click and the End key do."""

    def click_and_end():
        line.click()
        tab.keyboard.press("End")

    place_caret(tab, click_and_end, text=line.inner_text())


def refused_save(tab) -> None:
    """Decap rejects its save with no reason when a form is refused (uncaught in Decap): expected once."""
    assert tab.errors == ["undefined"]
    tab.errors.clear()


def body(tab):
    return tab.locator("[aria-label='markdown field'] [data-slate-editor]")


def test_the_editor_is_danish_with_a_list_for_every_kind_of_content(admin):
    for label in [
        "Referater: LUU PA-AMU",
        "Referater: LUU SOSU/AMU",
        "Sider og pilotprojekter",
        "Guiden",
        "Rapporter",
        "Udvalg",
        "Temaer",
        "Tabeller (data)",
        "Importér referat (PDF eller Word)",
    ]:
        assert admin.get_by_role("link", name=label).count() == 1, label
    assert admin.get_by_text("Hurtig opret").is_visible()


def test_new_minutes_made_in_the_form_pass_the_check_and_build_to_a_meeting_page(admin, cms, repository):
    open_entry(admin, cms, "referater-luu-pa-amu")
    assert body(admin).inner_text().startswith("## 1. Godkendelse af dagsorden samt tilføjelse til Eventuelt")
    control(admin, "Dato").locator("input").fill("2025-03-10")
    control(admin, "Tid").locator("input").fill("9.00–12.00")
    control(admin, "Sted").locator("input").fill("Holstebro")
    control(control(admin, "Mødeleder"), "Navn").locator("input").fill("Bettina Krohn Jensen")
    control(control(admin, "Referent"), "Navn").locator("input").fill("Nanna Resen Westen")
    admin.get_by_role("button", name="Tilføj deltagere").click()
    participant = control(admin, "Deltagere")
    control(participant, "Navn").locator("input").fill("Jacob Niebuhr Henriksen")
    control(participant, "Organisation").locator("input").fill("Herning Kommune")

    # The standing agenda is there; the referent writes the last item's decision below it.
    def click_and_go_to_the_end():
        body(admin).click()
        admin.keyboard.press("Control+End")

    place_caret(admin, click_and_go_to_the_end, last=True)
    admin.keyboard.type("### Beslutning", delay=20)
    admin.keyboard.press("Enter")
    admin.keyboard.type("Mødet blev evalueret som godt.", delay=20)
    publish(admin)

    written = repository / "content" / "referater" / "2025-03-10-luu-pa-amu.md"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("---\nudvalg: luu-pa-amu\ndato: 2025-03-10\ntid: 9.00–12.00\nsted: Holstebro\n")
    settings = _settings(repository, 0)
    assert site.check(settings) == []
    assert form_problems(repository) == []  # written in the one form, as ./run check requires
    output = site.build({**settings, "OUTPUT_PATH": str(repository / "bygget")})
    meeting = page(output, "referater/luu-pa-amu/2025-03-10/index.html")
    items = [h.get_text(" ", strip=True) for h in meeting.select(".agenda-item > h2")]
    assert items == [
        "1. Godkendelse af dagsorden samt tilføjelse til Eventuelt",
        "2. Referatet fra sidste møde",
        "3. Punkter til næste møde",
        "4. Eventuelt",
        "5. Evaluering af mødet",
    ]
    decision = meeting.select_one("#punkt-5").find_parent("section").select_one(".block.decision")
    assert decision.get_text(" ", strip=True) == "Beslutning Mødet blev evalueret som godt."
    shutil.rmtree(repository / "bygget")
    written.unlink()


def test_editing_one_decision_changes_that_line_only(admin, cms, repository):
    open_entry(admin, cms, "referater-luu-pa-amu", "2024-09-16-luu-pa-amu")
    end_of_line(admin, body(admin).get_by_text("Dagsordenen blev godkendt.", exact=True))
    admin.keyboard.type(" Enstemmigt.", delay=20)
    publish(admin)
    changed = [
        row for row in _diff(repository).splitlines() if row[:1] in "+-" and row[:3] not in ("+++", "---")
    ]
    assert changed == ["-Dagsordenen blev godkendt.", "+Dagsordenen blev godkendt. Enstemmigt."]
    subprocess.run(["git", "checkout", "--", "."], cwd=repository, check=True)


# One entry of every collection: a value changed and saved changes its own line only; changed back
# and saved again, the file has every byte it had.
ENTRIES = [
    ("referater-luu-sosu-amu", "2019-02-22-luu-sosu-amu", "Sted"),
    ("sider", "pilotprojekt-onboarding", "Titel"),
    ("guide", "02-foer-praktikken", "Titel"),
    ("rapport-oplaeringsvejleder-amu", "14-anbefalinger", "Titel"),
    ("rapporter", "frafald-nordjylland", "Udgiver"),
    ("udvalg", "luu-pa-amu", "Navn"),
    ("temaer", "trivsel", "Navn"),
    ("data", "amu-deltagere-pr-modul-2017-2022", "Titel"),
]


@pytest.mark.parametrize(("collection", "entry", "label"), ENTRIES, ids=[e[0] for e in ENTRIES])
def test_a_saved_change_is_one_line_and_changing_back_restores_every_byte(
    admin, cms, repository, collection, entry, label
):
    open_entry(admin, cms, collection, entry)
    field = control(admin, label).locator("input").first
    value = field.input_value()
    field.fill(f"{value} (rettet)")
    publish(admin)
    changed = [
        row[0] for row in _diff(repository).splitlines() if row[:1] in "+-" and row[:3] not in ("+++", "---")
    ]
    assert changed == ["-", "+"]
    sign_in(admin, cms)  # opened again later, as an editor does: the editor reads the saved file
    open_entry(admin, cms, collection, entry)
    field = control(admin, label).locator("input").first
    field.fill(value)
    publish(admin)
    assert _diff(repository) == ""


def test_every_entry_in_the_editor_is_a_file_the_site_reads():
    names = editor_files(ROOT)
    assert {kind_of(name).key for name in names} >= {
        e[0] for e in ENTRIES if not e[0].startswith(("referater", "rapport-"))
    }


def test_an_impossible_date_is_refused_in_the_form_in_danish(admin, cms, repository):
    open_entry(admin, cms, "referater-luu-pa-amu")
    control(admin, "Dato").locator("input").fill("2024-02-30")
    admin.get_by_role("button", name="Publicer", exact=True).click()
    admin.get_by_text("Publicer nu", exact=True).click()
    assert admin.get_by_text(
        "Skriv en dato, der findes i kalenderen, som ÅÅÅÅ-MM-DD, fx 2024-09-16."
    ).is_visible()
    assert not list((repository / "content" / "referater").glob("2024-02-30*"))
    refused_save(admin)


def test_an_import_without_a_committee_is_refused_in_the_form_in_danish(admin, cms, repository):
    open_entry(admin, cms, "import")
    admin.get_by_role("button", name="Publicer", exact=True).click()
    admin.get_by_text("Publicer nu", exact=True).click()
    message = control(admin, "Udvalg").get_by_text(re.compile("påkrævet|skal udfyldes", re.IGNORECASE))
    assert message.is_visible()
    assert not (repository / "import").exists()
    refused_save(admin)


def test_a_new_table_with_its_csv_file_uploaded_is_a_dataset_the_check_accepts(
    admin, cms, repository, tmp_path
):
    numbers = tmp_path / "testtabel.csv"
    numbers.write_text("Navn;Antal\nHolstebro;12\n", encoding="utf-8")
    open_entry(admin, cms, "data")
    control(admin, "Titel").locator("input").fill("Testtabel")
    control(admin, "Kilde").locator("textarea").fill("Skolens optag")
    control(admin, "Trukket").locator("textarea").fill("januar 2025")
    columns = control(admin, "Kolonner")
    for name, kind in [("Navn", "tekst"), ("Antal", "heltal")]:
        admin.get_by_role("button", name="Tilføj kolonner").click()
        control(columns, "Navn").locator("input").fill(name)
        control(columns, "Type").click()
        admin.get_by_text(kind, exact=True).click()
    control(admin, "CSV-fil").get_by_role("button", name="Vælg fil").click()
    admin.locator("input[type=file]").set_input_files(str(numbers))
    admin.get_by_role("button", name="Anvend valgte").click()
    publish(admin)
    assert (repository / "data" / "testtabel.csv").read_bytes() == numbers.read_bytes()
    schema = (repository / "data" / "testtabel.yml").read_text(encoding="utf-8")
    assert "csv: testtabel.csv\n" in schema
    assert site.check(_settings(repository, 0)) == []
    assert form_problems(repository) == []
    for name in ("testtabel.csv", "testtabel.yml"):
        (repository / "data" / name).unlink()


def test_an_uploaded_minutes_file_becomes_an_import_request_for_ci(admin, cms, repository, tmp_path):
    upload = tmp_path / "referat-2019.pdf"
    upload.write_bytes(b"%PDF-1.4\n% a test file: the request is what matters here\n")
    open_entry(admin, cms, "import")
    control(admin, "Udvalg").click()
    admin.get_by_text("LUU SOSU/AMU", exact=True).click()
    control(admin, "Referatet (PDF eller Word)").get_by_role("button", name="Vælg fil").click()
    admin.locator("input[type=file]").set_input_files(str(upload))
    admin.get_by_role("button", name="Anvend valgte").click()
    publish(admin)
    [request] = (repository / "import").glob("*.yml")
    assert (
        request.read_text(encoding="utf-8") == "udvalg: luu-sosu-amu\nfil: /import/filer/referat-2019.pdf\n"
    )
    assert (repository / "import" / "filer" / "referat-2019.pdf").read_bytes() == upload.read_bytes()
    shutil.rmtree(repository / "import")
