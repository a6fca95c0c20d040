from catalogue.model.collation import german_sort_key
from catalogue.render.markup import MarkdownRenderer


def render(text, base_level=2, root=""):
    return MarkdownRenderer().render(text, base_level, root)


def test_raw_html_is_shown_as_text_not_markup():
    html = render('<script>alert(1)</script>\n\n<b onclick="x()">fett</b> <img src=x onerror=alert(1)>')
    assert "<script" not in html and "<b" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_dangerous_link_schemes_are_removed():
    html = render("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org) [d](tel:+49211)")
    assert "javascript:" not in html and "data:" not in html
    assert 'href="https://example.org"' in html and 'href="tel:+49211"' in html


def test_headings_fit_under_the_page_heading():
    assert render("# Eins\n\n## Zwei", base_level=3).startswith("<h3>Eins</h3>\n<h4>Zwei</h4>")
    assert render("### Tief\n\n#### Tiefer", base_level=2).startswith("<h2>Tief</h2>\n<h3>Tiefer</h3>")


def test_images_from_bilder_are_linked_relative_to_the_page():
    assert 'src="../../bilder/a.png"' in render("![Ein Ball](bilder/a.png)", root="../../")


def test_tables_keep_their_header_row():
    assert "<th>Tag</th>" in render("| Tag | Zeit |\n|---|---|\n| Mo | 9 Uhr |")


def test_german_collation():
    titles = ["Zeltlager", "Ärztliche Beratung", "Anmeldung", "über uns", "Ubung", "Straße", "Strasse", "Apfel"]
    assert sorted(titles, key=german_sort_key) == [
        "Anmeldung", "Apfel", "Ärztliche Beratung", "Strasse", "Straße", "über uns", "Ubung", "Zeltlager"]
