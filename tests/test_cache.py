"""The build cache: a cached build writes exactly the bytes a clean build writes, after any edit, and a cache
that cannot be trusted is ignored."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from catalogue import pipeline
from catalogue.problems import format_text
from catalogue.publish import index
from catalogue.publish.cache.fingerprints import program_fingerprint
from catalogue.publish.cache.manifest import MANIFEST, cache_folder
from catalogue.publish.cache.open_data import OPEN_DATA_PARTS
from catalogue.publish.cache.read_files import READ_FILES
from catalogue.publish.index import Indexing, named_by_content

from conftest import FIXTURE, TODAY, tree_bytes
from test_build import byte_unstable, stable_part

EXTRA_OFFERS = 12  # with five entries a page, the lists of offers have several pages


@pytest.fixture
def workspace(tmp_path) -> tuple[Path, Path]:
    """A content folder (the fixture and some more offers, five a page) and a copy of the templates."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    site_yaml = content / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "eintraege_pro_seite: 5\n", encoding="utf-8")
    template = (content / "angebote/zeltlager.md").read_text(encoding="utf-8")
    for number in range(EXTRA_OFFERS):
        (content / f"angebote/angebot-{number:02d}.md").write_text(
            template.replace("Zeltlager im Sommer", f"Angebot Nummer {number:02d}"), encoding="utf-8")
    layouts = tmp_path / "layouts"
    shutil.copytree(pipeline.LAYOUTS_DIR, layouts)
    return content, layouts


def german_offers(content: Path) -> list[Path]:
    return sorted(p for p in (content / "angebote").glob("*.md") if p.name.count(".") == 1)


def replace_line(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, (path, pattern)
    path.write_text(changed, encoding="utf-8")


def edit_text(rng, content, layouts):
    offer = rng.choice(german_offers(content))
    offer.write_text(offer.read_text(encoding="utf-8") + f"\nNeu: Treffen Nummer {rng.randint(1, 999)}.\n",
                     encoding="utf-8")


def edit_lint_findings(rng, content, layouts):  # the check remembers them with the file: they must follow edits
    offer = rng.choice(german_offers(content))
    finding = rng.choice(["Mehr [hier](https://www.example.org).", "Bitte VORHER anmelden.", "# Überschrift"])
    offer.write_text(offer.read_text(encoding="utf-8") + f"\n{finding}\n", encoding="utf-8")


def edit_title(rng, content, layouts):
    replace_line(rng.choice(german_offers(content)), r"^titel: .*$", f"titel: Umbenannt {rng.randint(1, 999)}")


def edit_life_phase(rng, content, layouts):
    offer = rng.choice(german_offers(content))
    current = re.search(r"^lebensphasen: \[(.*)\]$", offer.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    phase = rng.choice([p for p in ("schwangerschaft", "kleinkind", "jugend") if p != current])
    replace_line(offer, r"^lebensphasen: .*$", f"lebensphasen: [{phase}]")


def add_offer(rng, content, layouts):
    number = rng.randint(100, 999)
    source = rng.choice(german_offers(content))
    text = re.sub(r"^titel: .*$", f"titel: Ganz neu {number}", source.read_text(encoding="utf-8"), count=1,
                  flags=re.MULTILINE)
    (content / f"angebote/neu-{number}.md").write_text(text, encoding="utf-8")


def delete_offer(rng, content, layouts):
    candidates = [p for p in german_offers(content) if not list(p.parent.glob(f"{p.stem}.*.md"))]
    rng.choice(candidates).unlink()


def edit_template(rng, content, layouts):
    card = layouts / "components/offer-card/offer-card.html"
    card.write_text(card.read_text(encoding="utf-8").replace(
        '<article class="offer-card">', f'<article class="offer-card" data-version="{rng.randint(1, 999)}">'),
        encoding="utf-8")


def edit_stylesheet(rng, content, layouts):  # a new name for the stylesheet, in every page
    styles = layouts / "components/offer-card/offer-card.css"
    styles.write_text(styles.read_text(encoding="utf-8") + f"\n.offer-card {{ order: {rng.randint(1, 999)}; }}\n",
                      encoding="utf-8")


def edit_script(rng, content, layouts):  # a new name for it and for the scripts that import it
    script = layouts / "scripts/texts.js"
    script.write_text(script.read_text(encoding="utf-8") + f"\n// {rng.randint(1, 999)}\n", encoding="utf-8")


def edit_texts(rng, content, layouts):
    replace_line(layouts / "i18n/de.yaml", r"^offer_free: .*$", f"offer_free: kostenfrei {rng.randint(1, 99)}")


def edit_site_yaml(rng, content, layouts):
    replace_line(content / "site.yaml", r"^  nord: .*$", f"  nord: Nord {rng.randint(1, 999)}")


def edit_provider(rng, content, layouts):
    replace_line(content / "anbieter" / rng.choice(["jugendamt.md", "familienzentrum.md"]), r"^name: .*$",
                 f"name: Umbenannter Träger {rng.randint(1, 999)}")


def edit_free_page(rng, content, layouts):  # its title is in every page's footer
    replace_line(content / "seiten/impressum.md", r"^titel: .*$", f"titel: Impressum {rng.randint(1, 999)}")


def edit_statement_text(rng, content, layouts):  # not a page of its own: added to the accessibility statement
    statement = content / "seiten/barrierefreiheit.md"
    statement.write_text(statement.read_text(encoding="utf-8") + f"\nNeu geprüft: {rng.randint(1, 999)}.\n",
                         encoding="utf-8")


def edit_translation(rng, content, layouts):
    translations = sorted((content / "angebote").glob("*.*.md"))
    if not translations:
        return
    translation = rng.choice(translations)
    translation.write_text(translation.read_text(encoding="utf-8") + f"\n{rng.randint(1, 999)}.\n", encoding="utf-8")


def add_translation(rng, content, layouts):
    offer = rng.choice(german_offers(content))
    (content / f"angebote/{offer.stem}.en.md").write_text(
        f"---\ntitel: Translated {rng.randint(1, 999)}\nkurz: A summary in English, long enough for lists.\n---\n"
        "What we do together.\n", encoding="utf-8")


def delete_translation(rng, content, layouts):
    translations = sorted((content / "angebote").glob("*.*.md"))
    if translations:
        rng.choice(translations).unlink()


def edit_image(rng, content, layouts):
    shutil.copyfile(rng.choice(sorted((layouts / "icons").glob("*.png"))), content / "bilder/krabbeln.png")


def edit_valid_until(rng, content, layouts):  # to a later day, or one past: the offer is no longer published
    offer = rng.choice(german_offers(content))
    line = f"gueltig_bis: {rng.choice(['2020-01-01', f'2027-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}'])}"
    if "\ngueltig_bis:" in offer.read_text(encoding="utf-8"):
        replace_line(offer, r"^gueltig_bis: .*$", line)
    else:
        replace_line(offer, r"^(stand: .*)$", f"\\1\n{line}")


def edit_synonyms(rng, content, layouts):
    replace_line(content / "site.yaml", r"^  - \[Baby, (.*)\]$", f"  - [Baby, \\1, Wort{rng.randint(1, 999)}]")


def move_to_other_provider(rng, content, layouts):
    offer = rng.choice(german_offers(content))
    provider = re.search(r"^anbieter: (.*)$", offer.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    replace_line(offer, r"^anbieter: .*$", "anbieter: " + ("familienzentrum" if provider == "jugendamt" else "jugendamt"))


EDITS = [edit_text, edit_lint_findings, edit_title, edit_life_phase, add_offer, delete_offer, edit_template,
         edit_stylesheet, edit_script, edit_texts, edit_site_yaml, edit_provider, edit_free_page, edit_statement_text,
         edit_translation, add_translation, delete_translation, edit_image, edit_valid_until, edit_synonyms,
         move_to_other_provider]


def messages(result) -> list[str]:
    return [format_text(problem) for problem in result.problems.sorted()]


def assert_same_as_clean_build(content, layouts, cached: Path, clean: Path, cached_result=None,
                               compressed_copies: bool = False, today: date = TODAY) -> None:
    shutil.rmtree(clean, ignore_errors=True)
    clean_result = pipeline.build(content, clean, today, layouts_dir=layouts, compressed_copies=compressed_copies)
    assert clean_result.ok
    if cached_result is not None:  # the same messages, also for files the cache did not read again
        assert messages(cached_result) == messages(clean_result)
    made, expected = stable_part(tree_bytes(cached)), stable_part(tree_bytes(clean))
    assert sorted(made) == sorted(expected), "the same files"
    different = [name for name in expected if made[name] != expected[name]]
    assert not different, different[:10]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_random_edits_a_cached_build_writes_what_a_clean_build_writes(workspace, tmp_path, seed):
    content, layouts = workspace
    rng = random.Random(seed)
    site, cache = tmp_path / "site", tmp_path / "cache"
    compressed = seed != 1  # with compressed copies, as the command line builds, and once without
    first = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache, compressed_copies=compressed)
    assert first.ok and first.pages_rendered == first.pages_written
    edits = rng.sample(EDITS, len(EDITS)) + rng.choices(EDITS, k=4)
    for edit in edits:
        edit(rng, content, layouts)
        result = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache, compressed_copies=compressed)
        assert result.ok, edit.__name__
        assert_same_as_clean_build(content, layouts, site, tmp_path / "clean", result, compressed)
    # the next day: what depends on the date (offers due for review, the gap report) is made again
    tomorrow = TODAY + timedelta(days=1)
    result = pipeline.build(content, site, tomorrow, layouts_dir=layouts, cache=cache, compressed_copies=compressed)
    assert result.ok
    assert_same_as_clean_build(content, layouts, site, tmp_path / "clean", result, compressed, tomorrow)


def test_changing_one_offer_renders_only_its_pages_and_the_lists_it_is_on(workspace, tmp_path):
    content, layouts = workspace
    site, cache = tmp_path / "site", tmp_path / "cache"
    pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    unchanged = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    always = unchanged.pages_rendered  # the pages about the whole catalogue: home, search, browsing overviews
    assert 0 < always < unchanged.pages_written / 2
    fragments = {path.name: path.stat().st_ino for path in (site / "pagefind/fragment").iterdir()}
    offer_files = inodes_of_offer_open_data(site)
    zeltlager = content / "angebote/zeltlager.md"
    zeltlager.write_text(zeltlager.read_text(encoding="utf-8") + "\nNeu: ein Elternabend.\n", encoding="utf-8")
    offer = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    # in six languages: its page, the page of each list it is on (jugend, begegnung, nord, mitte), its provider's
    assert offer.pages_rendered - always == 6 * (1 + 4 + 1)
    # Pagefind's fragments of the other offers (named by their content) are left in place, not moved again
    kept = {path.name: path.stat().st_ino for path in (site / "pagefind/fragment").iterdir()}
    assert len(kept.keys() - fragments.keys()) == 1
    assert all(kept[name] == fragments[name] for name in kept.keys() & fragments.keys())
    # so are the other offers' own open data files (HSDS record, calendar); its own is written again
    after = inodes_of_offer_open_data(site)
    assert after.keys() == offer_files.keys() and "angebote/krabbelgruppe/termine.ics" in after
    assert {path for path in after if after[path] != offer_files[path]} == {"daten/hsds/services/zeltlager.json"}
    assert_same_as_clean_build(content, layouts, site, tmp_path / "clean")
    edit_site_yaml(random.Random(0), content, layouts)
    assert pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache).pages_rendered == \
        unchanged.pages_written


def inodes_of_offer_open_data(site: Path) -> dict[str, int]:
    files = [*(site / "daten/hsds/services").iterdir(), *(site / "angebote").glob("*/termine.ics")]
    assert len(files) > 10
    return {path.relative_to(site).as_posix(): path.stat().st_ino for path in files}


def test_pagefind_builds_on_the_last_index_and_keeps_only_the_files_it_uses(workspace, tmp_path):
    content, layouts = workspace
    previous, site = tmp_path / "previous", tmp_path / "site"
    assert pipeline.build(content, previous, TODAY, layouts_dir=layouts).ok
    unused = previous / "pagefind/fragment/de_0000000.pf_fragment"  # named by content, but no page's
    unused.write_bytes(b"")
    searchable = {path.relative_to(previous).as_posix(): str(path) for path in previous.rglob("*.html")
                  if "data-pagefind-body" in path.read_text(encoding="utf-8")}
    indexing = Indexing(searchable, site, previous)
    indexing.finish()

    def bundle(folder: Path) -> dict[str, int]:
        return {path.relative_to(folder).as_posix(): path.stat().st_ino
                for path in (folder / "pagefind").rglob("*") if path.is_file()}

    before, after = bundle(previous), bundle(site)
    named = {path for path in after if named_by_content(path) and not byte_unstable(path)}
    assert len(named) > 10
    # the same pages: Pagefind wrote none of the files named by their content, it used those lent to it
    assert [path for path in named if after[path] != before.get(path)] == []
    assert "pagefind/fragment/de_0000000.pf_fragment" not in after and unused.is_file()
    assert {path for path in after if not byte_unstable(path)} == \
        {path for path in before if not byte_unstable(path)} - {"pagefind/fragment/de_0000000.pf_fragment"}
    # those Pagefind writes anew each time (the metadata, the filters) are not kept twice
    assert len(after) == len(before) - 1


def test_an_index_the_build_cannot_read_fails_it_with_what_to_do(workspace, tmp_path, monkeypatch):
    content, layouts = workspace
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache).ok
    before = tree_bytes(site)
    # as if another version of Pagefind wrote its metadata in another format
    monkeypatch.setattr(index, "SIGNATURE", b"pagefind_xyz")
    with pytest.raises(index.IndexFailed, match="--no-cache"):
        pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    assert tree_bytes(site) == before


def test_a_corrupt_foreign_or_half_written_cache_is_ignored(workspace, tmp_path):
    content, layouts = workspace
    site, cache = tmp_path / "site", tmp_path / "cache"
    built = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    manifest = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
    spoilt = {
        "kaputt": "{nicht json",
        "fremd": json.dumps({**manifest, "output": str(tmp_path / "anderswo")}),
        "altes Format": json.dumps({**manifest, "format": -1}),
        "falsche Typen": json.dumps({**manifest, "pages": {"index.html": "x"}}),
        # a record that names files outside the output: the build would delete them
        "außerhalb": json.dumps({**manifest, "files": [*manifest["files"], "../content/site.yaml"]}),
        "absolut": json.dumps({**manifest, "files": [*manifest["files"], str(tmp_path / "content/site.yaml")]}),
    }
    for name, text in spoilt.items():
        (cache / MANIFEST).write_text(text, encoding="utf-8")
        result = pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
        assert result.ok and result.pages_rendered == built.pages_written, name
        assert (content / "site.yaml").is_file()
        assert_same_as_clean_build(content, layouts, site, tmp_path / "clean")
    # each offer's part of the open data in a wrong shape (a record that is a number, events without text)
    parts_file = cache / OPEN_DATA_PARTS
    parts = json.loads(parts_file.read_text(encoding="utf-8"))
    parts["parts"] = {"hsds": {key: 5 for key in parts["parts"]["hsds"]},
                      "ical": {key: [None, 3, "ja"] for key in parts["parts"]["ical"]}}
    parts_file.write_text(json.dumps(parts), encoding="utf-8")
    pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    assert_same_as_clean_build(content, layouts, site, tmp_path / "clean")
    # a page changed in the output since (by hand, or a build stopped half way): made again, not trusted
    page = site / "angebote/krabbelgruppe/index.html"
    page.write_text("verändert", encoding="utf-8")
    os.utime(page, ns=(1, 1))
    pipeline.build(content, site, TODAY, layouts_dir=layouts, cache=cache)
    assert "verändert" not in page.read_text(encoding="utf-8")
    assert_same_as_clean_build(content, layouts, site, tmp_path / "clean")


def test_the_command_line_keeps_its_cache_beside_the_output(tmp_path):
    assert cache_folder(tmp_path / "site") == tmp_path / ".site-cache"


def test_check_remembers_files_read_and_reports_the_same_problems(workspace, tmp_path):
    content, _ = workspace
    cache = tmp_path / "cache"
    broken = content / "angebote/angebot-00.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("anbieter: jugendamt", "anbieter: [jugendamt"),
                      encoding="utf-8")
    numbered = content / "angebote/angebot-01.md"  # a key that is a number: JSON cannot keep it, read every time
    numbered.write_text(numbered.read_text(encoding="utf-8").replace("stand:", "1: eins\nstand:"), encoding="utf-8")
    clean = messages(pipeline.check(content, TODAY))
    assert any("angebot-00.md:4" in m for m in clean) and any("angebot-01.md" in m for m in clean)
    for _ in range(2):  # the first fills the cache, the second reads from it
        assert messages(pipeline.check(content, TODAY, cache=cache)) == clean
    remembered = json.loads((cache / READ_FILES).read_text(encoding="utf-8"))["files"]
    assert str(broken) in remembered and str(numbered) not in remembered
    record = json.loads((cache / READ_FILES).read_text(encoding="utf-8"))
    for entry in remembered.values():  # as another version of the program would have read them: not used
        entry["problems"] = [[1, "", "eine alte Meldung", "", "error"]]
    (cache / READ_FILES).write_text(json.dumps({**record, "files": remembered, "program": "eine andere Version"}),
                                    encoding="utf-8")
    assert messages(pipeline.check(content, TODAY, cache=cache)) == clean
    broken.write_text(broken.read_text(encoding="utf-8").replace("anbieter: [jugendamt", "anbieter: jugendamt"),
                      encoding="utf-8")
    assert not any("angebot-00.md" in m for m in messages(pipeline.check(content, TODAY, cache=cache)))
    sha = remembered[str(numbered.parent / "angebot-02.md")]["sha256"]
    for spoilt in ({"x": 1}, {str(numbered.parent / "angebot-02.md"): 1},
                   {str(numbered.parent / "angebot-02.md"): {"sha256": sha, "problems": [[1]], "source": 2}}):
        (cache / READ_FILES).write_text(json.dumps({"format": 1, "program": program_fingerprint(), "files": spoilt}),
                                        encoding="utf-8")  # ignored
        assert messages(pipeline.check(content, TODAY, cache=cache)) == messages(pipeline.check(content, TODAY))
    assert messages(pipeline.check(content, TODAY, cache=cache)) == messages(pipeline.check(content, TODAY))
