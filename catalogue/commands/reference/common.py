"""What the generated pages share: where they lie, and the line that says how they are made."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
REPO = PACKAGE.parent
SCHEMAS = PACKAGE / "schemas"
CONTENT_FORMAT = Path("docs/partner/referenz/inhaltsformat.md")
SITE_REFERENCE = Path("docs/betrieb/referenz/site-yaml.md")
MESSAGE_REFERENCE = Path("docs/partner/referenz/meldungen.md")
MESSAGE_PAGES = Path("docs/partner/referenz/meldungen")  # one page per group of messages
MESSAGE_EXAMPLES = Path("docs/partner/referenz/meldungen-beispiele.yaml")
COMMAND = "python -m catalogue.commands.reference"
GENERATED = (f"<!-- Erzeugt von catalogue/commands/reference/ aus {{source}}. Nicht von Hand ändern: "
             f"nach einer Änderung dort `{COMMAND}`. -->\n\n")
