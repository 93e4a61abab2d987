"""Every page of the built site is valid HTML by the Nu Html Checker (vnu.jar from npm, on Java)."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_nu_html_checker_finds_no_errors(real_site):
    assert VNU.exists(), "run ./run test: it installs the npm tools (npm ci)"
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(real_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].rsplit('/output/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], "\n".join(errors)
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 30, "the checker ran over the whole site"
