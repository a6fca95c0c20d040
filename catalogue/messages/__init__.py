"""Every message a partner can get from `check`, in German: one module per kind, one table MESSAGES.

Each entry is (what is wrong, how to fix it). Partners are social workers,
not programmers: say it plainly, name the key as they wrote it, and always
say what to do next.
"""

from __future__ import annotations

import difflib

from catalogue.messages.addresses import ADDRESSES
from catalogue.messages.figures import FIGURES
from catalogue.messages.lint import LINT
from catalogue.messages.meaning import MEANING
from catalogue.messages.networks import NETWORKS
from catalogue.messages.pdf import PDF
from catalogue.messages.reading import READING
from catalogue.messages.site_names import SITE_NAMES
from catalogue.messages.structure import STRUCTURE
from catalogue.messages.warnings import WARNINGS
from catalogue.problems import ERROR, ContentProblem

# One table, as partners' documentation (CONTRIBUTING.md) and its test read it; the kinds in the order of a check.
MESSAGES: dict[str, tuple[str, str]] = {**READING, **STRUCTURE, **ADDRESSES, **MEANING, **NETWORKS, **SITE_NAMES, **FIGURES,
                                        **PDF, **LINT, **WARNINGS}


def suggest(value: str, choices) -> str:
    """The closest known word, for „Meinten Sie …?“, or "" when nothing is close."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return close[0] if close else ""


def did_you_mean(value: str, choices) -> str:
    close = suggest(value, choices)
    return f" Meinten Sie „{close}“?" if close else ""


def listing(values, limit: int = 25) -> str:
    values = [str(v) for v in values]
    if len(values) > limit:
        return ", ".join(values[:limit]) + f" … (insgesamt {len(values)})"
    return ", ".join(values) if values else "(keine)"


def problem(name: str, file, line, where: str = "", severity: str = ERROR, **values) -> ContentProblem:
    """A problem from the table; `where` is the key path shown to the partner, `values` fill the texts."""
    message, hint = MESSAGES[name]
    return ContentProblem(file, line, where, message.format(**values), hint.format(**values), severity)
