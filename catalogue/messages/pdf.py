"""What a partner is told when the catalogue PDF cannot show something (check/glyphs.py, render/pdf/document.py)."""

PDF: dict[str, tuple[str, str]] = {
    "pdf_unprintable": (
        "Keine installierte Schrift enthält {what} {characters}; im PDF des Katalogs {missing}. Die Website zeigt "
        "{them}, wenn das Gerät der Leserin oder des Lesers eine Schrift dafür hat.",
        "Ist das Zeichen gewollt? Solche Zeichen kommen oft beim Kopieren aus einem anderen Programm oder aus einer "
        "Sonderschrift mit. Ersetzen Sie es durch ein gewöhnliches Zeichen oder ein Wort. Die Website und alles "
        "andere werden trotzdem veröffentlicht.",
    ),
    "pdf_unprintable_in_layouts": (
        "Keine installierte Schrift enthält {what} {characters}; im PDF {missing}.",
        "Die Zeichen stehen in den Vorlagen oder Texten unter layouts/. Ersetzen Sie sie dort, oder installieren "
        "Sie eine Schrift, die sie hat, auf dem Rechner, der den Katalog baut.",
    ),
    "pdf_bad_address": (
        "Das PDF kann die Adresse „{address}“ nicht lesen: Sie ist keine gültige Internetadresse, der Link darauf "
        "führt im PDF ins Leere.",
        "Schreiben Sie die Adresse so, wie sie im Browser in der Adresszeile steht, z. B. "
        "https://www.example.org/angebot – ohne Klammern und ohne Leerzeichen.",
    ),
    "video_type": (
        "„{value}“ ist kein Video, das alle Browser abspielen.",
        "Verwenden Sie ein Video im Format MP4 (H.264) oder WebM.",
    ),
}
