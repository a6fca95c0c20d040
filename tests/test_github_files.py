"""The workflows, issue forms and issue config in .github/ are what GitHub accepts: each validates against the
schema GitHub's files are published with (SchemaStore's, bundled in check-jsonschema, so no network is needed).
A mistake there would show only on GitHub, after the merge: a workflow that does not start, a form that is not
offered."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO, check_jsonschema

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def test_there_is_something_to_check():
    assert {p.name for p in WORKFLOWS} >= {"pruefen.yml", "eigenschaften.yml"}
    assert {p.name for p in ISSUE_FORMS} == {"angebot-vorschlagen.yml", "fehler-melden.yml", "angebot-fehlt.yml"}


def test_workflows_are_valid():
    result = check_jsonschema("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_are_valid():
    result = check_jsonschema("vendor.github-issue-forms", *ISSUE_FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_config_is_valid():
    result = check_jsonschema("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("old, new, complaint", [
    ("    runs-on: ubuntu-latest\n", "", "'runs-on' is a required property"),
    ("    timeout-minutes: 60\n", "    timeout-minutes: 60\n    zeitlimit: 60\n", "zeitlimit"),
])
def test_a_broken_workflow_fails(tmp_path, old, new, complaint):
    text = (GITHUB / "workflows" / "pruefen.yml").read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "pruefen.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_jsonschema("vendor.github-workflows", broken)
    assert result.returncode == 1
    assert complaint in result.stdout + result.stderr


def test_a_broken_issue_form_fails(tmp_path):
    text = (GITHUB / "ISSUE_TEMPLATE" / "fehler-melden.yml").read_text(encoding="utf-8")
    broken = tmp_path / "fehler-melden.yml"
    broken.write_text(text.replace("type: dropdown", "type: auswahl", 1), encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-forms", broken).returncode == 1


def test_publishing_builds_with_the_pdf_and_deploys_with_the_pages_actions_one_at_a_time():
    workflow = yaml.safe_load((GITHUB / "workflows" / "veroeffentlichen.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert "pull_request" not in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["bauen"], workflow["jobs"]["veroeffentlichen"]
    assert build["container"] == "python:3.12-bookworm"
    runs = [step.get("run", "") for step in build["steps"]]
    assert "python3 dev.py site --help" in runs
    built = ".venv/bin/python build.py"  # with the PDF
    assert runs.index(".venv/bin/python build.py check --format github") < runs.index(built)
    uses = [step["uses"] for job in (build, deploy) for step in job["steps"] if "uses" in step]
    assert uses == ["actions/checkout@v5", "actions/cache@v5", "actions/configure-pages@v5",
                    "actions/upload-pages-artifact@v4", "actions/deploy-pages@v4"]
    (upload,) = [step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"].rstrip("/") == "site"
    assert deploy["needs"] == "bauen"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.pages.outputs.page_url }}"}
