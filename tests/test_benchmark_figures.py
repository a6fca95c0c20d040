"""The benchmark's figures in docs/entwicklung/ (benchmarks/compare_hugo.py writes them from a real run): the
table and the chart agree with benchmark.csv, and the chart is an accessible SVG. No build is timed here."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import figures  # noqa: E402

FIGURES = REPO / "docs" / "entwicklung"
SVG = "{http://www.w3.org/2000/svg}"


def test_the_committed_chart_and_table_are_drawn_from_the_committed_figures(tmp_path):
    results = figures.read_results(FIGURES / "benchmark.csv")
    assert 1000 in results, "the benchmark at 1,000 offers"
    for result in results.values():
        assert result.ours > 0 and result.hugo_six > 0 and result.hugo_german > 0
        assert result.pages_hugo_six > 5 * result.pages_hugo_german, "Hugo renders six languages"
    (tmp_path / "benchmark.csv").write_bytes((FIGURES / "benchmark.csv").read_bytes())
    figures.write_figures(tmp_path, [])
    for name in ("benchmark.csv", "benchmark.md", "benchmark.svg"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (FIGURES / name).read_text(encoding="utf-8"), (
            f"{name}: python benchmarks/compare_hugo.py --chart-only")


def test_the_chart_has_a_title_a_description_and_three_bars_a_size(tmp_path):
    result = figures.Result(1000, 3, 11.0, 12.6, 2.3, 0.24, 0.39, 0.12, 7616, 8077, 1346, 2.7, "2026-12-06",
                                 14.7, 17.1, 2.7)
    bigger = figures.Result(10000, 1, 90.0, 110.0, 18.0, 1.1, 2.0, 0.6, 76000, 80000, 13000)
    figures.write_figures(tmp_path, [bigger, result])
    written = "".join((tmp_path / name).read_text(encoding="utf-8") for name in ("benchmark.md", "benchmark.svg"))
    for german in ("Angebote", "Sekunden", "Faktor", "Läufe", "Seiten", "dieses Projekt", "11,0"):
        assert german not in written, f"the developer docs are in English: {german}"
    svg = ElementTree.parse(tmp_path / "benchmark.svg").getroot()
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text.startswith("Clean build")
    description = svg.find(f"{SVG}desc").text
    assert "1,000 offers: this project 11.0 s" in description and "10,000 offers" in description
    assert "prefers-color-scheme: dark" in svg.find(f"{SVG}style").text
    bars = [rect.get("class") for rect in svg.iter(f"{SVG}rect")]
    assert bars == ["ours", "six", "german"] * 2
    assert "seconds" in "".join(svg.itertext())
    rows = (tmp_path / "benchmark.md").read_text(encoding="utf-8").splitlines()
    assert any(row.startswith("| 1,000 | 11.0 s | 12.6 s | 0.9× | 2.3 s | 4.8× |") for row in rows)
    assert any(row.startswith("| 10,000 | 90.0 s |") and "| – |" in row for row in rows)
    assert figures.read_results(tmp_path / "benchmark.csv") == {1000: result, 10000: bigger}
