#!/usr/bin/env python3
"""Derive trades-wordnet.txt for sdk-governance from Princeton WordNet 3.0 (Debian package wordnet-base).

  trades-wordnet.txt  every noun under WordNet's synsets of commodities, consumer goods, furniture, lighting and
                      sports equipment, and every noun whose most frequent sense is a food, beverage or foodstuff
                      (chardonnay, sauce, doughnut, furniture, lighting), with the last word of each such name of
                      several words (goods of "sporting goods"); "house H"
                      for every noun under companies, mercantile establishments, restaurants, bakeries, breweries,
                      wineries, distilleries, inns, pubs, taverns and hotels (company, store, diner, brewery, inn). Only words of a synset that holds a word
                      of the English list (english-words.fc.txt: donut beside doughnut), no word whose most
                      frequent sense is a person (sucker), a house only when its most frequent sense is one; left out: the words under clothing and headdress (a
                      print on a shirt or a cap is no trade: "Boss Bitch t-shirt"), every word that WordNet also
                      gives as an adjective (good, fat, chocolate), and words of one or two letters.
                      A lexicon word in a capitalised name before one of these nouns ("Fat Bastard Chardonnay",
                      "Hooker Furniture", "Dick's Sporting Goods") is part of a trade name (see TradeNames).

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


if __name__ == "__main__":
    adj = adjectives()
    with open(os.path.join(wn.OUT, "english-words.fc.txt")) as f:
        english = set(front_code.decode(f.read().splitlines()))
    goods = nouns_under(GOODS_ROOTS, CARRIER_ROOTS, False, english) | nouns_under(FOOD_ROOTS, {}, False, english)
    houses = nouns_under(HOUSE_ROOTS, {}, True, english)
    goods, houses = goods - adj, houses - adj
    lines = sorted(goods - houses) + ["house " + h for h in sorted(houses)]
    with open(os.path.join(wn.OUT, "trades-wordnet.txt"), "w") as f:
        f.write(wn.HEADER.replace("wordnet_extract.py", "wordnet_trades.py"))
        f.write("# Nouns of goods (foods, drinks, furniture, lighting, sports equipment) and of trading houses.\n")
        for l in lines:
            f.write(l + "\n")
    print("trades-wordnet.txt", len(lines))
