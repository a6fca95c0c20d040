"""Stage 2, check: the files in bilder/, which are published as they are, at the catalogue's own address.

Partners' files are untrusted. Only images and videos that every browser shows are published, and only when
their first bytes say they are what their name says (an .html renamed to .png stays out). An SVG is XML that a
browser runs scripts from when it is opened on its own, so one is published only when it holds nothing active
and loads nothing from elsewhere: no script, no event handler, no foreignObject, no external reference, no
DOCTYPE (entities can expand to gigabytes). Anything else, and anything too big for a family's phone, stays
out with a warning that names the file: the site still goes out, without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from catalogue.messages import problem
from catalogue.problems import WARNING, ContentProblem
from catalogue.read.files import outside_of

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg"}
VIDEO_SUFFIXES = {".mp4", ".webm"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_VIDEO_BYTES = 50 * 1024 * 1024

_SIGNATURES = {
    ".png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    ".jpg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".gif": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    ".webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    ".avif": lambda head: head[4:8] == b"ftyp" and (b"avif" in head[8:64] or b"avis" in head[8:64]),
    ".mp4": lambda head: head[4:8] == b"ftyp",
    ".webm": lambda head: head.startswith(b"\x1a\x45\xdf\xa3"),
}
_FORMAT_NAMES = {".jpeg": "JPG", ".jpg": "JPG", ".png": "PNG", ".gif": "GIF", ".webp": "WebP", ".avif": "AVIF",
                 ".mp4": "MP4", ".webm": "WebM", ".svg": "SVG"}

_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform"}
_XHTML = "http://www.w3.org/1999/xhtml"
# What a reference inside an SVG may point to: its own elements, or a raster image written into the file.
_LOCAL_REFERENCE = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);)", re.IGNORECASE)
_CSS_EXTERNAL = re.compile(r"url\(\s*(?![\"']?\s*#)|@import|expression\(", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:|vbscript:", re.IGNORECASE)


@dataclass(frozen=True)
class Media:
    """The files of bilder/ by their name relative to it: published ones with their path, refused ones with
    the reason in words."""

    published: dict[str, Path]
    refused: dict[str, str]

    @property
    def names(self) -> set[str]:
        return set(self.published) | set(self.refused)


def check_media(content_dir: Path) -> tuple[Media, list[ContentProblem]]:
    folder = content_dir / "bilder"
    published: dict[str, Path] = {}
    refused: dict[str, str] = {}
    problems: list[ContentProblem] = []
    if not folder.is_dir():
        return Media(published, refused), problems
    root = folder.resolve()
    if outside_of(folder, content_dir):
        problems.append(problem("media_refused", folder, None, severity=WARNING,
                                reason="der Ordner ist ein Verweis auf einen Ordner außerhalb des Inhaltsordners"))
        return Media(published, refused), problems
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if any(part.startswith(".") for part in PurePosixPath(name).parts) or path.is_dir():
            continue
        reason = _reason_to_refuse(path, root)
        if reason:
            refused[name] = reason
            problems.append(problem("media_refused", path, None, severity=WARNING, reason=reason))
        else:
            published[name] = path
    return Media(published, refused), problems


def _reason_to_refuse(path: Path, root: Path) -> str:
    outside = outside_of(path, root)  # the rule of read/files.py, for the folder bilder/ itself
    if outside == "loop":  # a link that leads to itself
        return "sie ist keine gewöhnliche Datei"
    if outside:
        return "sie ist ein Verweis auf eine Datei außerhalb des Ordners bilder/"
    if not path.is_file():
        return "sie ist keine gewöhnliche Datei"
    suffix = path.suffix.lower()
    if suffix not in IMAGE_SUFFIXES | VIDEO_SUFFIXES:
        return (f"Dateien der Art „{path.suffix or path.name}“ werden nicht veröffentlicht, nur Bilder (JPG, PNG, "
                "WebP, AVIF, GIF, SVG) und Videos (MP4, WebM)")
    size, limit = path.stat().st_size, MAX_VIDEO_BYTES if suffix in VIDEO_SUFFIXES else MAX_IMAGE_BYTES
    if size > limit:
        return (f"sie ist {size / 1024 / 1024:.1f} MB groß, erlaubt sind höchstens {limit // 1024 // 1024} MB"
                .replace(".", ","))
    with path.open("rb") as file:
        head = file.read(64)
    if suffix == ".svg":
        return _svg_problem(path.read_bytes())
    if not _SIGNATURES[suffix](head):
        return f"ihr Inhalt ist kein {_FORMAT_NAMES[suffix]}, obwohl ihr Name auf „{path.suffix}“ endet"
    return ""


def _svg_problem(data: bytes) -> str:
    """What makes an SVG unsafe to publish, in words, or ""."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        return "das SVG enthält eine DOCTYPE- oder ENTITY-Angabe"
    if re.search(rb"<\?(?!xml\s)", data):
        return "das SVG enthält eine Verarbeitungsanweisung „<?…?>“ (z. B. ein Stylesheet von außen)"
    parser = ElementTree.XMLParser()
    try:
        parser.feed(data)
        root = parser.close()
    except ElementTree.ParseError as error:
        return f"das SVG ist kein gültiges XML ({error})"
    for element in root.iter():
        namespace, _, local = element.tag.rpartition("}")
        if local.lower() in _ACTIVE_ELEMENTS or namespace.lstrip("{") == _XHTML:
            return f"das SVG enthält das Element „<{local}>“, mit dem ein Bild Programme ausführen kann"
        for attribute, value in element.attrib.items():
            name = attribute.rpartition("}")[2].lower()
            if name.startswith("on"):
                return f"das SVG enthält das Attribut „{name}“, mit dem ein Bild Programme ausführen kann"
            if name == "href" and not _LOCAL_REFERENCE.match(value):
                return f"das SVG verweist auf „{value[:80]}“ außerhalb der Datei"
            if _SCRIPT_URL.search(value) or (name == "style" and _CSS_EXTERNAL.search(value)):
                return f"das SVG enthält im Attribut „{name}“ einen Verweis nach außen oder ein Programm"
            if local.lower() in _ANIMATIONS and name == "attributename" and (
                    value.rpartition(":")[2].lower() == "href" or value.lower().startswith("on")):
                return "das SVG ändert mit einer Animation einen Verweis oder ein Ereignis"
        if local.lower() == "style" and _CSS_EXTERNAL.search(element.text or ""):
            return "das SVG lädt im Element „<style>“ etwas von außen"
    if root.tag.rpartition("}")[2] != "svg":
        return "die Datei ist kein SVG-Bild"
    return ""
