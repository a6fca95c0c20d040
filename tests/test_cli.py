"""The command line as partners and CI use it: exit codes, messages, annotations, nothing written by `check`."""

from __future__ import annotations

import re

from conftest import REPO, copy_fixture, run_cli, tree_bytes


def break_offer(root):
    offer = root / "angebote/krabbelgruppe.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("stadtteile: [lintorf]", "stadteile: [lintorf]"),
                     encoding="utf-8")


def test_check_of_a_valid_folder(tmp_path):
    content = copy_fixture(tmp_path / "content")
    result = run_cli("check", "--content", str(content), "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Geprüft: 3 Angebote, 2 Anbieter, 2 freie Seiten, 4 Übersetzungen. Keine Fehler" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]  # check writes nothing


def test_check_reports_file_line_and_key_in_german_without_traceback(tmp_path):
    content = copy_fixture(tmp_path / "content")
    break_offer(content)
    result = run_cli("check", "--content", "content", "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "Fehler: content/angebote/krabbelgruppe.md:10 (Zeile 10), Angabe „stadteile“" in output
    assert "Meinten Sie „stadtteile“?" in output
    assert "So beheben Sie es:" in output
    assert "1 Fehler in 1 Datei" in output  # the misspelling only: not also „stadtteile“ as missing


def test_github_annotations(tmp_path):
    content = copy_fixture(tmp_path / "content")
    break_offer(content)
    result = run_cli("check", "--content", "content", "--format", "github", "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(lines) == 1
    assert re.fullmatch(r"::error file=content/angebote/krabbelgruppe\.md,line=10,title=Angabe „stadteile“::"
                        r"Die Angabe „stadteile“ gibt es hier nicht\. Meinten Sie „stadtteile“\?%0ASo beheben Sie es: .*",
                        lines[0]), lines[0]
    notices = [line for line in result.stdout.splitlines() if line.startswith("::notice")]
    assert any("file=content/seiten/datenschutz.md" in line for line in notices)


def test_strict_turns_warnings_into_errors(tmp_path):
    content = copy_fixture(tmp_path / "content")
    later = ["--content", "content", "--heute", "2027-09-01"]  # the Zeltlager offer has expired by then
    assert run_cli("check", *later, cwd=tmp_path).returncode == 0
    strict = run_cli("check", "--strict", "--format", "github", *later, cwd=tmp_path)
    assert strict.returncode == 1
    assert "::error file=content/angebote/zeltlager.md,line=10,title=Angabe „gueltig_bis“::" in strict.stdout


def test_build_with_default_folders(tmp_path):
    copy_fixture(tmp_path / "content")
    result = run_cli("--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/angebote/krabbelgruppe/index.html").is_file()
    assert re.search(r"Fertig: 3 Angebote, 2 Anbieter, .*; \d+ Seiten nach site geschrieben; 0 Warnungen; [0-9,]+ s\.",
                     result.stderr), result.stderr


def test_build_with_errors_exits_1_and_keeps_the_last_good_site(tmp_path):
    content = copy_fixture(tmp_path / "content")
    assert run_cli("--heute", "2026-11-22", cwd=tmp_path).returncode == 0
    before = tree_bytes(tmp_path / "site")
    break_offer(content)
    result = run_cli("--content", "content", "--output", "site", "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 1
    assert "Es wurde nichts geschrieben; site ist unverändert." in result.stderr
    assert tree_bytes(tmp_path / "site") == before


def test_usage_errors_exit_2(tmp_path):
    missing = run_cli("--content", "gibt-es-nicht", cwd=tmp_path)
    assert missing.returncode == 2 and "Inhaltsordner" in missing.stderr
    unknown = run_cli("--schnell", cwd=tmp_path)
    assert unknown.returncode == 2 and "Fehler beim Aufruf" in unknown.stderr
    bad_day = run_cli("check", "--heute", "morgen", cwd=tmp_path)
    assert bad_day.returncode == 2 and "JJJJ-MM-TT" in bad_day.stderr


def test_refuses_to_replace_a_folder_it_did_not_build(tmp_path):
    copy_fixture(tmp_path / "content")
    foreign = tmp_path / "fremd"
    foreign.mkdir()
    (foreign / "wichtig.txt").write_text("bitte nicht löschen", encoding="utf-8")
    result = run_cli("--output", "fremd", cwd=tmp_path)
    assert result.returncode == 2 and "nicht von diesem Programm" in result.stderr
    assert (foreign / "wichtig.txt").read_text(encoding="utf-8") == "bitte nicht löschen"
    inside = run_cli("--output", "content/site", cwd=tmp_path)
    assert inside.returncode == 2


def test_raw_html_is_rejected_with_the_markdown_way(tmp_path):
    content = copy_fixture(tmp_path / "content")
    offer = content / "angebote/krabbelgruppe.md"
    offer.write_text(offer.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n', encoding="utf-8")
    result = run_cli("--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 1 and not (tmp_path / "site").exists()
    assert "content/angebote/krabbelgruppe.md:34" in result.stderr and "HTML (<script>)" in result.stderr
    assert result.stderr.count("krabbelgruppe.md:34") == 1


def test_hostile_markdown_never_reaches_a_page_as_markup(tmp_path):
    content = copy_fixture(tmp_path / "content")
    offer = content / "angebote/krabbelgruppe.md"
    offer.write_text(offer.read_text(encoding="utf-8") +
                     "\n[Programm ansehen](javascript:alert(1)) und ![Ein Ball](data:image/png;base64,AAAA)\n",
                     encoding="utf-8")
    assert run_cli("--heute", "2026-11-22", cwd=tmp_path).returncode == 0
    html = (tmp_path / "site/angebote/krabbelgruppe/index.html").read_text(encoding="utf-8")
    assert "javascript:" not in html and "data:image" not in html
    assert "Programm ansehen" in html


def test_translation_files_are_checked_and_counted(tmp_path):
    content = copy_fixture(tmp_path / "content")
    (content / "angebote/krabbelgruppe.en.md").rename(content / "angebote/gibtsnicht.en.md")
    result = run_cli("check", "--content", "content", "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 1
    assert "content/angebote/gibtsnicht.en.md:1" in result.stderr
    assert "keine deutsche Fassung angebote/gibtsnicht.md" in result.stderr


def test_progress_only_after_a_couple_of_seconds():
    import io
    from catalogue.commands.cli import TerminalProgress
    quiet, shown = io.StringIO(), io.StringIO()
    TerminalProgress(quiet)("Seiten schreiben", 5, 10)
    TerminalProgress(shown, after_seconds=0)("Seiten schreiben", 5, 10)
    assert quiet.getvalue() == ""
    assert "Seiten schreiben: 5 von 10" in shown.getvalue()


def test_new_writes_a_commented_template_that_check_guides_through(tmp_path):
    content = copy_fixture(tmp_path / "content")
    result = run_cli("new", "schwimmen-lernen", "--heute", "2026-11-22", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    new = content / "angebote/schwimmen-lernen.md"
    text = new.read_text(encoding="utf-8")
    schema = text.splitlines()[1].removeprefix("# yaml-language-server: $schema=")
    assert (new.parent / schema).resolve() == (REPO / "catalogue/schemas/angebot.schema.json").resolve()
    assert "stand: 2026-11-22" in text
    check = run_cli("check", "--heute", "2026-11-22", cwd=tmp_path)
    assert check.returncode == 1
    for line, key in ((8, "titel"), (9, "kurz"), (10, "anbieter"), (11, "themen"), (12, "lebensphasen"),
                      (13, "stadtteile")):
        assert f"schwimmen-lernen.md:{line} (Zeile {line}), Angabe „{key}“" in check.stderr, key
    filled = (text.replace("titel:   ", "titel: Schwimmen lernen", 1)
              .replace("kurz:    ", "kurz: Kinder lernen in kleinen Gruppen schwimmen.", 1)
              .replace("anbieter:    ", "anbieter: jugendamt", 1)
              .replace("themen: []", "themen: [begegnung]").replace("lebensphasen: []", "lebensphasen: [jugend]")
              .replace("stadtteile: []", "stadtteile: [nord]"))
    new.write_text(filled, encoding="utf-8")
    assert run_cli("check", "--strict", "--heute", "2026-11-22", cwd=tmp_path).returncode == 0


def test_new_refuses_an_existing_or_malformed_id(tmp_path):
    copy_fixture(tmp_path / "content")
    existing = run_cli("new", "krabbelgruppe", cwd=tmp_path)
    assert existing.returncode == 2 and "gibt es schon" in existing.stderr
    malformed = run_cli("new", "Schwimmen Lernen", cwd=tmp_path)
    assert malformed.returncode == 2 and "Kleinbuchstaben" in malformed.stderr
    assert sorted(p.name for p in (tmp_path / "content/angebote").iterdir()) == [
        "aerztliche-beratung.md", "krabbelgruppe.ar.md", "krabbelgruppe.en.md", "krabbelgruppe.fa.md",
            "krabbelgruppe.ls.md", "krabbelgruppe.md", "zeltlager.md"]


COMMAND_OPTIONS = {"build": ["--output", "--no-pdf", "--compress", "--no-cache", "--strict", "--format"],
                   "check": ["--strict", "--strict-for", "--format"], "report": ["--strict", "--pdf"], "new": ["KENNUNG"],
                   "serve": ["--output", "--pdf", "--port"], "github": ["--ziel"], "changes": ["--since"]}
EVERY_OPTION = {option for options in COMMAND_OPTIONS.values() for option in options if option.startswith("--")}


def test_each_command_has_its_own_help_in_german():
    top = run_cli("--help")
    assert top.returncode == 0 and top.stdout.startswith("Aufruf: python build.py")
    for command in COMMAND_OPTIONS:
        assert f"    {command} " in top.stdout, command
    for command, options in COMMAND_OPTIONS.items():
        result = run_cli(command, "--help")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"Aufruf: python build.py {command} "), result.stdout
        assert "--content" in result.stdout and "--heute" in result.stdout  # every command has them
        for option in options:
            assert option in result.stdout, (command, option)
        for option in EVERY_OPTION - set(options):
            assert f"{option} " not in result.stdout and f"{option}\n" not in result.stdout, (command, option)
        assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_an_option_of_another_command_names_the_command_it_belongs_to(tmp_path):
    copy_fixture(tmp_path / "content")
    result = run_cli("check", "--pdf", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "„--pdf“ gibt es bei „check“ nicht, nur bei: report, serve." in result.stderr
    assert "Hilfe: python build.py check --help" in result.stderr
    since = run_cli("check", "--since", "HEAD^1", cwd=tmp_path)
    assert since.returncode == 2 and "nur bei: changes" in since.stderr
    ziel = run_cli("--ziel", "formulare", cwd=tmp_path)  # no command: build, which has no --ziel
    assert ziel.returncode == 2 and "„--ziel“ gibt es bei „build“ nicht, nur bei: github." in ziel.stderr
    before = run_cli("--strict", "check", cwd=tmp_path)  # only --content and --heute may stand before the command
    assert before.returncode == 2 and "„--strict“ gehört hinter den Befehl: python build.py check --strict" in (
        before.stderr)
    command = run_cli("bauen", cwd=tmp_path)
    assert command.returncode == 2 and "„bauen“ ist kein Befehl; es gibt: build, check, report" in command.stderr


def test_the_old_spellings_still_work():
    """As the workflows, dev.py and the docs call build.py: each parses to the same command and options."""
    from pathlib import Path

    from catalogue.commands.arguments import parse
    build = parse(["--no-pdf", "--output", "X", "--content", "Y"])
    assert (build.command, build.no_pdf, build.output, build.content) == ("build", True, Path("X"), Path("Y"))
    assert parse([]).command == "build" and parse([]).content == Path("content")
    check = parse(["check", "--format", "github", "--strict-for", "a", "b"])
    assert (check.command, check.format, check.strict_for) == ("check", "github", [Path("a"), Path("b")])
    assert parse(["changes", "--since", "HEAD^1"]).since == "HEAD^1"
    assert parse(["github", "--ziel", "DIR"]).ziel == Path("DIR")
    serve = parse(["serve", "--port", "8001", "--pdf"])
    assert (serve.command, serve.port, serve.pdf, serve.output) == ("serve", 8001, True, Path("site"))
    assert parse(["new", "kennung-neu"]).id == "kennung-neu"
    assert parse(["report"]).command == "report"
    before = parse(["--content", "check", "--heute", "2026-11-22", "check", "--strict"])  # shared options first
    assert (before.command, before.content, before.heute.isoformat(), before.strict) == (
        "check", Path("check"), "2026-11-22", True)
    after = parse(["--content", "A", "check", "--content", "B"])
    assert after.content == Path("B")


def test_without_the_virtual_environment_build_py_says_in_german_what_to_do(tmp_path):
    """As `python3 build.py --compress` outside .venv: a dependency cannot be imported (here made so for jinja2,
    whichever Python runs the tests). Exit 2, no traceback, the way to start it named."""
    import subprocess
    import sys
    start = ("import runpy, sys; sys.modules['jinja2'] = None; sys.argv = ['build.py', '--compress']; "
             f"runpy.run_path({str(REPO / 'build.py')!r}, run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", start], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "ModuleNotFoundError" not in result.stderr
    assert result.stderr == (
        "Fehler: Es fehlen Programmteile (jinja2). Starten Sie den Katalog mit python3 dev.py site (legt .venv an und "
        "installiert alles), z. B. python3 dev.py site --compress, oder aktivieren Sie die virtuelle Umgebung: "
        "source .venv/bin/activate\n")
    assert (REPO / "build.py").read_text(encoding="utf-8").count("\n") < 15  # build.py stays thin
