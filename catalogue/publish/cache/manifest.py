"""The build cache: what the last build wrote and read, so that the next one does only what changed.

It lives beside the output folder (`.site-cache/` for `site/`, ignored by git) and holds

- the record of the pages (manifest.json): for every page that shows one offer, one list or one provider, and
  for each offer's own open data files (its HSDS record, its calendar), the fingerprint of everything it is
  made of, and the size and modification time of the file written for it. A page or file is reused only when
  both still match; everything else the build writes (the open data of the whole catalogue, the search index,
  the pages about the whole catalogue) is made again;
- the content files as read and linted (gelesen.json): a file whose bytes are the same is not parsed or
  linted again;
- each offer's part of the open data (offene-daten.json): its HSDS record and calendar events;
- Jinja's compiled templates (vorlagen/, one folder for each version of the program and its libraries).

So a cached build writes exactly the bytes a clean build writes (tests/test_cache.py checks this after random
edits). The fingerprint of the build covers the program and its templates, `site.yaml`, the free pages, the
images, the PDFs' sizes and the day the build is for: when any of them changes, every page is made again. A
page's own fingerprint adds what it shows: an offer (its German file and translations, as read), its
provider, a list of offers. A record in another format, for another output folder, unreadable, half written
or naming files outside the output is ignored, and the build is a clean one.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from catalogue.check.lint import Linter, lint
from catalogue.model.catalogue import Catalogue, Offer, OfferVersion, Provider
from catalogue.problems import ContentProblem
from catalogue.read.files import SourceFile, read_markdown_file

FORMAT = 1
MANIFEST = "manifest.json"
COMPILED_TEMPLATES = "vorlagen"  # Jinja's compiled templates; Jinja checks each against its source
READ_FILES = "gelesen.json"
OPEN_DATA_PARTS = "offene-daten.json"
PROGRAM_DIR = Path(__file__).resolve().parents[2]  # the whole catalogue package


def cache_folder(output: Path) -> Path:
    """Beside the output folder, so that two output folders never share (and spoil) one cache."""
    output = output.resolve()
    return output.parent / f".{output.name}-cache"


@dataclass
class Manifest:
    build: str  # the fingerprint of the build
    pages: dict[str, tuple[str, int, int]]  # path in the output → (fingerprint, size, mtime_ns) when written
    files: set[str]  # every other file in the output: what the next build no longer writes is deleted

    def reusable(self, path: str, fingerprint: str, output: Path) -> bool:
        recorded = self.pages.get(path)
        if recorded is None or recorded[0] != fingerprint:
            return False
        try:
            written = os.stat(f"{output}/{path}")  # (a Path for each of 90,000 files takes seconds)
        except OSError:
            return False
        return (written.st_size, written.st_mtime_ns) == (recorded[1], recorded[2])


# The record this process saved last, by cache folder: the live preview builds again and again, and reading the
# record back takes a fifth of a second at 1,000 offers. Trusted only while the file is the one written.
_saved: dict[Path, tuple[tuple, str, Manifest]] = {}


def _file_state(file: Path) -> tuple:
    status = file.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


def load(cache: Path, output: Path) -> Manifest | None:
    """The record of the last build into `output`, if there is one that can be read. Whether its pages can be
    reused depends on the new build's fingerprint (Manifest.build)."""
    remembered = _saved.get(cache.resolve())
    try:
        if remembered and remembered[:2] == (_file_state(cache / MANIFEST), str(output.resolve())):
            manifest = remembered[2]
            return Manifest(manifest.build, dict(manifest.pages), set(manifest.files))
        data = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["output"] != str(output.resolve()) or not isinstance(data["build"], str):
            return None
        pages = {path: (str(entry[0]), int(entry[1]), int(entry[2])) for path, entry in data["pages"].items()}
        files = {str(path) for path in data["files"]}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    if not all(map(_inside_output, [*pages, *files])):  # the build deletes what the record names
        return None
    return Manifest(data["build"], pages, files)


def _inside_output(path: str) -> bool:
    parts = path.split("/")
    return "" not in parts and ".." not in parts and "\\" not in path and "\0" not in path


def forget(cache: Path) -> None:
    """Before the output changes: if the build stops half way, the next one must not trust the old record."""
    (cache / MANIFEST).unlink(missing_ok=True)


def save(cache: Path, output: Path, manifest: Manifest) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, "output": str(output.resolve()), "build": manifest.build,
            "pages": {path: list(entry) for path, entry in sorted(manifest.pages.items())},
            "files": sorted(manifest.files)}
    partial = cache / (MANIFEST + ".neu")
    partial.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, cache / MANIFEST)
    _saved[cache.resolve()] = (_file_state(cache / MANIFEST), data["output"],
                               Manifest(manifest.build, dict(manifest.pages), set(manifest.files)))


def record(output: Path, fingerprints: dict[str, str], manifest: Manifest) -> None:
    """Notes the pages just written to `output` (path → fingerprint) in the manifest."""
    for path, fingerprint in fingerprints.items():
        written = os.stat(f"{output}/{path}")
        manifest.pages[path] = (fingerprint, written.st_size, written.st_mtime_ns)


@functools.lru_cache(maxsize=None)
def program_fingerprint() -> str:
    """This program and every library it may use, by version (a new Markdown or nh3 may write other HTML)."""
    digest = hashlib.sha256(sys.version.encode())
    _add_folder(digest, PROGRAM_DIR)
    # parsed once each (distribution.version parses it again): 40 ms of every check in a new process
    metadata = (distribution.metadata for distribution in importlib.metadata.distributions())
    for name, version in sorted((fields["Name"] or "", fields["Version"]) for fields in metadata):
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()


def build_fingerprint(catalogue: Catalogue, layouts_dir: Path, interface_languages: list[str], downloads,
                      compressed_copies: bool) -> str:
    """Everything every page may show, and whether it has compressed copies: when it changes, no page is
    reused."""
    digest = hashlib.sha256(f"{program_fingerprint()} {compressed_copies}".encode())
    _add_folder(digest, layouts_dir)
    digest.update(_stable([catalogue.site, catalogue.pages, sorted(catalogue.media), catalogue.today,
                           interface_languages, downloads.catalogue, downloads.phases]).encode())
    return digest.hexdigest()


def _add_folder(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def compiled_templates(cache: Path) -> Path:
    """Jinja's compiled templates, in a folder for this version of the program and its libraries (Jinja checks
    each against the template's source, but not against its own version); those of other versions go."""
    folder = cache / COMPILED_TEMPLATES / program_fingerprint()[:16]
    for other in (cache / COMPILED_TEMPLATES).glob("*"):
        if other != folder:
            shutil.rmtree(other, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PageFingerprints:
    """The fingerprint of each page: the build's, the page's place and template, and what its context holds.
    Offers and providers are serialised once each, however many pages show them."""

    def __init__(self, build: str, catalogue: Catalogue):
        self.build = build
        self.providers = {p.id: p for p in catalogue.providers}
        self._offers: dict[int, str] = {}
        self._provider_fields: dict[str, str] = {}

    def of(self, page) -> str:
        context = {name: self._value(value) for name, value in sorted(page.context.items())}
        version = page.context.get("version")
        if isinstance(version, OfferVersion):  # the offer page shows its provider
            context["provider"] = self._provider(self.providers[version.offer.provider_id])
        parts = [self.build, page.path, page.template, page.language, page.canonical, page.searchable,
                 [(link.code, link.url_path) for link in page.languages], context]
        return hashlib.sha256(_stable(parts).encode()).hexdigest()

    def _value(self, value):
        if isinstance(value, Offer):
            return self._offer(value)
        if isinstance(value, OfferVersion):
            return [self._offer(value.offer), value.language]
        if isinstance(value, Provider):
            return [self._provider(value), [self._offer(offer) for offer in value.offers]]
        if isinstance(value, (list, tuple)):
            return [self._value(item) for item in value]
        if dataclasses.is_dataclass(value):
            return {f.name: self._value(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return value

    def of_offer_file(self, path: str, offer: Offer) -> str:
        """The fingerprint of a file of the open data that holds one offer's part alone (its HSDS record, its
        calendar): made of the offer and its provider only, as the part is (OpenDataParts)."""
        return hashlib.sha256(_stable([self.build, path, self.with_provider(offer)]).encode()).hexdigest()

    def with_provider(self, offer: Offer) -> str:
        """What an offer's part of the open data is made of: the offer and its provider."""
        return self._offer(offer) + self._provider(self.providers[offer.provider_id])

    def _offer(self, offer: Offer) -> str:
        key = id(offer)  # the catalogue keeps every offer alive for the whole build
        if key not in self._offers:
            self._offers[key] = hashlib.sha256(_stable(offer).encode()).hexdigest()
        return self._offers[key]

    def _provider(self, provider: Provider) -> str:
        if provider.id not in self._provider_fields:
            fields = {f.name: getattr(provider, f.name) for f in dataclasses.fields(provider) if f.name != "offers"}
            self._provider_fields[provider.id] = hashlib.sha256(_stable(fields).encode()).hexdigest()
        return self._provider_fields[provider.id]


def _stable(value) -> str:
    """JSON that is the same for the same value in every run: no sets (their order changes from run to run)."""
    return json.dumps(value, default=_plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, (set, frozenset)):
        raise TypeError("a set has no stable order: the cache cannot fingerprint it")
    raise TypeError(f"the cache cannot fingerprint {type(value).__name__}")


class ReadFiles:
    """The Markdown files of the content as read by the last check: a file whose bytes are the same is not parsed
    or linted again (its front matter, text, reading problems and lint.lint's findings are taken from here). Keyed
    by the file's SHA-256, so an edit is always seen; what JSON cannot hold exactly (a key that is a number) is
    simply read every time."""

    def __init__(self, cache: Path):
        self.file = cache / READ_FILES
        self.previous: dict[str, dict] = {}
        self.current: dict[str, dict] = {}
        self.learned = False  # whether a file was read or linted that `previous` does not hold
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            # another version of the program may read a file differently, or word its messages otherwise
            if data["format"] == FORMAT and data["program"] == program_fingerprint() and isinstance(data["files"], dict):
                self.previous = data["files"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def read_markdown(self, path: Path) -> tuple[SourceFile | None, list[ContentProblem], Linter]:
        """As validate.read_markdown_to_lint: the file, the problems of reading it, and what lints it."""
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            source, problems = read_markdown_file(path)  # it says why in German
            return source, problems, functools.partial(lint, source)
        key = str(path)
        entry = self.previous.get(key)
        if isinstance(entry, dict) and entry.get("sha256") == digest:
            try:
                source, problems = _source_from(path, entry)
                self.current[key] = entry
                return source, problems, functools.partial(self._lint, key, source)
            except (KeyError, TypeError, ValueError):
                pass
        source, problems = read_markdown_file(path)
        entry = _entry(digest, source, problems)
        if entry is not None:
            self.current[key] = entry
            self.learned = True
        return source, problems, functools.partial(self._lint, key, source)

    def _lint(self, key: str, source: SourceFile, has_contact_fields: bool = False) -> list[ContentProblem]:
        """lint.lint's findings for the file read as `key`, remembered with it for each has_contact_fields."""
        entry = self.current.get(key)
        if entry is None:  # JSON cannot hold the file
            return lint(source, has_contact_fields)
        remembered = entry.get("lint")
        if not isinstance(remembered, dict):
            remembered = entry["lint"] = {}
        flag = str(has_contact_fields)
        try:
            return _problems_from(source.path, remembered[flag])
        except (KeyError, TypeError, ValueError):
            pass
        problems = lint(source, has_contact_fields)
        rows = _rows(problems)
        if _json_keeps(rows):
            remembered[flag] = rows
            self.learned = True
        return problems

    def save(self) -> None:
        """Unless the file holds all of it already (no file changed since the last check): writing it would take
        a sixth of such a check."""
        if not self.learned and self.current.keys() == self.previous.keys():
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".neu")
        partial.write_text(json.dumps({"format": FORMAT, "program": program_fingerprint(), "files": self.current},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, self.file)


def _entry(digest: str, source: SourceFile | None, problems: list[ContentProblem]) -> dict | None:
    entry = {"sha256": digest, "problems": _rows(problems)}
    if source is not None:
        entry["source"] = [source.data, source.body, source.yaml_text, source.yaml_first_line, source.body_first_line]
    return entry if _json_keeps(entry) else None


def _json_keeps(value) -> bool:
    try:
        return json.loads(json.dumps(value, ensure_ascii=False)) == value
    except (TypeError, ValueError):
        return False


def _rows(problems: list[ContentProblem]) -> list[list]:
    return [[p.line, p.key, p.message, p.hint, p.severity] for p in problems]


def _problems_from(path: Path, rows: list[list]) -> list[ContentProblem]:
    return [ContentProblem(path, line, str(key), str(message), str(hint), str(severity))
            for line, key, message, hint, severity in rows]


def _source_from(path: Path, entry: dict) -> tuple[SourceFile | None, list[ContentProblem]]:
    problems = _problems_from(path, entry["problems"])
    if "source" not in entry:
        return None, problems
    data, body, yaml_text, yaml_first_line, body_first_line = entry["source"]
    if not isinstance(data, dict):
        raise TypeError("front matter")
    return SourceFile(path, data, str(body), str(yaml_text), int(yaml_first_line), int(body_first_line)), problems


class OpenDataParts:
    """Each offer's part of the open data (its HSDS record, its calendar events) as the last build with the same
    fingerprint made it, for the offer and provider it was made of: the exports are assembled from them instead
    of serialising every offer again. Parts of the wrong shape are made anew."""

    SHAPES = {"hsds": lambda part: isinstance(part, str),
              "ical": lambda part: (isinstance(part, list) and len(part) == 3 and isinstance(part[0], str)
                                    and (part[1] is None or isinstance(part[1], str)) and isinstance(part[2], bool))}

    def __init__(self, cache: Path, build: str, fingerprints: PageFingerprints):
        self.file, self.build, self.fingerprints = cache / OPEN_DATA_PARTS, build, fingerprints
        self.previous: dict = {}
        self.current: dict[str, dict] = {kind: {} for kind in self.SHAPES}
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data["format"] == FORMAT and data["build"] == build and isinstance(data["parts"], dict):
                self.previous = data["parts"]
        except (OSError, ValueError, KeyError, TypeError):
            pass

    def part(self, kind: str, offer: Offer, make):
        key = self.fingerprints.with_provider(offer)
        remembered = self.previous.get(kind, {}).get(key) if isinstance(self.previous.get(kind), dict) else None
        part = remembered if self.SHAPES[kind](remembered) else make()
        self.current[kind][key] = part
        return part

    def save(self) -> None:
        partial = self.file.with_suffix(".neu")
        partial.write_text(json.dumps({"format": FORMAT, "build": self.build, "parts": self.current},
                                      ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(partial, self.file)
