"""The published JSON Schemas and the build's own checks must agree, so they cannot drift apart.

The schema is checked here as a partner's editor would: the copy published with the built site (which
knows this catalogue's ids), with the reference implementation `jsonschema`, on data read as YAML 1.2 like
the yaml-language-server does (dates and times such as 9:30 are text, not numbers).
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource

from catalogue import pipeline
from catalogue.read.files import ContentLoader
from conftest import TODAY

OFFER = "angebote/krabbelgruppe.md"

# The start of the names in Turkish in site.yaml, for the variants of `uebersetzungen` below.
TURKISH = "pruefintervall_monate: 12\nuebersetzungen:\n  tr:\n"

# (file, text to replace, replacement). Everything here is something a schema can know; rules that need the
# calendar (a `stand` in the future) or the file system (a missing image) are the build's alone.
VARIANTS = [
    (OFFER, None, None),
    (OFFER, "kostenlos: true", "kostenlso: true"),
    (OFFER, "themen: [begegnung]", "themen: begegnung"),
    (OFFER, "themen: [begegnung]", "themen: []"),
    (OFFER, "stadtteile: [lintorf]", "stadtteile: [lintrof]"),
    (OFFER, "stadtteile: [lintorf]", "stadtteile: [ganz-stadt, nord]"),
    (OFFER, "anbieter: familienzentrum", "anbieter: niemand"),
    (OFFER, "anbieter: familienzentrum", "anbieter: ab"),  # shorter than any file name: was a KeyError
    (OFFER, "kostenlos: true", "kostenlos: true\n1: eins"),  # a key that is not text: was a ValueError
    (OFFER, "lebensphasen: [kleinkind]", "lebensphasen: [kleinkind, kleinkind]"),
    (OFFER, "stand: 2026-10-01", "stand: 2026-02-30"),
    (OFFER, "stand: 2026-10-01", "stand: 1.10.2026"),
    (OFFER, "    von: 9:30", "    von: 9.30"),
    (OFFER, "    von: 9:30", "    von: '09:30'"),
    (OFFER, "  - tage: [mi]", "  - tage: [mittwoch]"),
    (OFFER, "  email: fz@example.org", "  email: fz-at-example.org"),
    (OFFER, "  web: https://example.org/fz", "  web: ftp://example.org/fz"),
    # hosts the build's urlsplit cannot read: they passed `check`, then stopped the build with a traceback
    (OFFER, "  web: https://example.org/fz", "  web: https://a\u2100b.example.org/fz"),
    ("site.yaml", "basis_url: https://katalog.example.org/angebote/", "basis_url: 'https://[katalog.example.org/'"),
    (OFFER, "  alt: Zwei Babys spielen mit Bauklötzen", '  alt: ""'),
    (OFFER, "  alt: Zwei Babys spielen mit Bauklötzen", '  alt: ""\n  dekorativ: true'),
    (OFFER, "  datei: krabbeln.png", "  datei: ../geheim.png"),
    (OFFER, "  bis: 3\n", "  bis: 28\n"),
    (OFFER, "titel: Krabbelgruppe am Mittwoch", "titel: Kr"),
    (OFFER, "sprachen: [de, tr]", "sprachen: [DE]"),
    (OFFER, "kostenlos: true", "kostenlos: true\nformat: [vor-ort, per-brief]"),
    (OFFER, "kostenlos: true", "kostenlos: true\nbeispiel: ja"),
    (OFFER, "kostenlos: true", "kostenlos: true\ngueltig_bis: 2030-01-01"),
    (OFFER, "---\ntitel", "---\n# yaml-language-server: $schema=../../schema/angebot.schema.json\ntitel"),
    ("anbieter/jugendamt.md", None, None),
    ("anbieter/jugendamt.md", "art: Stadt Musterstadt", "art: Stadt Musterstadt\ntelefon: keine"),
    ("anbieter/jugendamt.md", "art: Stadt Musterstadt", "art: Stadt Musterstadt\nweb: https://example.org"),
    ("anbieter/jugendamt.md", "name: Jugendamt Musterstadt\n", ""),
    ("angebote/krabbelgruppe.en.md", None, None),
    ("angebote/krabbelgruppe.en.md", "kurz:", "kostenlos: true\nkurz:"),
    ("seiten/impressum.md", None, None),
    ("seiten/impressum.md", "reihenfolge: 2", "reihenfolge: zwei"),
    ("site.yaml", None, None),
    ("site.yaml", "pruefintervall_monate: 12", "pruefintervall_monate: 0"),
    ("site.yaml", "  nord: Nord", "  Nord: Nord"),
    ("site.yaml", "stadt: Musterstadt\n", ""),
    # uebersetzungen: what a schema can know (whether an id stands further up is the build's alone)
    ("site.yaml", "pruefintervall_monate: 12", TURKISH + "    titel: Teklifler\n    themen:\n      beratung: "
     "Danışmanlık\n    stadtteile: {}\n    hilfe:\n      \"116 111\":\n        name: Telefon"),
    ("site.yaml", "pruefintervall_monate: 12", TURKISH + "    titl: Teklifler"),
    ("site.yaml", "pruefintervall_monate: 12", TURKISH.replace("tr:", "TR: {}")),
    ("site.yaml", "pruefintervall_monate: 12", TURKISH + "    themen:\n      Beratung: x"),
    ("site.yaml", "pruefintervall_monate: 12", TURKISH + "    themen:\n      beratung: ''"),
    ("site.yaml", "pruefintervall_monate: 12", TURKISH + "    hilfe:\n      \"116 111\":\n        nam: x"),
]

SCHEMA_FOR = {"angebote": "angebot", "anbieter": "anbieter", "seiten": "seite", "site.yaml": "site"}




@pytest.fixture(scope="module")
def published_schemas(tmp_path_factory):
    from conftest import FIXTURE
    output = tmp_path_factory.mktemp("site") / "site"
    assert pipeline.build(FIXTURE, output, TODAY).ok
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (output / "schema").glob("*.json")}


def editor_verdict(schemas: dict, relative: str, text: str) -> bool:
    if relative.endswith(".md"):
        text = text.split("---\n")[1]
    name = "uebersetzung" if relative.count(".") == 2 else SCHEMA_FOR[relative.split("/")[0]]
    registry = Registry().with_resources((n, Resource.from_contents(s)) for n, s in schemas.items())
    validator = jsonschema.Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry,
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return validator.is_valid(yaml.load(text, Loader=ContentLoader) or {})


@pytest.mark.parametrize("relative, old, new", VARIANTS)
def test_schema_and_build_agree(content, published_schemas, relative, old, new):
    if old is not None:
        content.replace(relative, old, new)
    text = (content.root / relative).read_text(encoding="utf-8")
    build_accepts = not [e for e in content.errors() if e.file == content.root / relative]
    assert editor_verdict(published_schemas, relative, text) == build_accepts, \
        f"schema says {not build_accepts}, build says {build_accepts} for {new!r}"


def test_the_variants_cover_both_verdicts(content, published_schemas):
    verdicts = set()
    for relative, old, new in VARIANTS[:12]:
        text = (content.root / relative).read_text(encoding="utf-8")
        verdicts.add(editor_verdict(published_schemas, relative, text if old is None else text.replace(old, new)))
    assert verdicts == {True, False}
