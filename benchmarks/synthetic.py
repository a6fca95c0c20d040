"""A synthetic catalogue of any size, written only from the content contract, for benchmarks and tests."""

from __future__ import annotations

import random
from pathlib import Path

DISTRICTS = ["mitte", "ost", "west", "sued", "lintorf", "breitscheid", "hoesel", "homberg"]
TOPICS = ["fruehe-hilfen", "beratung", "bildung", "freizeit", "gesundheit", "sprache"]
PHASES = [("schwangerschaft", -1, 0), ("baby", 0, 3), ("kita", 3, 6), ("grundschule", 6, 10),
          ("jugend", 10, 16), ("junge-erwachsene", 16, 27)]
WORDS = ("Ärztliche Beratung Eltern Kinder Familie Spielgruppe Hebamme Schwimmen Hausaufgaben Treff Sprache "
         "Musik Bewegung Ferien Übergang Schule Beruf Zukunft Garten Lesen Kochen Theater Natur Sport").split()


def write_catalogue(folder: Path, offers: int, providers: int = 50, seed: int = 1) -> Path:
    rng = random.Random(seed)
    for sub in ("angebote", "anbieter", "seiten"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    phases = "\n".join(f"  - id: {i}\n    name: Phase {i}\n    alter_von: {a}\n    alter_bis: {b}" for i, a, b in PHASES)
    (folder / "site.yaml").write_text(
        "titel: Synthetischer Katalog\nstadt: Beispielstadt\nbasis_url: https://example.org/\n"
        "herausgeber:\n  name: Stadt Beispielstadt\n  telefon: 01234 5678\n"
        "themen:\n" + "".join(f"  {t}: Thema {t}\n" for t in TOPICS)
        + f"lebensphasen:\n{phases}\n"
        + "stadtteile:\n" + "".join(f"  {d}: Stadtteil {d}\n" for d in DISTRICTS)
        + "barrierefreiheit:\n  rollstuhlgerecht: Rollstuhlgerecht\n"
        + 'hilfe:\n  - name: Nummer gegen Kummer\n    telefon: "116 111"\n',
        encoding="utf-8")
    for number in range(providers):
        (folder / "anbieter" / f"anbieter-{number:04d}.md").write_text(
            f"---\nname: Anbieter {number}\nstand: 2026-06-01\n---\nEin Träger.\n", encoding="utf-8")
    (folder / "seiten" / "impressum.md").write_text("---\ntitel: Impressum\n---\nText.\n", encoding="utf-8")
    for number in range(offers):
        title = " ".join(rng.sample(WORDS, 3)) + f" {number}"
        phase, age_from, age_to = rng.choice(PHASES)
        (folder / "angebote" / f"angebot-{number:05d}.md").write_text(
            "---\n"
            f"titel: {title}\n"
            f"kurz: Ein Angebot für Familien in der Beispielstadt, Nummer {number}, mit Beratung und Spiel.\n"
            f"anbieter: anbieter-{number % providers:04d}\n"
            f"themen: [{rng.choice(TOPICS)}]\n"
            f"lebensphasen: [{phase}]\n"
            + (f"alter: {{von: {max(age_from, 0)}, bis: {age_to}}}\n" if age_from >= 0 else "")
            + f"stadtteile: [{', '.join(rng.sample(DISTRICTS, 2))}]\n"
            f"kostenlos: {str(rng.random() < 0.5).lower()}\n"
            "sprachen: [de, tr]\n"
            "orte:\n  - name: Treffpunkt\n    strasse: Beispielweg 1\n    plz: 40878\n    ort: Beispielstadt\n"
            "zeiten:\n  - tage: [mo, mi]\n    von: 09:30\n    bis: 11:00\n"
            "kontakt:\n  telefon: 01234 5678\n  email: info@example.org\n"
            "schlagworte: [Familie, Beratung]\n"
            "stand: 2026-06-01\n"
            "---\n"
            "## Was wir machen\n\nWir treffen uns, spielen und reden. **Alle** sind willkommen.\n\n"
            "- Spielen\n- Reden\n- Essen\n",
            encoding="utf-8")
    return folder
