"""The Jinja2 environment: strict (a missing variable is an error), autoescaped, with the helpers templates use.

Links are always relative to the page, so the site works under any sub-path.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import jinja2

from .i18n import Texts
from .languages import language_name
from .markup import MarkdownRenderer
from .model import WEEKDAYS


def environment(layouts_dir: Path, texts: Texts) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(layouts_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    markdown = MarkdownRenderer()

    @jinja2.pass_context
    def url(context, target: str = "") -> str:
        """A link from the page being rendered to `target`, a path from the site's root such as 'angebote/x/'."""
        return context["root"] + target if (context["root"] or target) else "./"

    @jinja2.pass_context
    def render_markdown(context, text: str, base_level: int = 2) -> str:
        return jinja2.utils.markupsafe.Markup(markdown.render(text, base_level, context["root"]))

    def long_date(day: date) -> str:
        return texts("date_long", day=day.day, month=texts.list("months")[day.month - 1], year=day.year)

    def weekdays(days) -> str:
        names = texts.list("weekdays_plural")
        ordered = sorted(days, key=WEEKDAYS.index)
        indices = [WEEKDAYS.index(d) for d in ordered]
        if len(indices) >= 3 and indices == list(range(indices[0], indices[-1] + 1)):
            return texts("days_range", first=names[indices[0]], last=names[indices[-1]])
        words = [names[i] for i in indices]
        return words[0] if len(words) == 1 else texts("list_and", items=", ".join(words[:-1]), last=words[-1])

    def tel_href(phone: str) -> str:
        digits = re.sub(r"[^0-9+]", "", phone)
        return "tel:" + digits[0] + digits[1:].replace("+", "") if digits else ""

    def age_range(age_from, age_to) -> str:
        if age_from is not None and age_to is not None:
            return texts("age_from_to", start=age_from, end=age_to)
        if age_from is not None:
            return texts("age_from", start=age_from)
        if age_to is not None:
            return texts("age_to", end=age_to)
        return ""

    env.globals.update(t=texts, url=url, language_name=language_name, lang=texts.language)
    env.filters.update(markdown=render_markdown, long_date=long_date, weekdays=weekdays, tel_href=tel_href)
    env.globals["age_range"] = age_range
    return env
