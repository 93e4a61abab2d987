"""Every page of the built site is valid HTML by the Nu Html Checker (vnu.jar from npm, on Java)."""

from __future__ import annotations

import json
import subprocess

from tests.attachments_site import MEETING, build_attachments_site
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(site) -> list[str]:
    """Every error the checker finds in the HTML files under ``site``, as 'page:line: message'."""
    assert VNU.exists(), "run ./run test: it installs the npm tools (npm ci)"
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    return [f"{m['url'].rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_nu_html_checker_finds_no_errors(real_site):
    errors = html_errors(real_site)
    assert errors == [], "\n".join(errors)
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 30, "the checker ran over the whole site"


def test_a_meeting_page_with_attachment_files_is_valid(tmp_path):
    # The repository's own minutes link no files yet: the fixture's page has the lists and hidden text.
    output, _ = build_attachments_site(tmp_path)
    errors = html_errors(output / MEETING.rsplit("/", 1)[0])
    assert errors == [], "\n".join(errors)
