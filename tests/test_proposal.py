"""The page „Angebot vorschlagen" apart from the browser: its files, its texts, and the `repository` setting.
What the form does is tested in a real browser in tests/browser/test_proposal.py."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from catalogue import pipeline
from catalogue.check import schemas
from catalogue.render.proposal import FOLDER, form_rules
from conftest import REPO, TODAY

SCRIPTS = sorted((REPO / "layouts" / "scripts").glob("proposal*.js"))  # proposal.js and the modules it imports
TEXTS = yaml.safe_load((REPO / "layouts" / "i18n" / "nur-deutsch.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def built(content, tmp_path):
    content.end_zeltlager_yesterday()
    output = tmp_path / "site"
    result = pipeline.build(content.root, output, TODAY)
    assert result.ok, [p.message for p in result.problems.errors]
    return output


def test_every_message_the_script_gives_is_in_the_translation_table_and_none_is_unused():
    script = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    used = set(re.findall(r'"([a-z]+(?:_[a-z]+)+)"', script))  # the script names its messages by snake_case keys
    used |= {f"{name}_{suffix}" for name in re.findall(r'within\("([a-z]+)"\)', script) for suffix in ("missing", "length")}
    table = set(TEXTS["propose_errors"])
    assert used - table == set(), "Texte fehlen in layouts/i18n/nur-deutsch.yaml unter propose_errors"
    assert table - used == set(), "Texte in propose_errors, die das Skript nie zeigt"


def test_the_template_to_download_points_at_the_published_schema_and_today(built):
    template = (built / FOLDER / "vorlage.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=https://katalog.example.org/angebote/schema/angebot.schema.json" in template
    assert f"stand: {TODAY.isoformat()}" in template
    assert (built / "schema" / "angebot.schema.json").is_file()


def test_the_ids_the_form_must_not_hand_out_include_expired_offers_and_providers(built):
    known = json.loads((built / FOLDER / "kennungen.json").read_text(encoding="utf-8"))
    assert known == {"angebote": ["aerztliche-beratung", "krabbelgruppe", "zeltlager"],
                     "anbieter": ["familienzentrum", "jugendamt"]}


def test_the_form_takes_its_limits_and_patterns_from_the_schema(content):
    rules = form_rules(content.catalogue())
    offer = schemas.load_schema(schemas.OFFER)
    assert rules["limits"]["titel"] == [offer["properties"]["titel"]["minLength"], offer["properties"]["titel"]["maxLength"]]
    assert rules["patterns"]["web"] == offer["$defs"]["web"]["pattern"]
    assert rules["today"] == TODAY.isoformat()
    assert rules["newFileUrl"] == ""


def test_the_page_is_linked_from_every_page_footer(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    offer = (built / "angebote" / "krabbelgruppe" / "index.html").read_text(encoding="utf-8")
    assert 'href="angebot-vorschlagen/"' in home
    assert 'href="../../angebot-vorschlagen/"' in offer


def test_the_page_lists_every_choice_of_site_yaml(built):
    page = (built / FOLDER / "index.html").read_text(encoding="utf-8")
    for name, value in (("lebensphasen", "kleinkind"), ("themen", "beratung"), ("stadtteile", "ganz-stadt"),
                        ("stadtteile", "nord"), ("barrierefreiheit", "leichte-sprache"), ("format", "hausbesuch")):
        assert f'name="{name}" value="{value}"' in page
    assert '<option value="jugendamt">Jugendamt Musterstadt</option>' in page


def test_a_repository_gives_the_address_of_githubs_new_file_page(content):
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8")
                  + "repository:\n  url: https://github.com/stadt/angebote/\n  inhalt: daten/content\n")
    rules = form_rules(content.catalogue())
    assert rules["newFileUrl"] == "https://github.com/stadt/angebote/new/main/daten/content/angebote"
    assert rules["providerFileUrl"] == "https://github.com/stadt/angebote/new/main/daten/content/anbieter"


@pytest.mark.parametrize("setting, key, expected", [
    ("repository:\n  url: https://gitlab.com/stadt/angebote\n", "repository → url", "https://github.com/KONTO/NAME"),
    ("repository:\n  url: https://github.com/stadt/angebote\n  zweig: mein zweig\n", "repository → zweig", "ohne Leerzeichen"),
    ("repository:\n  url: https://github.com/stadt/angebote\n  ordner: content\n", "repository → ordner", "inhalt"),
])
def test_a_wrong_repository_setting_is_explained(content, setting, key, expected):
    lines = (content.root / "site.yaml").read_text(encoding="utf-8").count("\n")
    content.write("site.yaml", (content.root / "site.yaml").read_text(encoding="utf-8") + setting)
    errors = content.errors()
    assert [(p.file.name, p.key) for p in errors] == [("site.yaml", key)]
    assert errors[0].line > lines
    assert expected in errors[0].message + errors[0].hint


def test_a_free_page_cannot_take_the_forms_address(content):
    content.write("seiten/angebot-vorschlagen.md", "---\ntitel: Vorschlagen\n---\nText\n")
    errors = content.errors()
    assert [(p.file.name, p.message) for p in errors] == [
        ("angebot-vorschlagen.md", "Der Name „angebot-vorschlagen“ ist für einen Bereich der Website reserviert.")]
