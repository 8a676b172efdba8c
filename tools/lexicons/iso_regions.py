#!/usr/bin/env python3
"""Derive regions-iso3166.fc.txt (front-coded) for sdk-governance from Debian's iso-codes package (ISO 3166-1 and ISO 3166-2).

The list holds the names of countries and of their first-level and second-level subdivisions that are regions rather
than towns: states, provinces, counties, departments, regions, cantons, prefectures, governorates, islands
(`Donegal`, `Savoie`, `East Sussex`, `Oberösterreich`), and the codes of the states and provinces of the United
States, Canada and Australia that addresses use (`GA`, `NL`, `NSW`) unless the code is an English word (`OK`, `IN`). Subdivisions whose type names a city, town, municipality,
borough, district, parish, commune, quarter, ward or council are left out (most are towns: `Reading`, `Luton`), and so
are names that the English word list holds in lower case (`Centre`, `Capital`, `Cork`), names already in
regions-wordnet.txt, and the parts after a bracket or an inverted comma (`Durham, County` is written
`County Durham`; `London, City of` is a city and left out). After a comma, a region makes a town named like a
lexicon word before it a place (`Muff, Donegal`), as regions-wordnet.txt does for WordNet's regions.

The iso-codes data is under the GNU LGPL 2.1 or later; the derived list ships with that licence
(iso-codes-LICENSE.txt) and is attributed in NOTICE.md.

Usage: python3 tools/lexicons/iso_regions.py [ISO_CODES_JSON_DIR] [OUTPUT_DIR]
(defaults: /usr/share/iso-codes/json, from `apt-get install iso-codes`, and sdk-governance's resource folder).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import front_code  # noqa: E402  (the English word list is front-coded)

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "..", "sdk-governance", "src", "main", "resources", "io", "retailgen",
    "governance")

# countries whose addresses name the state or province by its code: "Cumming, GA", "Dildo, NL"
POSTAL_CODES = {"US", "CA", "AU"}
TOWN_TYPES = re.compile(r"city|town|municipal|borough|district|parish|commune|quarter|ward|council|urban|rayon"
                        r"|unitary authority|capital", re.IGNORECASE)
# words that may stand inside a name in lower case: "Isle of Wight", "Newcastle upon Tyne", "Val-de-Marne"
CONNECTORS = {"of", "and", "upon", "the", "de", "del", "des", "du", "la", "le", "les", "di", "da", "do", "dos",
              "das", "y", "e", "et", "am", "an", "im", "in", "on", "sur", "al", "el"}


def clean(name):
    """The name without a bracketed alternative, an inverted article or county; None when it is inverted otherwise."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail == "County":
            return "County " + head
        if tail in ("The", "the"):
            return head
        return None
    return name


def well_formed(name):
    words = re.split(r"[ -]", name)
    return (bool(words) and words[0][:1].isupper()
            and all(w[:1].isupper() or w in CONNECTORS for w in words if w)
            and all(re.fullmatch(r"[^\W\d_]+(?:'[^\W\d_]+)?\.?", w) for w in words if w))


def main():
    with open(os.path.join(OUT, "english-words.fc.txt"), encoding="utf-8") as f:
        english = {w for w in front_code.decode(f.read().split("\n")) if w and not w.startswith("#")}
    with open(os.path.join(OUT, "regions-wordnet.txt"), encoding="utf-8") as f:
        wordnet = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    names = set()
    with open(os.path.join(SRC, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for key in ("name", "common_name"):
                if key in c:
                    names.add(c[key])
    codes = set()
    with open(os.path.join(SRC, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if not TOWN_TYPES.search(s["type"]):
                names.add(s["name"])
            country, _, code = s["code"].partition("-")
            if country in POSTAL_CODES and re.fullmatch(r"[A-Z]{2,3}", code) and code.lower() not in english:
                codes.add(code)
    out = set()
    for n in names:
        n = clean(n)
        if n and well_formed(n) and n.lower() not in english and n not in wordnet:
            out.add(n)
    lines = sorted(out | codes)
    with open(os.path.join(OUT, "regions-iso3166.fc.txt"), "w", encoding="utf-8") as f:
        f.write("# Derived from Debian iso-codes (ISO 3166-1 and 3166-2 names) by tools/lexicons/iso_regions.py; "
                "LGPL-2.1-or-later, licence in iso-codes-LICENSE.txt.\n")
        f.write("# Countries and regions (states, provinces, counties, departments, ...) that are not towns: after a "
                "comma, a town's region. Front-coded (tools/lexicons/front_code.py).\n")
        for l in front_code.encode(lines):
            f.write(l + "\n")
    print("regions-iso3166.fc.txt", len(lines))


if __name__ == "__main__":
    main()
