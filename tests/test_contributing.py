"""The partners' guide, the GitHub workflow, the pull request template and the issue forms stay true to the code.

Partners follow CONTRIBUTING.md and the pages of docs/partner/ without reading code, so they must not drift:
every message of catalogue/messages/ has an entry on one of the pages of docs/partner/referenz/meldungen/ (one
per group, listed by the overview meldungen.md; written by catalogue/commands/reference/ from the examples kept
beside it) with an example that matches the message's
text, the worked examples of docs/partner/anleitungen/ pass `check --strict`, the first guide names the keys
partners write, the check command is spelled one way, the issue forms offer exactly the names in
content/site.yaml, and the workflow runs the check the guide describes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import string
import subprocess
import sys

import pytest
import yaml

from catalogue.messages import MESSAGES
from conftest import REPO, TODAY, check_jsonschema, copy_fixture, run_cli

CONTRIBUTING = REPO / "CONTRIBUTING.md"
WORKFLOW = REPO / ".github" / "workflows" / "pruefen.yml"
PULL_REQUEST_TEMPLATE = REPO / ".github" / "pull_request_template.md"
ISSUE_TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"
ISSUE_FORMS = ("angebot-vorschlagen.yml", "fehler-melden.yml", "angebot-fehlt.yml")
OFFER_TEMPLATE = REPO / "catalogue" / "vorlagen" / "angebot.md"
PARTNER_DOCS = REPO / "docs" / "partner"
MESSAGE_REFERENCE = PARTNER_DOCS / "referenz" / "meldungen.md"  # the overview
MESSAGE_PAGES = PARTNER_DOCS / "referenz" / "meldungen"  # one page per group of messages
CHECK_GUIDE = PARTNER_DOCS / "anleitungen" / "pruefung-lesen.md"
# Each worked example and the page that shows it.
EXAMPLE_PAGES = {"<!-- beispiel-angebot -->": PARTNER_DOCS / "anleitungen" / "angebotsdatei.md",
                 "<!-- beispiel-anbieter -->": PARTNER_DOCS / "anleitungen" / "anbieter.md"}

MARKER = re.compile(r"^<!-- meldung: ([a-z0-9_]+) -->$", re.MULTILINE)
PROBLEM_HEADER = re.compile(r"^(Fehler|Warnung|Hinweis): (\S[^,\n]*?)(:\d+ \(Zeile \d+\))?(, Angabe „[^\n]+“)?$")
HINT_PREFIX = "So beheben Sie es: "
# The keys of the contract the worked example must show (the required ones and the most used optional ones).
EXAMPLE_KEYS = {"titel", "kurz", "anbieter", "themen", "lebensphasen", "stadtteile", "stand", "alter", "kostenlos",
                "sprachen", "orte", "zeiten", "kontakt"}


def guide() -> str:
    return CONTRIBUTING.read_text(encoding="utf-8")


def message_pages() -> dict[str, str]:
    """The page of each group of messages (file name → text)."""
    return {page.name: page.read_text(encoding="utf-8") for page in sorted(MESSAGE_PAGES.glob("*.md"))}


def example(marker: str) -> str:
    """The text of the page that shows the worked example after the marker."""
    return EXAMPLE_PAGES[marker].read_text(encoding="utf-8")


def partner_pages() -> list:
    """CONTRIBUTING.md and every page of docs/partner/: what a partner reads."""
    return [CONTRIBUTING, *sorted(PARTNER_DOCS.rglob("*.md"))]


def site_yaml() -> dict:
    return yaml.safe_load((REPO / "content" / "site.yaml").read_text(encoding="utf-8"))


def outside_code(text: str):
    """(line number, line) of the Markdown lines that are not inside a fenced code block."""
    fence = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if fence is not None:
            if stripped.startswith(fence) and not stripped.strip("`~"):
                fence = None
            continue
        yield number, line


def fenced_block(text: str, marker: str, language: str) -> str:
    """The fenced code block that starts on the line after an HTML comment marker."""
    match = re.search(rf"^{re.escape(marker)}\n```{language}\n(.*?)\n```$", text, re.MULTILINE | re.DOTALL)
    assert match, f"{marker} followed by a ```{language} block is missing in {EXAMPLE_PAGES.get(marker, 'the page')}"
    return match.group(1) + "\n"


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def file_name_before(text: str, marker: str, folder: str) -> str:
    """The file name the guide gives an example, in the paragraph before its marker."""
    before = text[:text.index(marker)][-600:]
    names = re.findall(rf"`content/{folder}/([a-z0-9-]+)\.md`", before)
    assert names, f"the guide should say under which name the example after {marker} is saved"
    return names[-1]


# --- „Was die Prüfung meldet“ ---------------------------------------------------------------------------


def entries() -> dict[str, str]:
    """Message name → the text of its entry: its heading and what follows, up to the next entry or the end of
    its group's page (the page's own heading and intro stand before the first entry)."""
    found: dict[str, str] = {}
    for text in message_pages().values():
        matches = list(MARKER.finditer(text))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
            found[match.group(1)] = text[match.end():end]
    return found


def test_every_message_has_exactly_one_entry_and_every_entry_a_message():
    pages = message_pages()
    assert pages, f"no pages in {MESSAGE_PAGES.relative_to(REPO)}"
    assert not MARKER.findall(MESSAGE_REFERENCE.read_text(encoding="utf-8")), (
        "the overview meldungen.md lists the messages; their entries belong on the pages of its groups")
    names = [name for text in pages.values() for name in MARKER.findall(text)]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    assert not duplicates, f"entries twice in docs/partner/referenz/meldungen/: {duplicates}"
    missing = sorted(set(MESSAGES) - set(names))
    assert not missing, (f"messages without an entry in docs/partner/referenz/meldungen/ („Was die Prüfung "
                         f"meldet“; written by python -m catalogue.commands.reference): {missing}")
    unknown = sorted(set(names) - set(MESSAGES))
    assert not unknown, f"entries for messages catalogue/messages/ does not have: {unknown}"


def test_every_entry_marker_stands_directly_before_its_heading():
    for page, text in message_pages().items():
        lines = text.split("\n")
        for index, line in enumerate(lines):
            if MARKER.match(line):
                assert lines[index + 1].startswith("## "), f"{page}: no heading directly after {line}"


def test_the_overview_lists_every_entry_under_its_group():
    """meldungen.md names each group's page and, below it, the heading of each entry on that page."""
    overview = MESSAGE_REFERENCE.read_text(encoding="utf-8")
    for page, text in message_pages().items():
        lines = text.split("\n")
        titles = [lines[index + 1][3:] for index, line in enumerate(lines) if MARKER.match(line)]
        group = overview.split(f"](meldungen/{page})\n", 1)
        assert len(group) == 2, f"meldungen.md does not list the group meldungen/{page}"
        listed = re.findall(r"^- \[(.+)\]\(meldungen/" + re.escape(page) + "#", group[1].split("\n### ", 1)[0],
                            re.MULTILINE)
        assert listed == titles, f"meldungen.md lists under meldungen/{page}: {listed}, the page has: {titles}"


def template_pattern(template: str) -> re.Pattern:
    """A message template of catalogue/messages/ as a pattern: its fixed words literally, each {field} as anything."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*")
    return re.compile("".join(parts), re.DOTALL)


def example_problems(entry: str) -> list[tuple[str, str, str | None]]:
    """(first line, message, hint) of each problem in the entry's first ```text block."""
    block = re.search(r"^```text\n(.*?)\n```$", entry, re.MULTILINE | re.DOTALL)
    assert block, "no ```text block with the message as the partner sees it"
    problems, current = [], None
    for line in block.group(1).split("\n"):
        if not line.startswith("  "):
            current = [line, None, None]
            problems.append(current)
        elif current[1] is None:
            current[1] = line[2:]
        else:
            assert line.startswith("  " + HINT_PREFIX), f"unexpected line in an example: {line!r}"
            current[2] = line[2 + len(HINT_PREFIX):]
    return [tuple(p) for p in problems]


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_entry_shows_the_message_as_check_prints_it(name):
    entry = entries().get(name)
    if entry is None:
        pytest.skip("no entry (reported by the test above)")
    message, hint = MESSAGES[name]
    problems = example_problems(entry)
    for header, text, _ in problems:
        assert PROBLEM_HEADER.match(header), f"{name}: first line not as check prints it: {header!r}"
        assert text, f"{name}: the message line is missing after {header!r}"
    matching = [p for p in problems if template_pattern(message).fullmatch(p[1])]
    assert matching, (f"{name}: no example matches the message in catalogue/messages/:\n  {message}\n"
                      f"examples:\n  " + "\n  ".join(p[1] for p in problems))
    for _, text, example_hint in matching:
        if example_hint is not None:
            assert template_pattern(hint).fullmatch(example_hint), (
                f"{name}: the hint differs from catalogue/messages/:\n  {hint}\nexample:\n  {example_hint}")
    assert "**Was das heißt:**" in entry and "**So beheben Sie es:**" in entry, name


def test_entries_are_grouped_under_the_headings_partners_look_for():
    pages = message_pages()
    titles = {next(line for _, line in outside_code(text) if line.startswith("# ")): page
              for page, text in pages.items()}
    for group in ("Datei lesen", "Angaben", "Verweise und Listen", "Bilder und Videos",
                  "Barrierefreiheit des Textes", "Erinnerungen und Hinweise"):
        assert f"# Was die Prüfung meldet: {group}" in titles, group
    accessibility = pages[titles["# Was die Prüfung meldet: Barrierefreiheit des Textes"]]
    assert sorted(MARKER.findall(accessibility)) == sorted(n for n in MESSAGES if n.startswith("lint_"))


# --- the worked examples ---------------------------------------------------------------------------------


def test_worked_examples_pass_the_strict_check(tmp_path):
    """The examples, copied into a copy of the repository's content/, get no message from `check --strict`.

    Only the examples' own messages count: files partners add later may carry a `stand` after TODAY, which is
    in the future on that day, and they have tests of their own (test_build.py checks the starter catalogue)."""
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    examples = []
    for folder, marker in (("angebote", "<!-- beispiel-angebot -->"), ("anbieter", "<!-- beispiel-anbieter -->")):
        text = example(marker)
        name = file_name_before(text, marker, folder)
        if (root / folder / f"{name}.md").exists():  # a real file took the example's name: check it beside it
            name += "-aus-der-anleitung"
        examples.append(root / folder / f"{name}.md")
        examples[-1].write_text(fenced_block(text, marker, "markdown"), encoding="utf-8")
    result = run_cli("check", "--strict", "--format", "github", "--content", "content", "--heute", TODAY.isoformat(),
                     cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    about_examples = [line for line in result.stdout.splitlines()
                      if any(f"file={path.relative_to(tmp_path).as_posix()}," in line for path in examples)]
    assert not about_examples, "\n".join(about_examples)
    assert "Geprüft:" in result.stderr or "Fehler in" in result.stderr, result.stderr


def test_the_strict_check_above_would_see_a_problem_in_an_example(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    marker = "<!-- beispiel-angebot -->"
    broken = fenced_block(example(marker), marker, "markdown").replace("Nichts.", "NICHTS.")
    (root / "angebote" / "kaputtes-beispiel.md").write_text(broken, encoding="utf-8")
    result = run_cli("check", "--strict", "--format", "github", "--content", "content", "--heute", TODAY.isoformat(),
                     cwd=tmp_path)
    assert "::error file=content/angebote/kaputtes-beispiel.md,line=" in result.stdout


def test_worked_example_shows_most_of_the_contract_and_says_it_is_invented():
    offer = front_matter(fenced_block(example("<!-- beispiel-angebot -->"), "<!-- beispiel-angebot -->", "markdown"))
    assert EXAMPLE_KEYS <= set(offer), f"the example lacks {sorted(EXAMPLE_KEYS - set(offer))}"
    assert offer["beispiel"] is True
    assert (REPO / "content" / "anbieter" / f"{offer['anbieter']}.md").is_file()
    provider = front_matter(fenced_block(example("<!-- beispiel-anbieter -->"), "<!-- beispiel-anbieter -->",
                                         "markdown"))
    assert provider["beispiel"] is True


def test_the_template_can_be_pasted_as_it_is_and_the_guide_says_what_to_fill_in():
    """In the browser partners paste catalogue/vorlagen/angebot.md as it is: no placeholders, only `stand`."""
    template = OFFER_TEMPLATE.read_text(encoding="utf-8")
    assert not re.search(r"\{[a-z_]*\}|\{\{", template), "Die Vorlage enthält Platzhalter"
    assert re.search(r"^stand:\s+#", template, re.MULTILINE)
    text = guide()
    assert "bei `stand:` das heutige Datum ein" in text
    assert "](catalogue/vorlagen/angebot.md)" in text and "python build.py new" in text


# --- links and names in the guide ------------------------------------------------------------------------


def github_anchor(heading: str) -> str:
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors_of(text: str) -> set[str]:
    anchors: set[str] = set()
    for _, line in outside_code(text):
        heading = re.match(r"^#{1,6} (.+)$", line)
        if heading:
            anchor = github_anchor(heading.group(1))
            number, unique = 0, anchor
            while unique in anchors:
                number += 1
                unique = f"{anchor}-{number}"
            anchors.add(unique)
    return anchors


@pytest.mark.parametrize("page", partner_pages(), ids=lambda page: page.relative_to(REPO).as_posix())
def test_links_inside_the_guide_lead_somewhere(page):
    """Every link of CONTRIBUTING.md and docs/partner/ leads to a file, and a link to a heading to a heading."""
    text = page.read_text(encoding="utf-8")
    body = "\n".join(line for _, line in outside_code(text))
    for target in re.findall(r"\]\(([^)\s]+)\)", body):
        if target.startswith("#"):
            assert target[1:] in anchors_of(text), f"{page.name}: link to a heading that does not exist: {target}"
        elif not target.startswith(("http://", "https://")):
            path, _, heading = target.partition("#")
            linked = (page.parent / path).resolve()
            assert linked.exists(), f"{page.name}: link to a file that does not exist: {target}"
            if heading and linked.suffix == ".md":
                assert heading in anchors_of(linked.read_text(encoding="utf-8")), (
                    f"{page.name}: link to a heading that does not exist: {target}")


def test_guide_names_the_workflow_and_its_steps_as_they_are():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    text = guide()
    check_guide = CHECK_GUIDE.read_text(encoding="utf-8")
    assert f"„{workflow['name']}“" in text and f"„{workflow['name']}“" in check_guide
    (job,) = workflow["jobs"].values()
    assert f"„{job['name']}“" in text
    steps = {step.get("name") for step in job["steps"]}
    for page in partner_pages():
        table = re.findall(r"^\| ([^|]+?) \| [^|]+ \| [^|]+ \|$", page.read_text(encoding="utf-8"), re.MULTILINE)
        named = [row for row in table if row not in ("Schritt", "Wort")]
        if page == CHECK_GUIDE:
            assert named, f"the table of the workflow's steps is missing in {page.name}"
        if page.parent.name != "referenz":  # the references' tables are of keys, not steps
            assert set(named) <= steps, f"steps in the table of {page.name} not in the workflow: {named}"


def test_the_first_guide_names_the_keys_partners_write():
    """Weekday codes and the values of `format`, as the schema allows them, early in CONTRIBUTING.md."""
    schema = json.loads((REPO / "catalogue" / "schemas" / "angebot.schema.json").read_text(encoding="utf-8"))
    weekdays = schema["properties"]["zeiten"]["items"]["properties"]["tage"]["items"]["enum"]
    formats = schema["properties"]["format"]["items"]["enum"]
    text = guide()
    assert f"`{' '.join(weekdays)}`" in text
    for value in formats:
        assert f"`{value}`" in text, value
    assert text.index(f"`{' '.join(weekdays)}`") < text.index("## Ein Angebot ändern")


def test_the_check_command_is_spelled_one_way():
    """`python build.py check` in the guide, the template and every page of docs/partner/; never another way."""
    for page in [*partner_pages(), OFFER_TEMPLATE]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(\.venv[/\\](bin|Scripts)[/\\]python|python3) build\.py", text), page.name
    assert "python build.py check" in guide()
    assert "python build.py check" in OFFER_TEMPLATE.read_text(encoding="utf-8")


def test_readme_points_partners_to_the_guide():
    head = (REPO / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "](CONTRIBUTING.md)" in head


# --- issue forms ----------------------------------------------------------------------------------------


def issue_form(name: str) -> dict:
    return yaml.safe_load((ISSUE_TEMPLATES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ISSUE_FORMS)
def test_issue_form_is_a_valid_github_form(name):
    form = issue_form(name)
    for key in ("name", "description", "body"):
        assert form.get(key), f"{name}: „{key}“ is missing"
    assert isinstance(form.get("labels", []), list)
    ids = []
    for element in form["body"]:
        kind, attributes = element.get("type"), element.get("attributes") or {}
        assert kind in ("markdown", "input", "textarea", "dropdown", "checkboxes"), f"{name}: type {kind}"
        if kind == "markdown":
            assert attributes.get("value"), f"{name}: markdown without value"
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", element.get("id", "")), f"{name}: {kind} without a valid id"
        ids.append(element["id"])
        assert attributes.get("label"), f"{name}: {element['id']} has no label"
        if kind == "dropdown":
            options = attributes.get("options")
            assert options and all(isinstance(o, str) and o for o in options), f"{name}: {element['id']}"
            assert len(set(options)) == len(options), f"{name}: {element['id']} has an option twice"
        if kind == "checkboxes":
            assert all(isinstance(o, dict) and o.get("label") for o in attributes.get("options") or [None])
        assert set(element.get("validations", {})) <= {"required"}
    assert len(ids) == len(set(ids)), f"{name}: an id is used twice"
    assert any(element.get("validations", {}).get("required") for element in form["body"])


def assert_offer_form_names(form: dict, site: dict) -> None:
    """The choices are site.yaml's names in its order, and the text names the town."""
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / "de.yaml").read_text(encoding="utf-8"))
    whole_city = texts["whole_city"].format(city=site["stadt"])
    by_id = {element.get("id"): element for element in form["body"]}
    options = {key: element["attributes"]["options"] for key, element in by_id.items()
               if element.get("type") == "dropdown"}
    assert options["lebensphasen"] == [phase["name"] for phase in site["lebensphasen"]]
    assert options["themen"] == list(site["themen"].values())
    assert options["stadtteile"] == [whole_city, *site["stadtteile"].values()]
    assert options["barrierefreiheit"] == list(site["barrierefreiheit"].values())
    assert f"Familien in {site['stadt']} vor." in by_id[None]["attributes"]["value"]
    assert f"„{whole_city}“" in by_id["stadtteile"]["attributes"]["description"]


def test_offer_form_offers_exactly_the_names_in_site_yaml():
    assert_offer_form_names(issue_form("angebot-vorschlagen.yml"), site_yaml())


def test_committed_forms_are_what_build_py_github_writes(tmp_path):
    result = run_cli("github", "--ziel", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in (*ISSUE_FORMS, "config.yml"):
        assert (tmp_path / name).read_bytes() == (ISSUE_TEMPLATES / name).read_bytes(), (
            f"{name} ist nicht auf dem Stand von content/site.yaml: python build.py github")


def test_forms_for_another_town_with_quotes_and_colons_in_its_names(tmp_path):
    content = copy_fixture(tmp_path / "content")
    site_file = content / "site.yaml"
    text = site_file.read_text(encoding="utf-8")
    for old, new in (("stadt: Musterstadt", """stadt: 'Bad "Muster": Stadt'"""),
                     ("beratung: Beratung", 'beratung: "Beratung: #1 für alle"'),
                     ("nord: Nord", "nord: \"'s-Nord\""),
                     ("email: jugendamt@example.org", "email: jugendamt@example.org\n  web: https://example.org/rathaus")):
        assert old in text
        text = text.replace(old, new, 1)
    site_file.write_text(text, encoding="utf-8")
    target = tmp_path / "formulare"
    result = run_cli("github", "--content", "content", "--ziel", "formulare", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = yaml.safe_load(text)
    form = yaml.safe_load((target / "angebot-vorschlagen.yml").read_text(encoding="utf-8"))
    assert_offer_form_names(form, site)
    assert 'Krabbelgruppe im Familienzentrum Mitte' == form["body"][1]["attributes"]["placeholder"]
    assert "Rathausplatz" not in (target / "angebot-vorschlagen.yml").read_text(encoding="utf-8")
    assert "Ratingen" not in "".join(p.read_text(encoding="utf-8") for p in target.iterdir())
    config = yaml.safe_load((target / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"] == [{"name": "Stadt Musterstadt, Jugendamt", "url": "https://example.org/rathaus",
                                        "about": "Fragen an die Stadt, die kein Fehler im Katalog sind."}]
    forms = check_jsonschema("vendor.github-issue-forms", *(target / name for name in ISSUE_FORMS))
    assert forms.returncode == 0, forms.stdout + forms.stderr
    config_check = check_jsonschema("vendor.github-issue-config", target / "config.yml")
    assert config_check.returncode == 0, config_check.stdout + config_check.stderr


def test_forms_are_not_written_from_a_broken_site_yaml(tmp_path):
    content = copy_fixture(tmp_path / "content")
    site_file = content / "site.yaml"
    site_file.write_text(site_file.read_text(encoding="utf-8").replace("stadt: Musterstadt", "stadt:", 1),
                         encoding="utf-8")
    result = run_cli("github", "--content", "content", "--ziel", "formulare", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"^Fehler: content/site\.yaml:2 \(Zeile 2\), Angabe „stadt“", result.stderr, re.MULTILINE), \
        result.stderr
    assert "Die Formulare in formulare sind unverändert." in result.stderr
    assert not (tmp_path / "formulare").exists()


def test_offer_form_asks_for_what_an_offer_needs():
    body = issue_form("angebot-vorschlagen.yml")["body"]
    by_id = {element["id"]: element for element in body if "id" in element}
    for key in ("titel", "kurz", "anbieter", "lebensphasen", "themen", "stadtteile", "beschreibung"):
        assert by_id[key].get("validations", {}).get("required") is True, key
    for key in ("alter", "kosten", "zeiten", "ort", "sprachen", "kontakt"):
        assert key in by_id, key
    for key in ("lebensphasen", "themen", "stadtteile"):
        assert by_id[key]["attributes"].get("multiple") is True
    consent = by_id["einverstaendnis"]["attributes"]["options"]
    assert consent and all(option.get("required") is True for option in consent)


def test_error_form_asks_which_page_and_what_is_wrong():
    by_id = {element["id"]: element for element in issue_form("fehler-melden.yml")["body"] if "id" in element}
    assert by_id["seite"]["validations"]["required"] is True
    assert by_id["art"]["attributes"]["options"] == ["Telefonnummer", "Adresse", "Zeiten",
                                                      "Angebot gibt es nicht mehr", "Barriere auf der Seite",
                                                      "Sonstiges"]
    assert by_id["details"]["validations"]["required"] is True
    assert not by_id["kontakt"].get("validations", {}).get("required")


def assert_wish_form_names(form: dict, site: dict) -> None:
    """„Angebot fehlt“ offers exactly site.yaml's life phases and districts, in its order."""
    texts = yaml.safe_load((REPO / "layouts" / "i18n" / "de.yaml").read_text(encoding="utf-8"))
    by_id = {element.get("id"): element for element in form["body"]}
    assert by_id["lebensphase"]["attributes"]["options"] == [phase["name"] for phase in site["lebensphasen"]]
    assert by_id["stadtteil"]["attributes"]["options"] == [texts["whole_city"].format(city=site["stadt"]),
                                                             *site["stadtteile"].values()]
    assert f"Familien in {site['stadt']} gesucht" in by_id[None]["attributes"]["value"]


def test_wish_form_asks_what_was_missing_and_says_it_is_public():
    form = issue_form("angebot-fehlt.yml")
    assert form["name"] == "Angebot fehlt"
    assert_wish_form_names(form, site_yaml())
    by_id = {element.get("id"): element for element in form["body"]}
    assert by_id["suche"]["attributes"]["label"] == "Was haben Sie gesucht und nicht gefunden?"
    assert by_id["suche"]["validations"]["required"] is True
    for key in ("lebensphase", "stadtteil", "seite", "kontakt"):
        assert not by_id[key].get("validations", {}).get("required"), key
        assert not by_id[key]["attributes"].get("multiple"), key
    note = by_id[None]["attributes"]["value"]
    assert "öffentlich" in note and "nur, wenn Sie eine Antwort möchten" in note
    # the parameters of the site's link („Nichts Passendes gefunden?“) fill in these fields on GitHub
    assert {"suche", "lebensphase", "stadtteil", "seite"} <= set(by_id)


def test_wish_form_for_another_town(tmp_path):
    content = copy_fixture(tmp_path / "content")
    result = run_cli("github", "--content", "content", "--ziel", "formulare", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    assert_wish_form_names(yaml.safe_load((tmp_path / "formulare" / "angebot-fehlt.yml").read_text(encoding="utf-8")),
                           site)


def test_blank_issues_are_off_and_forms_carry_labels():
    config = yaml.safe_load((ISSUE_TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    assert issue_form("angebot-vorschlagen.yml")["labels"] == ["angebot"]
    assert issue_form("fehler-melden.yml")["labels"] == ["fehler"]
    assert issue_form("angebot-fehlt.yml")["labels"] == ["wunsch"]


# --- pull request template -------------------------------------------------------------------------------


def test_pull_request_template_is_a_checklist_of_what_partners_forget():
    text = PULL_REQUEST_TEMPLATE.read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", text, re.MULTILINE)
    assert len(items) >= 8
    checklist = "\n".join(items)
    for words in ("`stand`", "`content/site.yaml`", "`kontakt:`", "`alt`", "kurze Sätze", "`beispiel: true`",
                  "einverstanden", "CONTRIBUTING.md"):
        assert words in checklist, words
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert f"„{workflow['name']}“" in checklist


# --- the workflow ---------------------------------------------------------------------------------------


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    (job,) = workflow()["jobs"].values()
    return job["steps"]


def step(name: str) -> dict:
    (found,) = [s for s in steps() if s.get("name") == name]
    return found


def test_workflow_runs_on_pull_requests_in_debian_with_read_only_rights():
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    (job,) = data["jobs"].values()
    assert job["container"] == "python:3.12-bookworm"


def test_workflow_checks_with_annotations_builds_and_runs_the_browser_tests():
    runs = [s.get("run", "") for s in steps()]
    assert any("dev.py site" in run for run in runs)
    check = step("Angaben prüfen")["run"]
    assert "build.py check --format github" in check
    assert "safe.directory" in step("Git im Container erlauben")["run"]
    assert any(re.search(r"build\.py\s*$", run.strip()) for run in runs), "the site is built"
    assert any("dev.py test" in run and "tests/browser" in run.split("--ignore=tests/browser")[-1] for run in runs)
    assert any("dev.py test" in run and "--ignore=tests/browser" in run for run in runs), "the other tests run too"
    upload = [s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"].rstrip("/") == "site"
    names = [s.get("name") for s in steps()]
    assert names.index("Angaben prüfen") < names.index("Katalog bauen") < names.index(
        "Barrierefreiheit im Browser prüfen")


def test_every_action_is_pinned_to_a_major_version():
    for s in steps():
        if "uses" in s:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", s["uses"]), s["uses"]


def test_workflow_counts_warnings_as_errors_only_in_the_files_of_the_pull_request():
    run = step("Angaben prüfen")["run"]
    assert "git diff --name-only --diff-filter=d HEAD^1 HEAD" in run
    assert 'build.py check --format github --strict-for "${changed[@]}"' in run


def check_in_github(tmp_path, *strict_for: str) -> tuple[subprocess.CompletedProcess, str]:
    """check --format github in a copy of the fixture whose krabbelgruppe is overdue for review (a warning)."""
    content = copy_fixture(tmp_path / "content")
    offer = content / "angebote" / "krabbelgruppe.md"
    offer.write_text(re.sub(r"^stand: .*$", "stand: 2024-01-15", offer.read_text(encoding="utf-8"), count=1,
                            flags=re.MULTILINE), encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "check", "--format", "github", "--heute", TODAY.isoformat(),
         "--strict-for", *strict_for], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    return result, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_strict_for_turns_warnings_into_errors_only_in_the_files_named(tmp_path):
    mine, _ = check_in_github(tmp_path / "eigene", "content/angebote/krabbelgruppe.md")
    assert mine.returncode == 1, mine.stderr
    assert mine.stdout.startswith("::error file=content/angebote/krabbelgruppe.md,line=")
    other, _ = check_in_github(tmp_path / "andere", "content/angebote/zeltlager.md")
    assert other.returncode == 0, other.stderr
    assert other.stdout.startswith("::warning file=content/angebote/krabbelgruppe.md,line=")
    nothing, _ = check_in_github(tmp_path / "keine")
    assert nothing.returncode == 0 and nothing.stdout.startswith("::warning ")


def test_the_run_summary_lists_every_message_as_text(tmp_path):
    result, summary = check_in_github(tmp_path, "content/angebote/krabbelgruppe.md")
    assert summary.startswith("## Prüfung der Angaben\n\n1 Fehler in 1 Datei")
    assert "Fehler: content/angebote/krabbelgruppe.md:" in summary and "„Was die Prüfung meldet“" in summary
