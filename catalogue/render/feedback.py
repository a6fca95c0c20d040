"""„Nichts Passendes gefunden?“: the words of the e-mail a family writes to the city when the catalogue did not
have what they looked for, and the address of the city's form with the same facts.

The search page builds the same links in the browser (layouts/scripts/search-feedback.js) from the same texts,
so the two must agree: subject and body percent-encoded as JavaScript's encodeURIComponent does (RFC 6068: a
space is %20, a line break %0D%0A), the form's parameters suche, lebensphase, stadtteil and seite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from catalogue.model.i18n import Texts

# What encodeURIComponent leaves as it is, besides letters and digits.
UNRESERVED = "-_.!~*'()"
# The issue form „Angebot fehlt“ (python build.py github), preselected when feedback.url is the repository's issues.
ISSUE_FORM = "angebot-fehlt.yml"
# The issues of a repository on GitHub, as docs/betrieb/anleitungen/github-einrichten.md writes feedback.url
# (…/issues/new?template=fehler-melden.yml), or the list of issues.
GITHUB_ISSUES = re.compile(r"^https://github\.com/([^/?#]+)/([^/?#]+)/issues(/new(/choose)?)?/?([?#].*)?$",
                           re.IGNORECASE)
GITHUB_REPOSITORY = re.compile(r"^https://github\.com/([^/?#]+)/([^/?#]+?)(\.git)?/?$", re.IGNORECASE)


@dataclass(frozen=True)
class Facts:
    query: str = ""  # what was searched: the words and the chosen filters by their visible names
    phase: str = ""  # the life phase's visible name
    district: str = ""  # the district's visible name
    page: str = ""  # the page's full address


def encode(text: str) -> str:
    """As encodeURIComponent: UTF-8, every reserved character percent-encoded, a space as %20."""
    return quote(text, safe=UNRESERVED)


def subject(facts: Facts, texts: Texts) -> str:
    about = facts.query or facts.phase or facts.district
    return texts("feedback_subject_about", about=about) if about else texts("feedback_subject")


def body(facts: Facts, texts: Texts) -> str:
    lines = [texts("feedback_body_intro"), ""]
    if facts.query:
        lines.append(texts("feedback_body_search", query=facts.query))
    if facts.phase:
        lines.append(texts("feedback_body_phase", name=facts.phase))
    if facts.district:
        lines.append(texts("feedback_body_district", name=facts.district))
    lines += [texts("feedback_body_page", url=facts.page), "", texts("feedback_body_missing"), "", ""]
    return "\r\n".join(lines)


def mail_href(address: str, facts: Facts, texts: Texts) -> str:
    if not address:
        return ""
    return f"mailto:{address}?subject={encode(subject(facts, texts))}&body={encode(body(facts, texts))}"


def form_base(url: str, repository: str = "") -> str:
    """The form's address before the facts. When it is the issues of this repository on GitHub (site.yaml's
    repository.url, where there is one), the new issue with the form „Angebot fehlt“ chosen, whose fields are
    named as the parameters, so GitHub fills them in."""
    issues = GITHUB_ISSUES.match(url or "")
    if not issues:
        return url
    owner, name = issues.group(1), issues.group(2)
    if repository:
        ours = GITHUB_REPOSITORY.match(repository)
        if not ours or (ours.group(1).lower(), ours.group(2).lower()) != (owner.lower(), name.lower()):
            return url
    return f"https://github.com/{owner}/{name}/issues/new?template={ISSUE_FORM}"


def form_href(url: str, facts: Facts, repository: str = "") -> str:
    base = form_base(url, repository)
    if not base:
        return ""
    values = [("suche", facts.query), ("lebensphase", facts.phase), ("stadtteil", facts.district),
              ("seite", facts.page)]
    query = "&".join(f"{name}={encode(value)}" for name, value in values if value)
    return base + ("&" if urlsplit(base).query else "?") + query
