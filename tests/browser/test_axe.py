"""axe-core (WCAG 2.2 A/AA and best practices) finds nothing on any page, in the light and the dark colour scheme."""

from __future__ import annotations

import pytest

from .checks import axe_report, axe_violations_by_scheme

SCHEMES = {"light": "hellen", "dark": "dunklen"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations(browser, once, page, scheme):
    def check_both_schemes():
        browser.open(page)
        return axe_violations_by_scheme(browser)

    violations = once(("axe", page.id), check_both_schemes)[scheme]
    assert not violations, (f"axe-core meldet auf {page} im {SCHEMES[scheme]} Farbschema "
                            f"{len(violations)} Regelverstöße:\n{axe_report(violations)}")
