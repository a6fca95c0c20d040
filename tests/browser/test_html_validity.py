"""The Nu Html Checker (vnu.jar) finds no error in any page. One vnu run per site; one test per page."""

from __future__ import annotations

from pathlib import Path

import pytest

from .checks import start_vnu, vnu_errors, vnu_report
from .conftest import VNU_JAR, require


@pytest.fixture(scope="session")
def vnu_results(sites) -> dict[Path, list[dict]]:
    require(VNU_JAR, "Installieren Sie die Werkzeuge: npm ci --prefix tests/browser (oder python3 dev.py test).")
    runs = [start_vnu([page.file for page in site.pages]) for site in sites.values()]  # both JVMs at once
    results: dict[Path, list[dict]] = {}
    for run in runs:
        results.update(vnu_errors(run))
    return results


def test_vnu_ran_cleanly(vnu_results):
    general = vnu_results.get(Path("."), [])
    assert not general, "vnu meldet Fehler ohne Datei:\n" + vnu_report(Path("."), general)


def test_page_is_valid_html(vnu_results, page):
    errors = vnu_results.get(page.file.resolve(), [])
    assert not errors, f"Der Nu Html Checker meldet {len(errors)} Fehler in {page}:\n{vnu_report(page.file, errors)}"
