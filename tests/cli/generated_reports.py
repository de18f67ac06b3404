"""Writes the generated reports of the serve tests as JSON Lines: four politicians meeting,
criticising and praising each other on five days (site0..site2.example), and with --accents three
reports with diacritics, typographic quotes and dashes for the full-text search.
Usage: generated_reports.py OUT [--accents]"""
import json
import sys

PEOPLE = ["Olaf Scholz", "Emmanuel Macron", "Joe Biden", "Wladimir Putin"]
VERBS = ["traf", "kritisierte", "lobte"]
ACCENTED = ["Am 3. März 2024 kritisierte Olaf Scholz in Pjöngjang „scharf“ Wladimir Putin.",
            "Am 4. März 2024 lobte Emmanuel Macron Olaf Scholz – überraschend – in Paris.",
            "Am 5. März 2024 traf Joe Biden den Präsidenten Emmanuel Macron im Élysée-Palast."]

with open(sys.argv[1], "w") as out:
    n = 0
    for day in range(1, 6):
        for i, a in enumerate(PEOPLE):
            b = PEOPLE[(i + day) % len(PEOPLE)]
            if a == b:
                continue
            verb = VERBS[(i + day) % len(VERBS)]
            n += 1
            out.write(json.dumps({"id": f"g{n}", "url": f"https://site{n % 3}.example/{n}", "title": f"Bericht {n}",
                                  "published": f"2024-02-{day:02d}",
                                  "text": f"Am {day}. Februar 2024 {verb} {a} {b}. Beobachter sprachen von einem Signal."}) + "\n")
    if "--accents" in sys.argv[2:]:
        for n, text in enumerate(ACCENTED):
            out.write(json.dumps({"id": f"d{n}", "url": f"https://accents.example/{n}", "published": "2024-03-05",
                                  "text": text}) + "\n")
