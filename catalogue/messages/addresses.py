"""What a partner is told when a web address passes its pattern but a browser would read it otherwise than it looks
(check/addresses.py reads it with the WHATWG rules browsers follow)."""

ADDRESSES: dict[str, tuple[str, str]] = {
    "web_user_part": (
        "Die Internetadresse „{value}“ hat vor dem Namen der Website einen Teil mit „@“ („{user}@“): Ein Browser "
        "öffnet damit die Website „{host}“, nicht die, deren Name vorn zu lesen ist.",
        "Schreiben Sie die Adresse ohne den Teil bis zum „@“. Am sichersten kopieren Sie sie aus der Adresszeile "
        "des Browsers, z. B. https://www.example.org/angebot.",
    ),
    "web_backslash": (
        "Die Internetadresse „{value}“ enthält einen umgekehrten Schrägstrich „\\“: Browser und andere Programme "
        "lesen sie verschieden, ein Browser öffnet damit die Website „{host}“.",
        "Schreiben Sie statt „\\“ einen Schrägstrich „/“, oder kopieren Sie die Adresse aus der Adresszeile des "
        "Browsers.",
    ),
    "web_read_otherwise": (
        "In der Internetadresse „{value}“ liest ein Browser den Namen der Website „{host}“ als „{browser_host}“.",
        "Schreiben Sie den Namen der Website so, wie er in der Adresszeile des Browsers steht, z. B. "
        "https://www.example.org/angebot; als Ziffern nur eine vollständige Adresse wie 192.0.2.10.",
    ),
    "web_unreadable": (
        "Die Internetadresse „{value}“ kann ein Browser nicht öffnen: Der Name der Website („{host}“) ist so "
        "nicht möglich.",
        "Öffnen Sie die Seite im Browser und kopieren Sie die Adresse aus der Adresszeile. Im Namen der Website "
        "stehen nur Buchstaben, Ziffern, Punkte und Bindestriche.",
    ),
}
