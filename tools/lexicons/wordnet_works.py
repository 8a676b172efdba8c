#!/usr/bin/env python3
"""Derive works-wordnet.txt for sdk-governance from Princeton WordNet 3.0 (Debian package wordnet-base).

  works-wordnet.txt  "work W" for every one-word noun under WordNet's synsets of publications, books, literary works,
                     comic books, musical compositions, albums, recordings, compact disks, video disks, phonograph
                     records, movies, shows, signs, signboards, pictures, paintings and prints (book, novel,
                     paperback, album, poster, sign, print, DVD); "venue V" for every one-word noun under inns, pubs,
                     taverns and hotels (inn, pub, tavern); "photo P" for every one-word noun under photograph
                     that names no other work than a film (photo, pic, snapshot; not print): after a
                     body word it is the shape of abuse ("Dick Pic print"). A capitalised name of several words before a work
                     ("The Bastard Executioner DVD", "Prick of the Spindle fairy tale book") or a venue ("The Black
                     Cock Inn") is the title of that work or the name of that house as a whole (see WorkTitles).

Usage: python3 tools/lexicons/wordnet_works.py [WORDNET_DIR] [OUTPUT_DIR]
(defaults: /usr/share/wordnet and sdk-governance's resource folder).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wordnet_extract as wn  # noqa: E402

WORK_ROOTS = {"06589574": "publication", "02870092": "book, volume", "06410904": "book",
              "06364329": "literary composition, literary work", "06596364": "comic book",
              "07037465": "musical composition, opus, composition, piece, piece of music", "06591815": "album",
              "04063868": "recording", "03079230": "compact disk, compact disc, CD",
              "04533946": "videodisk, videodisc, DVD", "03924069": "phonograph record, phonograph recording, record",
              "06613686": "movie, film, picture", "06619065": "show", "06793231": "sign",
              "04217882": "signboard, sign", "03931044": "picture, image, icon, ikon", "03876519": "painting, picture",
              "04003597": "print"}
PHOTO_ROOTS = {"03925226": "photograph, photo, exposure, picture, pic"}
VENUE_ROOTS = {"03541696": "hostel, hostelry, inn, lodge, auberge", "04018399": "public house, pub, saloon",
               "04395875": "tavern, tap house", "03542333": "hotel"}


def words_under(roots, less=frozenset()):
    closure = wn.hyponym_closure(set(roots)) - wn.hyponym_closure(set(less))
    found = {}
    out = set()
    for offset, words, _, _ in wn.synsets(os.path.join(wn.WN, "data.noun")):
        if offset in roots:
            found[offset] = [wn.lemma(w).lower() for w in words]
        if offset in closure:
            for w in words:
                l = wn.lemma(w).lower()
                if re.fullmatch(r"[a-z]+", l):
                    out.add(l)
    for offset, label in roots.items():
        if label.split(",")[0] not in found.get(offset, []):
            sys.exit("root synset %s (%s) not found: not WordNet 3.0?" % (offset, label))
    return out


if __name__ == "__main__":
    works = words_under(WORK_ROOTS)
    venues = words_under(VENUE_ROOTS)
    # a photograph that names another work too is a work ("print", "picture"); "pic" names only films besides
    films = "06613686"
    photos = words_under(PHOTO_ROOTS) - words_under(WORK_ROOTS, less={films})
    lines = (["work " + w for w in sorted(works - venues)] + ["venue " + v for v in sorted(venues)]
             + ["photo " + p for p in sorted(photos)])
    with open(os.path.join(wn.OUT, "works-wordnet.txt"), "w") as f:
        f.write(wn.HEADER)
        f.write("# Nouns of works (publications, recordings, films, signs, pictures), venues (inns, pubs) and photographs.\n")
        for l in lines:
            f.write(l + "\n")
    print("works-wordnet.txt", len(lines))
