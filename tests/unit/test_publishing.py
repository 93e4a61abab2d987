"""The workflows (actionlint; publish, check and import) and the pre-commit hook that runs `check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github/workflows/publish.yml"
CHECK = ROOT / ".github/workflows/check.yml"
IMPORT = ROOT / ".github/workflows/import.yml"
BIN = Path(sys.executable).parent


def _actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / "actionlint", "-no-color", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("workflow", [WORKFLOW, CHECK, IMPORT], ids=lambda path: path.name)
def test_workflow_passes_actionlint(workflow):
    result = _actionlint(workflow)
    assert result.returncode == 0, result.stdout


def test_actionlint_refuses_a_broken_workflow(tmp_path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "run-on: ubuntu-latest", 1))
    result = _actionlint(broken)
    assert result.returncode == 1
    assert '"runs-on" section is missing in job "build"' in result.stdout


def test_workflow_tests_every_push_builds_every_morning_and_deploys_main_only():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert set(workflow[True]) == {"push", "pull_request", "schedule"}  # YAML 1.1 reads 'on' as True
    assert workflow[True]["schedule"] == [{"cron": "0 4 * * *"}]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run") for step in build["steps"]]
    assert {"./run test", "./run check"} <= set(commands)
    # The published site's clock is the day of the build: the calendar is right on every morning.
    assert "SOURCE_DATE_EPOCH=\"$(date -u -d 'today 00:00' +%s)\" ./run build" in commands
    main_only = (
        "github.ref == 'refs/heads/main' && (github.event_name == 'push' || github.event_name == 'schedule')"
    )
    assert deploy["if"] == main_only and deploy["needs"] == "build"
    upload = next(step for step in build["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["if"] == main_only and upload["with"]["path"] == "output"


def test_check_workflow_comments_on_pull_requests_only_with_write_access_in_that_job():
    workflow = yaml.safe_load(CHECK.read_text())
    assert set(workflow[True]) == {"pull_request"}
    assert workflow[True]["pull_request"]["paths-ignore"] == ["import/**"]  # import.yml checks those
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["tjek"]  # the name branch protection requires (docs/redigering.md)
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    check = next(step for step in job["steps"] if "praktikviden.pullrequest tjek" in step.get("run", ""))
    assert "continue-on-error" not in check  # the check's failure fails the job
    comment = next(step for step in job["steps"] if "github-script" in step.get("uses", ""))
    assert comment["continue-on-error"] is True  # a fork's read-only token never fails the job
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]
    assert "<!-- praktikviden-tjek -->" in comment["with"]["script"]


def test_import_workflow_commits_to_the_branch_checks_and_sets_the_required_status():
    workflow = yaml.safe_load(IMPORT.read_text())
    assert workflow[True] == {"pull_request": {"paths": ["import/**"]}}
    assert workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["import"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "statuses": "write"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python -m praktikviden.pullrequest import" in runs
    assert "git add --all -- content import" in runs and 'git push origin "HEAD:refs/heads/$BRANCH"' in runs
    assert "${{" not in runs  # the branch's name reaches the shell through env, never pasted into it
    scripts = "\n".join(step.get("with", {}).get("script", "") for step in job["steps"])
    assert "<!-- praktikviden-import -->" in scripts and "context: 'tjek'" in scripts
    assert "GITHUB_TOKEN starts no new workflow run" in IMPORT.read_text()


def test_the_comment_markers_are_the_ones_the_python_code_writes():
    from praktikviden.pullrequest import CHECK_MARKER, IMPORT_MARKER

    assert CHECK_MARKER in CHECK.read_text() and IMPORT_MARKER in IMPORT.read_text()


def test_pre_commit_hook_runs_check(tmp_path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path), "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "./run check" and hook["files"] == "^(content|data)/"
    assert shutil.which("pre-commit", path=env["PATH"])
    result = subprocess.run(
        ["pre-commit", "run", "praktikviden-check", "--all-files"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tjek indhold og data (praktikviden check)" in result.stdout and "Passed" in result.stdout
