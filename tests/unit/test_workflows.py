"""The GitHub Actions workflow is valid YAML, runs the README's commands, pins every
action to a commit, asks for the least permissions and deploys one build at a time."""

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github/workflows/site.yml"


def load():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job):
    return load()["jobs"][job]["steps"]


def test_every_action_is_pinned_to_a_full_commit_sha():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses
    unpinned = [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u)]
    assert not unpinned


def test_it_runs_the_readme_commands_on_every_pull_request_and_on_main():
    workflow = load()
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML reads `on:` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    commands = [step.get("run") for step in steps("test") if step.get("run")]
    assert commands[:2] == ["make test", "make publish"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert command in readme, f"{command!r} is not documented in the README"


def test_permissions_are_the_least_each_job_needs():
    workflow = load()
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["test"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_deploy_follows_a_passing_build_on_main_one_at_a_time():
    deploy = load()["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert steps("deploy")[-1]["uses"].startswith("actions/deploy-pages@")


def test_the_built_site_is_uploaded_for_reviewers():
    uploads = [s for s in steps("test") if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "output/"
