"""The 404 page, as a server shows it at any unknown address: its stylesheet and its links work from there.

(Its links start from the path of basis_url, which is why conftest.py serves each site under that path.)
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import pytest

LINKS_AND_STYLES = """
return {
  styled: [...document.styleSheets].some(sheet => { try { return sheet.cssRules.length > 0; } catch { return false; } }),
  stylesheets: [...document.querySelectorAll('link[rel~=stylesheet]')].map(l => l.href),
  // Links within the page itself (the skip link) lead nowhere else.
  links: [...document.querySelectorAll('a[href]')].filter(a => !a.getAttribute('href').startsWith('#')).map(a => a.href),
};
"""


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("site_name", ["beispiel", "katalog"])
def test_404_page_works_at_a_deep_unknown_address(browser, sites, servers, site_name):
    site = sites[site_name]
    unknown = urljoin(servers[site_name], site.prefix + "gibt/es/nicht/")
    assert status(unknown) == 404
    browser.open(unknown)
    found = browser.run(LINKS_AND_STYLES)
    origin = urlsplit(servers[site_name]).netloc
    broken = [url for url in found["stylesheets"] + found["links"]
              if urlsplit(url).netloc == origin and status(url.split("#")[0]) != 200]
    assert found["styled"] and not broken, (
        f"Die 404-Seite der Website „{site_name}“ unter {unknown}: "
        + ("ohne Stylesheet; " if not found["styled"] else "")
        + (f"Verweise ins Leere: {', '.join(broken)}" if broken else ""))
