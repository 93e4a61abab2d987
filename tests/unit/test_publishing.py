"""The publish workflow (actionlint) and the pre-commit hook that runs `check`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github/workflows/publish.yml"
BIN = Path(sys.executable).parent


def _actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / "actionlint", "-no-color", str(path)], capture_output=True, text=True)


def test_workflow_passes_actionlint():
    result = _actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout


def test_actionlint_refuses_a_broken_workflow(tmp_path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "run-on: ubuntu-latest", 1))
    result = _actionlint(broken)
    assert result.returncode == 1
    assert '"runs-on" section is missing in job "build"' in result.stdout


def test_workflow_tests_every_push_and_deploys_main_only():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert set(workflow[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key 'on' as True
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run") for step in build["steps"]]
    assert {"./run test", "./run check", "./run build"} <= set(commands)
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["if"] == main_only and deploy["needs"] == "build"
    upload = next(step for step in build["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["if"] == main_only and upload["with"]["path"] == "output"


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
