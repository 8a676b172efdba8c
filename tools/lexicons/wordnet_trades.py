#!/usr/bin/env python3
"""Derive trades-wordnet.txt for sdk-governance from Princeton WordNet 3.0 (Debian package wordnet-base).

  trades-wordnet.txt  every noun under WordNet's synsets of commodities, consumer goods, furniture, lighting and
                      sports equipment, and every noun with a sense among foods, beverages and foodstuffs whose most
                      frequent sense is no person (sauce, doughnut, chardonnay, furniture, lighting), with the last
                      word of each such name of several words that is no noun of its own (goods of "sporting
                      goods"); "house H" for every noun whose most frequent sense lies under companies, mercantile
                      establishments, restaurants, bakeries, breweries, wineries, distilleries, inns, pubs, taverns
                      and hotels (company, store, brewery, inn). Only words of a synset that holds a word of the
                      English list (english-words.fc.txt: donut beside doughnut); left out: the words under
                      clothing and headdress (a print on a shirt or a cap is no trade: "Boss Bitch t-shirt"), every
                      word that WordNet also gives as an adjective (good, fat, chocolate), and words of one or two
                      letters. "plain W" for every lexicon word with an innocent reading (see plain_words: spunk,
                      damn, bitchin) or that is a family name (hooker).
                      A plain lexicon word in a capitalised name before one of these nouns ("Spunk Lighting",
                      "Hooker Furniture") is part of a trade name (see TradeNames in sdk-governance).

Usage: python3 tools/lexicons/wordnet_trades.py [WORDNET_DIR] [OUTPUT_DIR]
(defaults: /usr/share/wordnet and sdk-governance's resource folder).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import front_code  # noqa: E402
import wordnet_extract as wn  # noqa: E402

GOODS_ROOTS = {"03076708": "commodity, trade good, good", "03093574": "consumer goods",
               "03405725": "furniture, piece of furniture, article of furniture", "03667235": "lighting",
               "04285146": "sports equipment", "04284735": "sporting goods"}
FOOD_ROOTS = {"00021265": "food, nutrient", "07555863": "food, solid food",
              "07881800": "beverage, drink, drinkable, potable", "07566340": "foodstuff, food product"}
HOUSE_ROOTS = {"08058098": "company", "03748162": "mercantile establishment, retail store, sales outlet, outlet",
               "04081281": "restaurant, eating house, eating place, eatery", "02776631": "bakery, bakeshop, bakehouse",
               "02897237": "brewery", "04592465": "winery, wine maker", "03212811": "distillery, still",
               "03541696": "hostel, hostelry, inn, lodge, auberge", "04018399": "public house, pub, saloon",
               "04395875": "tavern, tap house", "03542333": "hotel"}
PERSONS = "18"  # a word whose most frequent sense is a person (sucker) names no goods
CARRIER_ROOTS = {"03051540": "clothing, article of clothing, vesture, wear, wearable, habiliment",
                 "03502509": "headdress, headgear"}


def adjectives():
    out = set()
    with open(os.path.join(wn.WN, "index.adj"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                out.add(line.split()[0])
    return out


def nouns_under(roots, less, first_only, english):
    """One-word nouns under the roots (with first_only, only those whose most frequent sense is there; else those
    whose most frequent sense is no person), and the last word of a longer name there when that word is no noun lemma
    of its own (goods of "sporting goods"); only words of a synset that has a word of the English list (donut beside
    doughnut; not aguacate)."""
    closure = wn.hyponym_closure(set(roots)) - wn.hyponym_closure(set(less))
    first = wn.first_noun_senses()
    found, out = {}, set()
    for offset, words, _, _ in wn.synsets(os.path.join(wn.WN, "data.noun")):
        if offset in roots:
            found[offset] = [wn.lemma(w).lower() for w in words]
        if offset not in closure or not any(wn.lemma(w).lower() in english for w in words):
            continue
        for w in words:
            name = wn.lemma(w).lower()
            last = name.split(" ")[-1]
            if not re.fullmatch(r"[a-z]{3,}", last):
                continue
            if last == name and (first.get(last) in closure
                                 or not first_only and wn.lexfile_of(first[last]) != PERSONS):
                out.add(last)
            elif last != name and last not in first:
                out.add(last)
    for offset, label in roots.items():
        if label.split(",")[0] not in found.get(offset, []):
            sys.exit("root synset %s (%s) not found: not WordNet 3.0?" % (offset, label))
    return out


# glosses of a sense that is no innocent reading of a word: sexual, drugs, excrement, the body's private parts,
# abuse
NOT_INNOCENT = re.compile(wn.NOT_A_THING.pattern + r"|obscen|vulgar|coarse|abuse|offensive|disparag|contempt"
                          r"|insult|slur|anus|anal|intercourse|copulat|orgasm|erotic|porn|semen|sperm|masturbat"
                          r"|vulva|clitor|bowel|defecat|naked|nazi")
# usage domains that make a word unfit for a name in any of its senses: ethnic slurs and disparaging terms
UNFIT = {wn.ETHNIC_SLUR, "06717170"}
UNFIT_GLOSS = re.compile(r"offensive|disparag|slur|derogatory|racist")
PERSON, BODY = "18", "08"
POSES = ("noun", "verb", "adj", "adv")


def plain_words(terms):
    """Lexicon words whose most frequent sense in each part of speech WordNet gives them is innocent: not marked
    offensive, no person, no part of the body, a gloss that is neither sexual, a drug, excrement nor abuse (spunk:
    courage; damn: a trivial amount); for a word in -in or -ing that WordNet lacks, the verb it is made of (bitchin:
    bitch, to complain). Also the lexicon words that end the name of a person WordNet names and that it writes in
    lower case too (hooker: Joseph Hooker). None with a sense that is an ethnic slur or disparaging (in its usage domain or its gloss)."""
    first, senses, slurs, family, lower_case = {}, {}, set(), set(), set()
    for pos in POSES:
        with open(os.path.join(wn.WN, "index." + pos), encoding="latin-1") as f:
            for line in f:
                if not line.startswith(" "):
                    p = line.split()
                    first.setdefault(p[0], {})[pos] = p[-int(p[2])]
        for offset, words, ptrs, gloss in wn.synsets(os.path.join(wn.WN, "data." + pos)):
            domains = {t for sym, t, _ in ptrs if sym == ";u"}
            senses[(pos, offset)] = (domains, gloss)
            names = [wn.lemma(w) for w in words]
            if domains & UNFIT or UNFIT_GLOSS.search(gloss):
                slurs |= {n.lower() for n in names}
            lower_case |= {n for n in names if n.islower()}
            if pos == "noun" and any(sym == "@i" for sym, _, _ in ptrs):
                family |= {n.split(" ")[-1].lower() for n in names if re.fullmatch(r"([A-Z][a-z.]* )+[A-Z][a-z]+", n)}

    def innocent(pos, offset):
        domains, gloss = senses[(pos, offset)]
        return not (domains & wn.OFFENSIVE) and not NOT_INNOCENT.search(gloss) and (
            pos != "noun" or wn.lexfile_of(offset) not in (PERSON, BODY))

    out = set()
    for t in terms:
        readings = first.get(t)
        if readings is None:
            base = re.sub(r"(in|ing)$", "", t)
            if base != t and "verb" in first.get(base, {}):
                readings = {"verb": first[base]["verb"]}
        if readings and all(innocent(pos, o) for pos, o in readings.items()):
            out.add(t)
        elif t in family and t in lower_case:
            out.add(t)
    return sorted(out - slurs)


if __name__ == "__main__":
    adj = adjectives()
    with open(os.path.join(wn.OUT, "english-words.fc.txt")) as f:
        english = set(front_code.decode(f.read().splitlines()))
    goods = nouns_under(GOODS_ROOTS, CARRIER_ROOTS, False, english) | nouns_under(FOOD_ROOTS, {}, False, english)
    houses = nouns_under(HOUSE_ROOTS, {}, True, english)
    goods, houses = goods - adj, houses - adj
    plain = plain_words(wn.lexicon_terms())
    lines = sorted(goods - houses) + ["house " + h for h in sorted(houses)] + ["plain " + p for p in plain]
    with open(os.path.join(wn.OUT, "trades-wordnet.txt"), "w") as f:
        f.write(wn.HEADER.replace("wordnet_extract.py", "wordnet_trades.py"))
        f.write("# Nouns of goods (foods, drinks, furniture, lighting, sports equipment), of trading houses, and lexicon words"
                " with an innocent reading.\n")
        for l in lines:
            f.write(l + "\n")
    print("trades-wordnet.txt", len(lines))
