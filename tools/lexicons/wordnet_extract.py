#!/usr/bin/env python3
"""Derive two small word lists for sdk-governance from Princeton WordNet 3.0 (Debian package wordnet-base).

  names-wordnet.txt       multi-word and hyphenated WordNet lemmas (and single proper nouns) that contain a profanity
                          lexicon term as a word or inside a word, none of whose senses WordNet files under its usage
                          domain "obscenity": spotted dick, blue tit, cock-a-leekie. The content policy allows a
                          lexicon term inside one of them as part of the whole name.
  conditions-wordnet.txt  every lemma under WordNet's synsets for diseases, disorders, infections, tumours,
                          pathogens and parasites: the condition vocabulary of structured health claims.
  symptoms-wordnet.txt    every lemma under symptom and pain: "relieves bloating" (with a curing verb only).
  impairments-wordnet.txt every lemma under visual and hearing impairment: "cures myopia", not after "protects
                          against" (ear defenders protect against hearing loss).
  treatments-wordnet.txt  every lemma under medicine, prescription drug and therapy: "a natural alternative to X".
  (A lemma is kept only when that sense is its most frequent noun sense and it is no verb, adjective or adverb.)
  things-wordnet.txt      single-word lexicon terms that also name a concrete thing (an animal, plant, food, artifact,
                          natural object or unit of money or measure) in a sense WordNet does not mark as obscene,
                          slang, a slur or disparaging, and whose gloss is neither sexual nor a drug (booby the bird,
                          pollock the fish, dong the currency, muff, dipstick); or that begin at least three WordNet
                          names of such things (bastard: bastard feverfew, bastard toadflax, ...). No term with an
                          ethnic-slur sense and none whose most frequent sense is a part of the body (tit, cock, ass,
                          pussy keep that sense); for the first kind none whose most frequent sense is offensive. The policy lets such a term stand as a word of a product name (see
                          ProfanityCheck).

  classifiers-wordnet.txt nouns with a sense among animals, plants, natural objects, places, substances or body
                          parts (willow, marsh, coal, tail): the modifiers that may name a kind of animal before a
                          lexicon word (willow tit, long-tailed tit), where a colour or a verb does not (purple cock).
  regions-wordnet.txt     countries, states, provinces, counties, principalities, islands and geographical areas (the
                          instances of those classes): after a comma, one makes a town named like a lexicon word a
                          place ("Dildo, Newfoundland").
  colours-wordnet.txt     "kind W" for lexicon words whose WordNet kinds are named by a colour (blue tit, black cock),
                          "colour C" for every colour noun, "depiction D" for nouns of representations and works of
                          art that are no photograph (print, figurine; not pic): "Azure tit print".
  senses-wordnet.txt      for a sense among birds, canines or equines (tit, cock, bitch, ass), the evidence includes
                          every one-word name in that class (and, for the mammals, of young mammals: whelp, foal).

Usage: python3 tools/lexicons/wordnet_extract.py [WORDNET_DIR] [OUTPUT_DIR]
(defaults: /usr/share/wordnet and sdk-governance's resource folder). Re-run after changing a profanity lexicon.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import front_code  # noqa: E402  (the English word list is front-coded)

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "..", "sdk-governance", "src", "main", "resources", "io", "retailgen",
    "governance")

OBSCENITY = "07124340"  # obscenity, smut, vulgarism, filth, dirty word
# usage domains of a word that is offensive in its most frequent sense: obscenity, slang, ethnic slur, disparagement
OFFENSIVE = {OBSCENITY, "07157273", "06718862", "06717170"}
# roots of the condition vocabulary (noun synset offsets in WordNet 3.0)
# Symptoms, pains, injuries, lesions and inflammations are left out: product copy names them in ordinary comfort
# claims ("seams that prevent chafing"); the hand-written list keeps the symptoms that make a health claim.
CONDITION_ROOTS = {
    "14070360": "disease",
    "14061805": "illness, unwellness, malady, sickness",
    "14052403": "disorder, upset (a physical condition)",
    "14174549": "infection",
    "14235200": "tumor, tumour, neoplasm",
    "14239918": "cancer, malignant neoplastic disease",
    "14083790": "mental disorder, mental disturbance, disturbance, psychological disorder, folie",
    "01386007": "pathogen",
    "01348530": "bacteria, bacterium",
    "01328702": "virus",
    "01384687": "parasite",
    # conditions outside those roots that regulators treat as diseases in claims: hair loss (FDA, 21 CFR 310.527),
    # tooth decay (21 CFR 355), memory loss, blood diseases, ulcers, reflux (defects of sight and hearing: below)
    "14457041": "baldness, phalacrosis",
    "13444513": "cavity, caries, dental caries, tooth decay",
    "05672391": "amnesia, memory loss, blackout",
    "14189204": "blood disease, blood disorder",
    "14211609": "ulcer, ulceration",
    "14336004": "reflux",
}


def synsets(path):
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            offset, n = head[0], int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(n)]
            k = 4 + 2 * n
            p = int(head[k])
            ptrs = [(head[k + 1 + 4 * i], head[k + 2 + 4 * i], head[k + 3 + 4 * i]) for i in range(p)]
            yield offset, words, ptrs, line.split(" | ", 1)[1].strip() if " | " in line else ""


def lemma(w):
    return re.sub(r"\(.*\)$", "", w).replace("_", " ")


def lexicon_terms():
    """Every single-word lexicon term the default policy flags, with True when it is surely profane (HIGH or more)."""
    here = OUT
    terms = {t.lower(): False for t in json.load(open(os.path.join(here, "ldnoobw-en.json")))}
    for t, sureness in json.load(open(os.path.join(here, "cuss-en.json"))).items():
        if sureness >= 1:
            terms[t.lower()] = terms.get(t.lower(), False) or sureness >= 2
    policy = json.load(open(os.path.join(here, "default-policy.json")))
    for t, severity in policy["profanity"].get("terms", {}).items():
        terms[t.lower()] = severity in ("HIGH", "CRITICAL")
    return {t: sure for t, sure in terms.items() if len(t) >= 3 and re.fullmatch(r"[a-z]+", t)}


def lexicon_phrases():
    """Every entry of the lexicons as written, lower case: a name that is itself a lexicon entry is no excuse."""
    entries = {t.lower() for t in json.load(open(os.path.join(OUT, "ldnoobw-en.json")))}
    entries |= {t.lower() for t in json.load(open(os.path.join(OUT, "cuss-en.json")))}
    return {e.replace("-", " ") for e in entries} | entries


def first_noun_senses():
    """Every noun lemma (lower case, underscores) -> the offset of its most frequent sense."""
    first_sense = {}
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split()
                first_sense[parts[0]] = parts[-int(parts[2])]
    return first_sense


def names(terms):
    phrases = lexicon_phrases()
    vulgar = set()
    lemmas = {}
    domains = {}  # synset offset -> its usage domains
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        domains[offset] = {target for sym, target, _ in ptrs if sym == ";u"}
    first_sense = first_noun_senses()
    # names of innocent concrete things, and the lexicon terms that have a sense of their own among such things
    # (bitch, the female dog; faggot, the bundle of sticks): a name of a thing may hold such a term
    concrete_names, concrete_senses = set(), set()
    padded_phrases = {" " + p + " " for p in phrases if " " in p}
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    for offset, words, ptrs, gloss in synsets(os.path.join(WN, "data.noun")):
        if innocent_thing(lexfiles[offset], domains[offset], gloss):
            for w in words:
                l = lemma(w).lower()
                concrete_names.add(l)
                if l in terms:
                    concrete_senses.add(l)

    def known_word(word):
        """True when WordNet has a noun entry for the word or its stem; a term known only inside names (the pooper of
        party pooper and pooper scooper) has no sense of its own to keep."""
        return any(word[:len(word) - len(s)] in first_sense for s in ("", "s", "es", "ed", "ing") if word.endswith(s))

    def inoffensive(word):
        """A surely profane term may stand in a name when its most frequent sense is not offensive (ass, booby)."""
        s = first_sense.get(word)
        return s is not None and not (domains.get(s, set()) & OFFENSIVE)

    for pos in ("noun",):  # names of things; verb phrases ("take a ...") are not names
        for offset, words, ptrs, _ in synsets(os.path.join(WN, "data." + pos)):
            obscene = any(sym == ";u" and target == OBSCENITY for sym, target, _ in ptrs)
            for w in words:
                l = lemma(w)
                if obscene:
                    vulgar.add(l.lower())
                lemmas.setdefault(l.lower(), l)
    out = set()
    for key, original in lemmas.items():
        if key in vulgar or key in terms or key in phrases or not re.fullmatch(r"[a-z][a-z .'-]*[a-z]", key):
            continue
        tokens = re.split(r"[ -]", key)
        binomial = len(tokens) == 2 and ("genus " + tokens[0]) in lemmas  # "sambucus nigra", "pinus nigra"
        concrete = key in concrete_names  # a thing, not a person or an act: "brood bitch", "faggot stitch"
        if not binomial and any(terms.get(t) and not inoffensive(t) and not (concrete and t in concrete_senses)
                                and known_word(t) for t in tokens):
            continue  # a word offensive in its first sense ("dog shit") is not excused by the name
        if concrete and any(p in " " + key.replace("-", " ") + " " for p in padded_phrases):
            out.add(key)  # a lexicon phrase inside the name of a thing: "golden shower tree"
            continue
        multi = len(tokens) > 1
        proper = original[:1].isupper() and not multi
        if not (multi or proper):
            continue  # single common words: the SCOWL list covers them
        if any(t in terms for t in tokens) or (proper and any(t in key for t in terms if len(t) >= 4)):
            out.add(key)
        elif multi and any(t in tok for tok in tokens for t in terms if len(t) >= 4 and t != tok):
            out.add(key)
    return sorted(out)


# Symptoms and pains: a claim only with a verb that says the product cures or relieves them ("relieves bloating"),
# since product copy names them in comfort claims ("prevents chafing").
# defects of sight and hearing: a claim after a verb that cures, prevents or restores, not after one of protection
# (ear defenders "protect against hearing loss", goggles against snow blindness)
IMPAIRMENT_ROOTS = {
    "14552802": "visual impairment, visual defect, vision defect",
    "14550797": "hearing impairment, hearing disorder",
}

SYMPTOM_ROOTS = {
    "14299637": "symptom",
    "14322699": "pain, hurting (a symptom)",
}

TREATMENT_ROOTS = {
    "03740161": "medicine, medication, medicament, medicinal drug",
    "00661091": "therapy",
    "03999280": "prescription drug, prescription medicine, ethical drug",
}


def conditions(roots=None):
    roots = roots or CONDITION_ROOTS
    children = {}
    words_of = {}
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        words_of[offset] = words
        for sym, target, _ in ptrs:
            if sym in ("~", "~i"):
                children.setdefault(offset, []).append(target)
    seen = set()
    stack = list(roots)
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        stack.extend(children.get(s, []))
    first_sense = {}
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split()
                n = int(parts[2])
                first_sense[parts[0]] = parts[-n]  # synset offsets are listed by sense frequency
    other_pos = set()
    for pos in ("verb", "adj", "adv"):
        with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
            other_pos.update(line.split()[0] for line in f if not line.startswith(" "))
    out = set()
    for s in seen:
        for w in words_of.get(s, []):
            key = re.sub(r"\(.*\)$", "", w).lower()
            l = key.replace("_", " ")
            if (re.fullmatch(r"[a-z][a-z .'-]*[a-z]", l) and (len(l) >= 5 or " " in l)
                    and first_sense.get(key) == s and key not in other_pos):
                out.add(l)
    return sorted(out)


# Lexicographer files of concrete things: animal, artifact, food, object, plant, quantity (units of money, measures).
CONCRETE = {"05": "animal", "06": "artifact", "13": "food", "17": "object", "20": "plant", "23": "quantity"}
ETHNIC_SLUR = "06718862"
NOT_A_THING = re.compile(r"sex|penis|vagin|genital|prostitut|narcotic|street name|marijuana|cocaine|heroin|drug"
                         r"|contracept|tobacco|urine|fece|fecal|faecal|excret")


def innocent_thing(lexfile, domains, gloss):
    """A sense of a concrete thing that WordNet does not mark as offensive and whose gloss is neither sexual, a drug
    nor excrement; a quantity only as a unit of money or measure."""
    if lexfile not in CONCRETE or domains & OFFENSIVE or NOT_A_THING.search(gloss):
        return False
    return lexfile != "23" or re.search(r"\b(unit|measure|money)\b", gloss) is not None


def things(terms):
    """Lexicon terms that also name a concrete, inoffensive thing, or that begin three or more names of such things."""
    thing, modifier, slur = set(), {}, set()
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    for offset, words, ptrs, gloss in synsets(os.path.join(WN, "data.noun")):
        lexfile = lexfiles[offset]
        domains = {target for sym, target, _ in ptrs if sym == ";u"}
        innocent = innocent_thing("05", domains, gloss)
        if lexfile == "23":
            innocent = innocent_thing(lexfile, domains, gloss)
        for w in words:
            l = lemma(w)
            tokens = re.split(r"[ -]", l.lower())
            if len(tokens) == 1 and l.lower() in terms:
                if ETHNIC_SLUR in domains:
                    slur.add(l.lower())
                if lexfile in CONCRETE and innocent and l[:1].islower():
                    thing.add(l.lower())
            elif len(tokens) > 1 and tokens[0] in terms and lexfile in CONCRETE and innocent:
                modifier.setdefault(tokens[0], set()).add(l.lower())
    first_sense = first_noun_senses()
    # a word whose most frequent sense is offensive or a part of the body keeps that sense ("tit", "cock", "ass")
    body_first = {t for t in set(thing) | set(modifier) if t in first_sense and lexfiles[first_sense[t]] == "08"}
    offensive_first = set()
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        if any(sym == ";u" and target in OFFENSIVE for sym, target, _ in ptrs):
            offensive_first |= {t for t in thing if first_sense[t] == offset}
    thing -= offensive_first
    thing |= {t for t, names in modifier.items() if len(names) >= 3}
    return sorted(thing - slur - body_first)


def kinds(terms):
    """Lexicon terms that name a kind of animal or plant whose own kinds WordNet names with a modifier before
    the term (tit, the titmouse: blue tit, bush tit, wren-tit). A modifier before such a term names one of its kinds
    (great tit, willow tit, long-tailed tit), whether or not WordNet lists that kind."""
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    entries = {offset: (words, ptrs, gloss) for offset, words, ptrs, gloss in synsets(os.path.join(WN, "data.noun"))}
    out = set()
    for offset, (words, ptrs, gloss) in entries.items():
        domains = {target for sym, target, _ in ptrs if sym == ";u"}
        if lexfiles[offset] not in ("05", "20") or not innocent_thing(lexfiles[offset], domains, gloss):
            continue  # animals and plants only: their kinds are named "<modifier> <kind>"
        heads = {lemma(w).lower() for w in words} & set(terms)
        for sym, target, _ in ptrs:
            if sym != "~" or not heads:
                continue
            for w in entries[target][0]:
                tokens = re.split(r"[ -]", lemma(w).lower())
                if len(tokens) > 1 and tokens[-1] in heads:
                    out.add(tokens[-1])
    return sorted(out)


def classifiers():
    """Nouns with a sense among animals, plants, natural objects, places, substances or body parts (willow, coal,
    marsh, jungle, tail): words that classify a kind of animal or plant when written before its name (willow tit, coal tit). A
    colour, a verb or an evaluative adjective (purple, send, hard) is none of them."""
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    out = set()
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split()
                offsets = parts[-int(parts[2]):]
                if re.fullmatch(r"[a-z]+", parts[0]) and any(lexfiles[o] in ("05", "08", "15", "17", "20", "27")
                                                             for o in offsets):
                    out.add(parts[0])
    # relational adjectives ("of or relating to") of a sense among animals, places, natural objects or plants, no
    # noun of a person themselves: Andean, arctic, pelagic, alpine (Andean cock-of-the-rock), not African or Asian,
    # which also name people, nor those of body parts (genital)
    persons_of = {}
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split()
                persons_of[parts[0]] = any(lexfiles[o] == "18" for o in parts[-int(parts[2]):])
    for offset, words, ptrs, gloss in synsets(os.path.join(WN, "data.adj")):
        for w in words:
            adj = re.sub(r"\(.*\)$", "", lemma(w)).lower()
            if re.fullmatch(r"[a-z]+", adj) and adj not in out and not persons_of.get(adj, False) and any(
                    sym == "\\" and pos == "n" and lexfiles[tgt] in ("05", "15", "17", "20")
                    for sym, tgt, pos in ptrs):
                out.add(adj)
    return sorted(out)


def genera():
    """The genera WordNet names ("genus Brassica" -> Brassica): the first word of a binomial (ScientificNames)."""
    out = set()
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        for w in words:
            l = lemma(w)
            if l.startswith("genus ") and re.fullmatch(r"[A-Z][a-z]+", l[6:]):
                out.add(l[6:])
    return sorted(out)


def surnames(english, terms):
    """Surnames of the people WordNet names (the last word of a person's name: Adam Smith, Henry Dale, Martin Luther
    King) that are also English words in lower case and no lexicon term: after a capitalised term such as Dick, a
    family name (Dick Smith, Dick Dale), where any other English word makes a phrase in title case (Dick Move)."""
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    out = set()
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        if lexfiles[offset] != "18" or not any(sym == "@i" for sym, _, _ in ptrs):
            continue
        for w in words:
            toks = lemma(w).split(" ")
            last = toks[-1]
            if (len(toks) >= 2 and re.fullmatch(r"[A-Z][a-z]+", last) and last.lower() in english
                    and last.lower() not in terms):
                out.add(last.lower())
    return sorted(out)


def lemmas_outside(english):
    """Noun lemmas of one word (or words joined by hyphens) that the English list lacks (Cuon, booyong, dik-dik,
    Kant), written as WordNet writes them, capitalised when WordNet has no lower-case form: a sound-alike spelling
    that is one of them is that word."""
    written = {}
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        for w in words:
            l = lemma(w)
            k = l.lower()
            if re.fullmatch(r"[a-z]+(-[a-z]+)*", k) and k not in english:
                if l == k or k not in written:
                    written[k] = l
    return sorted(written.values(), key=str.lower)


def persons():
    """Single-word nouns whose most frequent sense is a person (lexicographer file noun.person): a word of abuse before
    one of them addresses someone ("bastard seller"), it does not start the name of a thing."""
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    return sorted(w for w, s in first_noun_senses().items() if re.fullmatch(r"[a-z]+", w) and lexfiles[s] == "18")


BIRD = "01503061"  # bird: warm-blooded egg-laying vertebrates ...
# classes of animals whose members are named beside each other in a text about them: birds, canines (dogs, wolves,
# foxes), equines (horses, asses, zebras); for the mammals, the names of young mammals too (pup, whelp, foal)
ANIMAL_CLASSES = (BIRD, "02083346", "02374149")
YOUNG_MAMMAL = "01321854"

STOP = set("""a an the and or of to in on at by for with from as that this these those which who whom whose
what when where how than then into onto over under about after before between through during without within
any some all each every other such same its their his her our your one two three used having has have had is are
was were be been being made make makes usually especially often also very more most small large long short
similar related member members family genus kind kinds type types form forms part parts thing things something
someone person people body common various several many much little great""".split())


def senses(terms, things_list):
    """For lexicon terms that are no named thing but have a sense among innocent animals, artifacts or foods (tit the bird,
    faggot the bundle of sticks, cock the tap, shag the cormorant): the words that show that sense in a text
    (its synonyms; its hypernyms, three levels up for animals, one for artifacts and foods; its holonyms, such as the genus and family; its one-word hyponyms;
    the words of its gloss; the heads of compound nouns that it or a hypernym modifies: nest and feeder from
    bird's nest and bird feeder, artifacts only), less every word that also belongs to a sense of the term that is not innocent."""
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        lexfiles = {line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")}
    info = {}
    compounds = {}
    for offset, words, ptrs, gloss in synsets(os.path.join(WN, "data.noun")):
        info[offset] = (words, ptrs, gloss)
        for w in words:
            toks = re.split(r"[ -]", lemma(w).lower())
            if len(toks) == 2 and lexfiles[offset] in ("06", "17"):  # "bird feeder", "bird's nest": an artifact or
                compounds.setdefault(re.sub(r"'s$", "", toks[0]), set()).add(toks[1])  # object named after the word
    senses_of = {}
    for offset, (words, ptrs, gloss) in info.items():
        for w in words:
            l = lemma(w)
            if l.lower() in terms and l[:1].islower():
                senses_of.setdefault(l.lower(), []).append(offset)

    def tokens(text):
        return {t for t in re.findall(r"[a-z]+", text.lower()) if len(t) >= 4 and t not in STOP}

    children = {}
    for offset, (words, ptrs, gloss) in info.items():
        for sym, tgt, _ in ptrs:
            if sym in ("~", "~i"):
                children.setdefault(offset, []).append(tgt)

    def names_under(root):
        """Every one-word name under a synset: a bird named near the word shows its sense of a bird."""
        out, stack, seen = set(), [root], set()
        while stack:
            o = stack.pop()
            if o not in seen:
                seen.add(o)
                stack.extend(children.get(o, []))
                out |= {lemma(w).lower() for w in info[o][0] if re.fullmatch(r"[a-z]{3,}", lemma(w))}
        return out

    body_senses = {}  # the lexicographer files of each noun's senses: "08" (noun.body) for rump, haunch, chest
    for offset, (words, ptrs, gloss) in info.items():
        for w in words:
            body_senses.setdefault(lemma(w).lower(), set()).add(lexfiles[offset])
    class_names = {root: names_under(root) for root in ANIMAL_CLASSES}
    young = names_under(YOUNG_MAMMAL)
    # nouns whose definition is about mammals (milk, fur, litter, weaning), themselves no animal, body part, artifact
    # or person: evidence of a mammal's sense (Lesk: the gloss of the context word names the sense's class)
    first_sense = first_noun_senses()
    of_mammals = {w for w, o in first_sense.items() if o in info and re.fullmatch(r"[a-z]{4,}", w)
                  and lexfiles[o] not in ("05", "06", "08", "18")
                  and re.search(r"\bmammals?\b", info[o][2].split(";")[0])}

    def animal_class(offset):
        up, frontier = set(), {offset}
        while frontier:
            frontier = {tgt for o in frontier for sym, tgt, _ in info[o][1] if sym in ("@", "@i")} - up
            up |= frontier
        return next((root for root in ANIMAL_CLASSES if root in up), None)

    def signature(offset, innocent):
        words, ptrs, gloss = info[offset]
        sig = tokens(gloss) | {t for w in words for t in tokens(lemma(w))}
        root = animal_class(offset) if innocent else None
        if root:
            sig |= class_names[root] | (young | of_mammals if root != BIRD else set())
        up, frontier = set(), {offset}
        # three levels up a taxonomy of animals (tit, oscine, passerine, bird); one for artifacts and foods, whose
        # upper levels are words of any listing (faggot, bundle, package, container)
        for _ in range(3 if lexfiles[offset] == "05" else 1):
            frontier = {tgt for o in frontier for sym, tgt, _ in info[o][1] if sym in ("@", "@i")}
            up |= frontier
        for o in up | {offset}:
            for w in info[o][0]:
                l = lemma(w).lower()
                sig |= tokens(l)
                if innocent and " " not in l:
                    sig |= {t for t in compounds.get(l, ()) if len(t) >= 4 and t not in STOP}
        if root:
            # the parts of its class that only animals have (noun.animal), and their kinds, less words with a sense
            # among body parts or artifacts (rump, haunch, halter): feather, hackle and plume of a bird
            for o in (root,):
                for sym, part, _ in info[o][1]:
                    if sym == "%p" and lexfiles[part] == "05":
                        for k in [part] + children.get(part, []):
                            sig |= {t for w in info[k][0] if " " not in lemma(w) for t in tokens(lemma(w))
                                    if not {"06", "08"} & body_senses.get(t, set())}
        for sym, tgt, _ in ptrs:
            if sym in ("#m", "#p", "#s") or (sym in ("~", "~i") and len(info[tgt][0]) > 0):
                sig |= {t for w in info[tgt][0] if " " not in lemma(w) and "_" not in w for t in tokens(lemma(w))}
        return sig

    nouns = set(first_noun_senses())  # evidence is a noun, not an adjective or adverb ("sure-footed")
    modifiers = set()
    for pos in ("adj", "adv"):
        with open(os.path.join(WN, "index." + pos), encoding="latin-1") as f:
            modifiers.update(line.split()[0] for line in f if not line.startswith(" "))
    out = {}
    for term, offsets in senses_of.items():
        if term in things_list or any(tgt == ETHNIC_SLUR for o in offsets for sym, tgt, _ in info[o][1]
                                      if sym == ";u"):
            continue  # a word with an ethnic-slur sense keeps it, as in things()
        good, bad = set(), set()
        for o in offsets:
            words, ptrs, gloss = info[o]
            domains = {tgt for sym, tgt, _ in ptrs if sym == ";u"}
            if (lexfiles[o] in ("05", "06", "13") and innocent_thing(lexfiles[o], domains, gloss)
                    and not re.search(r"\b(informal|slang)\b", gloss)):  # "pussy, informal for a cat" stays slang
                good |= signature(o, True)
            else:
                bad |= signature(o, False)
        sig = sorted(t for t in good - bad - set(terms) - modifiers
                     if t != term and not t.startswith(term) and (t in nouns or t[:-1] in nouns))
        if sig:
            out[term] = sig
    return [t + ": " + " ".join(sig) for t, sig in sorted(out.items())]


def places(english):
    """Names of places (nouns that are part of another place, written with a capital), and the first word of those
    of several words when it is no English word (Orkney of Orkney Islands, not New): after a comma, one of them
    makes the word before it a place too ("Twatt, Orkney")."""
    out = set()
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        with_part = any(sym in ("#p", "%p") for sym, _, _ in ptrs)
        for w in words:
            l = lemma(w)
            if with_part and re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)*", l):
                first = l.split(" ")[0]
                if first == l or first.lower() not in english:
                    out.add(first)
    return sorted(out)


REGION_ROOTS = {"08168978": "state, nation, country", "08544813": "country, state, land",
                "08654360": "state, province", "08546183": "county", "08558488": "principality",
                "09203827": "archipelago", "09316454": "island"}
# direct instances only: the classes below geographical area hold the cities and towns (Yorkshire is kept, London not)
AREA = "08574314"  # geographical area, geographic area, geographical region, geographic region


def hyponym_closure(roots):
    """The given noun synsets and every synset below them (hyponyms, not instances)."""
    down = {}
    for offset, _, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        down[offset] = [t for sym, t, pos in ptrs if sym == "~" and pos == "n"]
    out, todo = set(roots), list(roots)
    while todo:
        for t in down.get(todo.pop(), []):
            if t not in out:
                out.add(t)
                todo.append(t)
    return out


def regions(english):
    """Instances of countries, states, provinces, counties, islands and geographical areas (not of cities): the one-word names, the first word of a
    longer name when it is no English word, and each name of a pair joined by "and" (Newfoundland and Labrador)."""
    classes = hyponym_closure(REGION_ROOTS) | {AREA}
    out = set()
    for offset, words, ptrs, _ in synsets(os.path.join(WN, "data.noun")):
        if any(sym == "@i" and t in classes for sym, t, _ in ptrs):
            for w in words:
                for l in lemma(w).split(" and "):
                    if re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)*", l):
                        first = l.split(" ")[0]
                        if first == l or first.lower() not in english:
                            out.add(first)
    return sorted(out)


COLOUR_ROOT = "04956594"  # color, colour, coloring, colouring
DEPICTION_ROOTS = {"04076846": "representation", "02743547": "art, fine art", "03169390": "decoration, ornament"}
PHOTOGRAPH = "03925226"  # photograph, photo, exposure, picture, pic


def colours(terms):
    """Lexicon words whose animal kinds WordNet names with a colour before them (blue tit, black cock), the colour
    nouns, and the nouns with a sense among depictions other than photographs, less the photograph's own synonyms
    (print and figurine are kept; photo, pic and picture are not)."""
    colour_set = hyponym_closure({COLOUR_ROOT})
    depiction_set = hyponym_closure(DEPICTION_ROOTS) - hyponym_closure({PHOTOGRAPH})
    colour_words, depictions, photo_names, animals = set(), set(), set(), []
    for offset, words, _, _ in synsets(os.path.join(WN, "data.noun")):
        for w in words:
            l = lemma(w).lower()
            if offset == PHOTOGRAPH:
                photo_names.add(l)
            if re.fullmatch(r"[a-z]+", l):
                if offset in colour_set:
                    colour_words.add(l)
                if offset in depiction_set:
                    depictions.add(l)
            elif re.fullmatch(r"[a-z]+ [a-z]+", l) and lexfile_of(offset) == "05":
                animals.append(l.split(" "))
    kinds_by_colour = {head for mod, head in animals if mod in colour_words and head in terms}
    return (["kind " + k for k in sorted(kinds_by_colour)] + ["colour " + c for c in sorted(colour_words)]
            + ["depiction " + d for d in sorted(depictions - photo_names)])


_LEXFILES = {}


def lexfile_of(offset):
    """The lexicographer file number of a noun synset ("05" for animals)."""
    if not _LEXFILES:
        with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
            _LEXFILES.update({line.split()[0]: line.split()[1] for line in f if not line.startswith("  ")})
    return _LEXFILES[offset]


HEADER = ("# Derived from Princeton WordNet 3.0 (wordnet-base) by tools/lexicons/wordnet_extract.py; "
          "licence in wordnet-LICENSE.txt.\n")


def write(name, lines, what):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(HEADER)
        f.write("# " + what + "\n")
        for l in lines:
            f.write(l + "\n")
    print(name, len(lines))


if __name__ == "__main__":
    for root, label in (list(CONDITION_ROOTS.items()) + list(TREATMENT_ROOTS.items()) + list(SYMPTOM_ROOTS.items())
                        + list(IMPAIRMENT_ROOTS.items())):
        found = [w for o, w, _, _ in synsets(os.path.join(WN, "data.noun")) if o == root]
        first = label.split(",")[0].split(" (")[0]
        if not found or first not in [lemma(w).lower() for w in found[0]]:
            sys.exit("root synset %s (%s) not found: not WordNet 3.0?" % (root, label))
    terms = lexicon_terms()
    write("names-wordnet.txt", names(terms),
          "Names and multi-word terms that contain a profanity lexicon term and have no obscene sense.")
    write("things-wordnet.txt", things(terms),
          "Lexicon terms that also name a concrete, inoffensive thing (ProfanityCheck lets them stand in a name).")
    write("kinds-wordnet.txt", kinds(terms),
          "Lexicon terms that name a kind of innocent thing whose kinds are named with a modifier (blue tit).")
    write("senses-wordnet.txt", senses(terms, set(things(terms))),
          "Lexicon terms with an innocent concrete sense, and the words that show that sense in a text.")
    write("classifiers-wordnet.txt", classifiers(),
          "Nouns with a sense among animals, plants, natural objects, places, substances or body parts (willow, coal).")
    with open(os.path.join(OUT, "english-words.fc.txt"), encoding="utf-8") as f:
        english = {w for w in front_code.decode(f.read().split("\n")) if w and not w.startswith("#")}
    write("places-wordnet.txt", places(english), "Places (countries, regions, towns, islands) and the first word of each.")
    write("regions-wordnet.txt", regions(english),
          "Countries, states, provinces, counties and other regions: after a comma, a town's region.")
    write("colours-wordnet.txt", colours(terms),
          "Words whose kinds are named by a colour (kind), colour nouns (colour), depictions that are no photograph.")
    write("genera-wordnet.txt", genera(), "Genera (the first word of a binomial name such as Brassica rapa).")
    write("surnames-wordnet.txt", surnames(english, terms),
          "Surnames of people WordNet names that are also English words (smith, dale, king).")
    write("lemmas-wordnet.txt", lemmas_outside(english),
          "Noun lemmas of one word that the English word list lacks; a sound-alike spelling that is one is no finding.")
    write("persons-wordnet.txt", persons(), "Nouns whose most frequent sense is a person.")
    write("conditions-wordnet.txt", conditions(),
          "Diseases, disorders, infections, tumours, pathogens and parasites (all hyponyms of the roots in the tool).")
    write("impairments-wordnet.txt", conditions(IMPAIRMENT_ROOTS),
          "Defects of sight and hearing (all hyponyms of the roots in the tool); claims only with a verb that is no "
          "verb of protection.")
    write("symptoms-wordnet.txt", conditions(SYMPTOM_ROOTS),
          "Symptoms and pains (all hyponyms of the roots in the tool); claims only with a curing or relieving verb.")
    write("treatments-wordnet.txt", conditions(TREATMENT_ROOTS),
          "Medicines, prescription drugs and therapies (all hyponyms of the roots in the tool).")
