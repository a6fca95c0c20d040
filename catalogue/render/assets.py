"""The stylesheet and scripts, under names that change with their content, and the scripts' imports of each other
rewritten to those names."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.render.paths import ASSET_HASH_LENGTH

SCRIPT_IMPORT = re.compile(r'(["\'])\./([\w.-]+\.js)\1')  # import … from "./texts.js", import("./spelling.js")
# What a module needs before it runs (import … from "./texts.js"); not import("./spelling.js"), loaded when asked.
STATIC_IMPORT = re.compile(r'\b(?:from|import)\s*(["\'])\./([\w.-]+\.js)\1')


@dataclass(frozen=True)
class Assets:
    """The stylesheet and the scripts under names that change with their content („style.3f2a9c1b0d.css“): a
    web server may let browsers keep them for a year, because a new version has a new address."""

    files: dict[str, bytes]  # by the name they are published under
    names: dict[str, str]  # the published name of each, by its own („style.css“ → „style.3f2a9c1b0d.css“)
    imports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # each script's static imports, by own name

    def module_imports(self, name: str) -> list[str]:
        """Every module the module `name` imports before it runs, directly or through another, each once, in the
        order the browser meets them (but not `name` itself). A page names them as <link rel="modulepreload">, so
        that a phone asks for them all at once rather than one after another as it discovers each import."""
        found: dict[str, None] = {}

        def visit(module: str) -> None:
            for imported in self.imports.get(module, ()):
                if imported != name and imported not in found:
                    found[imported] = None
                    visit(imported)

        visit(name)
        return list(found)


def plan_assets(layouts_dir: Path) -> Assets:
    """One stylesheet (the base styles, then each component's, then each page's, in a fixed order) and the
    scripts, each a file. A script that imports another names it by its published name, so its own name
    changes with what it imports."""
    parts = ([layouts_dir / "base.css"] + sorted((layouts_dir / "components").glob("*/*.css"))
             + sorted((layouts_dir / "pages").glob("*.css")))
    css = "\n".join(f"/* {p.relative_to(layouts_dir).as_posix()} */\n{p.read_text(encoding='utf-8')}" for p in parts)
    sources = {"style.css": css} | {script.name: script.read_text(encoding="utf-8")
                                     for script in sorted((layouts_dir / "scripts").glob("*.js"))}
    assets = Assets({}, {})

    def publish(name: str) -> str:
        if name not in assets.names:
            text = sources[name]
            if name.endswith(".js"):
                assets.imports[name] = tuple(dict.fromkeys(match[2] for match in STATIC_IMPORT.finditer(text)))
                text = SCRIPT_IMPORT.sub(lambda match: f"{match[1]}./{publish(match[2])}{match[1]}", text)
            data = text.encode("utf-8")
            stem, suffix = name.rsplit(".", 1)
            assets.names[name] = published = \
                f"{stem}.{hashlib.sha256(data).hexdigest()[:ASSET_HASH_LENGTH]}.{suffix}"
            assets.files[published] = data
        return assets.names[name]

    for name in sources:
        publish(name)
    return assets


def write_assets(assets: Assets, output: Path) -> None:
    folder = output / "assets"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(assets.files.items()):
        (folder / name).write_bytes(data)
