package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Misleading claims recognised by their structure rather than as fixed phrases, over the tokens of the phrase view
 * (lower case, digits as {@code #}):
 *
 * <ul>
 *   <li>{@code claim.disease}: an efficacy verb ({@code treats}, {@code cures}, {@code prevents}, {@code fights},
 *       {@code kills}, {@code shrinks}, {@code blocks}, {@code reverses}, {@code heals}...) with a disease, symptom or
 *       pathogen after it in the same clause (the condition vocabulary plus words ending in {@code -itis}, {@code
 *       -emia}, {@code -virus}...), which covers kill-percentages ({@code kills 99.9% of viruses}); also {@code boosts
 *       the immune system};</li>
 *   <li>{@code claim.weight-loss}: a loss verb with an amount and a unit of weight or size ({@code lose 10 lbs});</li>
 *   <li>{@code claim.cosmetic-result}: a change verb on a cosmetic target said to act permanently or instantly;</li>
 *   <li>{@code claim.social-proof}: counters of other shoppers ({@code 23 people are viewing this}, {@code booked 14
 *       times today}, {@code 120 sold in the last 24 hours});</li>
 *   <li>{@code claim.price-superlative}: {@code lowest / cheapest price} with a scope ({@code on the market},
 *       {@code anywhere}, {@code online});</li>
 *   <li>{@code claim.unsubstantiated-superlative}: {@code world's leading / best / #1}, {@code most awarded}, {@code
 *       number one brand}, unless the text names a source;</li>
 *   <li>{@code claim.testimonial}: a first-person outcome ({@code I lost 20 lbs in 2 weeks}, {@code my eczema was
 *       gone});</li>
 *   <li>{@code claim.clickbait}: {@code doctors hate this}, {@code one weird trick}.</li>
 * </ul>
 *
 * A claim in a clause with a negation before it ({@code does not cure}, {@code not intended to diagnose, treat, cure
 * or prevent any disease}) is not a claim; neither is a pathogen that only causes odour or stains ({@code kills
 * odor-causing bacteria}) nor a condition a product is merely suited to ({@code acne-prone skin}). Immutable and
 * thread-safe.
 */
final class ClaimPatterns {

    static final String CONDITIONS = "conditions-en.txt";
    /** Diseases, disorders, infections, tumours, pathogens and parasites from WordNet (see NOTICE.md). */
    static final String WORDNET_CONDITIONS = "conditions-wordnet.txt";
    /** Medicines, prescription drugs and therapies from WordNet. */
    static final String WORDNET_TREATMENTS = "treatments-wordnet.txt";
    /** Symptoms and pains from WordNet: a claim only with a verb of {@link #CURE}. */
    static final String WORDNET_SYMPTOMS = "symptoms-wordnet.txt";
    /** Defects of sight and hearing from WordNet: a claim only with an efficacy verb that is no {@link #BARRIER}. */
    static final String WORDNET_IMPAIRMENTS = "impairments-wordnet.txt";
    /** Verbs of protection: a barrier against noise or light is no cure ("protect against hearing loss"). */
    private static final Set<String> BARRIER = words("protect protects protection against");
    /** Verbs that say a product cures or relieves; the only ones that make a symptom a claim. */
    private static final Set<String> CURE = words("cure cures cured curing treat treats treated treating relieve "
            + "relieves relieved relieving heal heals healed healing alleviate alleviates fix fixes banish banishes "
            + "combat combats combating combatting reverse reverses reversed reversing");
    /** Symptoms that are also everyday words: a claim only after a verb of {@link #CURE} ("combat stress"). */
    private static final Set<String> COMPLAINTS = words("stress fatigue exhaustion burnout tiredness");
    /** Parts of the body whose repair or regrowth is a medical claim ("joint repair formula"). */
    private static final Set<String> BODY_PARTS = words("joint joints cartilage nerve nerves tendon tendons ligament "
            + "ligaments liver kidney kidneys gut artery arteries knee knees spine disc discs bone bones tissue "
            + "cell cells neuron neurons");
    /** Nouns that name the repair or regrowth of a body part. */
    private static final Set<String> REPAIR_NOUNS = words("repair regeneration regrowth rebuilding rebuild renewal");
    /** Words after a repair noun that make it a service or a tool ("knee repair kit" is a tool for trousers). */
    private static final Set<String> SERVICE_NOUNS = words("kit kits service services tool tools shop patch patches "
            + "tape glue");
    private static final int WINDOW = 7;

    private static final Set<String> EFFICACY = words("treat treats treated treating treatment treatments cure cures "
            + "fix fixes "
            + "cured curing prevent prevents prevented preventing prevention fight fights fighting combat combats "
            + "combating kill kills killing killed shrink shrinks shrinking shrunk block blocks blocking reverse "
            + "reverses reversed reversing heal heals healed healing eliminate eliminates eliminating eradicate "
            + "eradicates destroy destroys destroying defeat defeats beat beats relieve relieves relief remedy "
            + "remedies stop stops stopping protect protects protection against neutralize neutralizes neutralise "
            + "neutralises dissolve dissolves wipe wipes clear clears clearing banish banishes helps help helping "
            + "aids alleviate alleviates ease eases soothe soothes soothing reduce reduces lower lowers lowering "
            + "manage manages control controls calm calms calming improve improves restore restores restoring rid "
            + "rids ridding conquer conquers overcome overcomes");
    private static final Set<String> NEGATORS = words("not no never don't doesn't didn't isn't aren't wasn't won't "
            + "cannot can't nor without neither");
    private static final Set<String> CAUSING = words("causing caused");
    private static final Set<String> LOSS = words("lose loses losing lost shed sheds shedding drop drops dropped "
            + "dropping burn burns burned burning melt melts melted");
    private static final Set<String> WEIGHT_UNITS = words("lbs lb pounds pound kg kgs kilos kilo kilograms stone "
            + "stones inches inch sizes dress");
    private static final Set<String> CALORIES = words("calories calorie kcal cals");
    /** Words after a rating that make it a score, not a rank ("rated 1 out of 5"). */
    private static final Set<String> OUT_OF = words("of out star stars point points");
    private static final Set<String> NUMBER_WORDS = words("one two three four five six seven eight nine ten "
            + "eleven twelve fifteen twenty thirty forty fifty hundred");
    private static final Set<String> PERMANENCE = words("permanent permanently instant instantly overnight forever "
            + "immediately immediate instantaneous instantaneously");
    private static final Set<String> CHANGE = words("removes remove removing erases erase eliminates eliminate "
            + "banishes banish reverses reverse repairs repair lifts lift tightens tighten fills fill regrows regrow "
            + "vanish vanishes disappear disappears gone clears clear smooths smoothes smooth reduces reduce "
            + "gets get rid erasing results");
    private static final Set<String> COSMETIC = words("wrinkles wrinkle lines cellulite acne scars scar stretch "
            + "marks spots pores blemishes aging ageing sagging crow's bags circles pigmentation hyperpigmentation "
            + "stomach tummy belly "
            + "grey gray bald baldness fat freckles puffiness hair");
    private static final Set<String> PEOPLE = words("people shoppers customers others visitors users buyers persons "
            + "guests travelers travellers");
    private static final Set<String> ACTIVITY = words("viewing watching looking bought purchased booked added "
            + "ordered have has are just browsing");
    private static final Set<String> COUNTED = words("booked sold bought purchased viewed ordered reserved claimed");
    private static final Set<String> CHEAP = words("lowest cheapest unbeatable");
    private static final Set<String> PRICE = words("price prices pricing");
    private static final Set<String> SCOPE = words("market anywhere online town world country uk us usa internet "
            + "britain england scotland wales ireland europe australia canada america "
            + "web around ever guaranteed planet earth");
    private static final Set<String> REGION = words("world's worlds america's americas britain's uk's europe's "
            + "nation's country's australia's canada's");
    private static final Set<String> SUPERLATIVE = words("leading best most top #1 number largest biggest fastest "
            + "favorite favourite first only greatest strongest");
    private static final Set<String> MOST = words("awarded trusted recommended decorated loved");
    private static final Set<String> RANK_NOUN = words("brand choice rated seller selling pick product");
    private static final Set<String> SOURCES = words("source according survey surveyed ranked study data based "
            + "nielsen euromonitor report");
    private static final Set<String> FIRST_PERSON = words("i i've i'd we we've my our me");
    private static final Set<String> OUTCOME = words("lost dropped shed cured healed reversed cleared disappeared "
            + "gone vanished regrew grew shrank shrunk stopped improved normalised normalized fell lowered halved "
            + "subsided plummeted normal");
    /** Verbs that raise a body function by a stated amount ("boosts testosterone by 300%"). */
    private static final Set<String> RAISE = words("boosts boost increases increase raises raise doubles double "
            + "triples triple enhances enhance improves improve");
    /** Body functions whose quantified rise is a health claim. */
    private static final Set<String> BODY_FUNCTIONS = words("testosterone metabolism libido memory focus brain iq "
            + "stamina collagen fertility immunity hormones hormone energy concentration");
    /** Periods after which a sales count reads as a live counter ("500 sold today"). */
    private static final Set<String> RECENT = words("today tonight hour week");
    /** Body measures and complaints a testimonial reports on, besides the conditions. */
    private static final Set<String> MEASURES = words("cholesterol sugar pressure snoring eyesight vision hearing "
            + "pain pains aches weight migraines headaches");
    /** "no longer need my inhaler", "came off my pills": the speaker gave up a treatment. */
    private static final Set<String> GAVE_UP = words("need needed take taking off ditched quit stopped threw stop "
            + "ditch");
    private static final Set<String> TREATMENT_WORDS = words("inhaler inhalers pills pill medication medications "
            + "meds tablets insulin glasses injections prescription prescriptions");
    /** Verbs that credit a product with an outcome for the speaker: "made me", "helped me". */
    private static final Set<String> CAUSED = words("made helped let got");
    private static final Set<String> FIRST_PERSON_OBJECT = words("me us");
    /** Outcome verbs in the form that follows "made me" / "helped me". */
    private static final Set<String> OUTCOME_VERBS = words("cure heal beat clear reverse regrow overcome kick");
    private static final Set<String> PROFESSIONS = words("doctors doctor dentists dermatologists experts pharma "
            + "scientists researchers physicians cardiologists "
            + "surgeons pharmacists banks trainers nutritionists");
    private static final Set<String> HATE = words("hate hates stunned shocked furious baffled terrified scared "
            + "afraid outraged speechless livid panicking hiding hide hides suppressing suppress suppresses burying");
    private static final Set<String> KEEP = words("keep keeps keeping ward wards fend fends");
    private static final Set<String> AWAY = words("away off");
    private static final Set<String> TRICK_ADJ = words("weird simple strange odd crazy bizarre little secret one "
            + "this");
    private static final Set<String> TRICK = words("trick tricks hack hacks ritual rituals");
    /** Words that offer a product in place of a medicine or therapy. */
    private static final Set<String> ALTERNATIVE = words("alternative alternatives substitute substitutes "
            + "replacement replacements dupe dupes instead");
    /** Verbs of a detox claim, before {@code toxins} or {@code heavy metals}. */
    private static final Set<String> PURGE = words("flush flushes flushing draw draws drawing remove removes "
            + "removing eliminate eliminates eliminating detox detoxes detoxify detoxifies cleanse cleanses "
            + "cleansing purge purges purging expel expels pull pulls");
    /** Words before "(the) need for" that take a medicine's place: "eliminates the need for insulin". */
    private static final Set<String> NO_MORE = words("no eliminates eliminate eliminating removes remove ends end "
            + "replaces replace without");
    /** Words that liken a product to a medicine named after them ("works like", "mimics", "nature's"). */
    private static final Set<String> LIKENESS = words("like mimics mimic mimicking nature's natures");
    /** Verbs before {@code like} that make it a likeness of effect ("works like", "acts like"). */
    private static final Set<String> ACTS = words("works work acts act performs functions");
    /** Adjectives of efficacy that a comparison with rival products turns into a claim. */
    private static final Set<String> EFFICACY_ADJ = words("effective efficient potent powerful");
    /** Words that point a comparison at rival products rather than at the retailer's own earlier model. */
    private static final Set<String> RIVALS = words("other others leading competing competitor competitors "
            + "competitor's ordinary regular standard conventional rival rivals typical traditional any");

    /**
     * Verbs that make a health claim with almost any condition after them; the milder ones of {@link #EFFICACY}
     * ("helps", "protects", "reduces") are common in product copy and are looked at only when the text names a
     * condition or has another trigger.
     */
    private static final Set<String> STRONG_EFFICACY = words("treat treats treating cure cures cured curing "
            + "prevents heal heals healing kills killing shrink shrinks shrinking reverses reversing eradicate "
            + "eradicates eliminates relieve relieves alleviate alleviates soothes eases calms neutralizes "
            + "neutralises");
    /**
     * Verbs that move a disease marker ("lowers blood sugar", "balances blood glucose"): a claim to lower or control
     * a marker of a disease is a claim to treat it (FDA, 21 CFR 101.93(g)(2)); "supports healthy blood pressure"
     * is a structure or function claim and has no verb of this set.
     */
    private static final Set<String> MOVE_MARKER = words("lower lowers lowering lowered reduce reduces reducing "
            + "reduced balance balances balancing regulate regulates regulating normalise normalises normalising "
            + "normalize normalizes normalizing stabilise stabilises stabilize stabilizes control controls "
            + "controlling cut cuts slash slashes");
    /** Markers of a disease that a product claims to move, as phrase-view tokens. */
    private static final List<String[]> MARKERS = List.of(new String[] {"blood", "sugar"},
            new String[] {"blood", "sugars"}, new String[] {"blood", "glucose"}, new String[] {"glucose"},
            new String[] {"blood", "pressure"}, new String[] {"cholesterol"}, new String[] {"ldl"},
            new String[] {"triglycerides"},
            new String[] {"uric", "acid"}, new String[] {"insulin", "resistance"});
    /** Nouns after a marker that make it the name of a device or a test ("blood pressure cuff"). */
    private static final Set<String> DEVICE_NOUNS = words("cuff cuffs monitor monitors meter meters machine "
            + "machines reader readers test tests testing kit kits strip strips sensor sensors gauge gauges chart "
            + "log diary");
    /**
     * Words that make a condition before them the target of a product named for it ("Flu Immune Drops",
     * "Virus Destroyer tea", "Cold and Flu Buster", "autism focused formula", "migraine formula"): a disease claim in
     * a name.
     */
    private static final Set<String> AGAINST_NOUNS = words("destroyer destroyers buster busters fighter fighters "
            + "shield immune cure remedy defense defence focused formula formulas");
    /** Words of surprise or disclosure after a profession that make a headline clickbait ("optometrists amazed"). */
    private static final Set<String> REVEAL = words("amazed astonished stumped reveals revealed reveal begs beg "
            + "warns warn urges pleads");
    /** Words after "do this" that make it a clickbait command ("do this immediately", "do this every night"). */
    private static final Set<String> URGENT = words("immediately now tonight daily every before instantly asap");
    /** Words after an opening bracket that list examples of what came before it ("(such as dementia)"). */
    private static final Set<String> EXAMPLES = words("such including includes e eg ie like especially incl");
    /** Verbs of self-repair after a body part ("your joints can heal themselves"). */
    private static final Set<String> SELF_REPAIR = words("heal heals repair repairs regrow regrows rebuild rebuilds "
            + "regenerate regenerates restore restores");
    /** Internal organs that a purge verb claims to clear ("detox your liver", "cleanses the colon"). */
    private static final Set<String> ORGANS = words("liver livers kidney kidneys colon colons bowel bowels intestine "
            + "intestines lungs lung bloodstream arteries lymph lymphatic");
    /** Words of an endorsement by a profession ("doctor recommended", "approved by dermatologists"). */
    private static final Set<String> ENDORSED = words("recommended recommend recommends approved endorsed backed");
    /** Verbs that undo ageing itself, not its look ("reverses ageing", "halts the ageing process"). */
    private static final Set<String> UNDO = words("reverse reverses reversed reversing halt halts halting stop stops "
            + "stopping");
    /** Words of leave-taking before "to" + a condition: the same promise as "no more" ("say goodbye to migraines"). */
    private static final Set<String> FAREWELL = words("goodbye farewell bye adieu");
    private static final List<String> FAMILY_TRIGGERS = List.of("immune", "immunity", "away", "at bay", "# lbs",
            "#lbs", "# lb", "# pounds", "# kilos", "# kg", "#kg", "# kilograms", "# stone", "dress sizes",
            "body weight", "fat", "wrinkles", "wrinkle", "cellulite",
            "acne", "scars", "pores", "blemishes", "baldness", "pigmentation", "hyperpigmentation", "puffiness",
            "freckles", "sagging", "aging", "ageing", "fine lines", "dark spots", "age spots", "dark circles",
            "eye bags", "stretch marks", "grey hair", "gray hair", "hair loss", "crow's feet", "# people",
            "# shoppers", "# customers", "# others", "# other", "# visitors", "# users", "# buyers", "# guests",
            "# times", "sold #", "# sold", "booked #", "bought #", "purchased #", "viewed #", "ordered #", "lowest",
            "cheapest", "unbeatable", "world's", "worlds", "in the world", "america's", "britain's", "uk's",
            "europe's", "nation's", "country's", "australia's", "canada's", "most awarded", "most trusted",
            "most recommended", "most decorated", "most loved", "number one", "the only", "i lost", "i've lost",
            "i have lost", "we lost", "i dropped", "i shed", "i healed", "i cured", "i reversed", "is gone",
            "was gone", "are gone", "were gone", "disappeared", "vanished", "cleared up", "grew back", "regrew",
            "trick", "tricks", "doctors", "doctor", "dentists", "dermatologists", "experts", "pharma", "scientists",
            "researchers", "physicians", "cardiologists", "surgeons",
            "pharmacists", "trainers", "nutritionists", "alternative", "alternatives",
            "substitute", "substitutes", "replacement for", "dupe", "dupes", "instead of", "more effective",
            "more efficient", "more potent", "more powerful", "as effective", "as efficient", "as potent",
            "as powerful", "toxins", "toxin", "heavy metals", "made me", "helped me", "helped us", "made us",
            "let me", "got me", "my inhaler", "my pills", "my medication", "my meds", "my tablets", "my insulin",
            "my glasses", "my reading glasses", "my blood", "my cholesterol", "my snoring", "my eyesight",
            "my tumour", "my tumor", "shrank", "snoring", "cholesterol", "blood sugar", "blood pressure",
            "calories", "kcal", "testosterone", "metabolism", "libido", "brain power", "rated #", "ranked #", "voted #",
            "sold today", "sold this", "cheapest", "stomach", "tummy", "belly", "works like", "acts like",
            "work like", "act like", "mimics", "mimic", "mimicking", "nature's", "natures",
            "no longer need", "came off my", "need for", "permanently", "instantly", "forever", "overnight",
            "lose weight", "losing weight", "lost weight", "shed weight", "weight loss", "while you sleep",
            "without diet", "without dieting", "without exercise", "protects against", "protect against",
            "protection against", "defends against", "guards against", "shields against", "get rid of",
            "gets rid of", "stopped taking", "quit my", "ditched my", "threw away my", "blood glucose", "glucose",
            "triglycerides", "ldl", "uric acid", "insulin resistance", "amazed", "astonished",
            "stumped", "reveals", "revealed", "reveal", "do this", "combat stress", "combats stress",
            "combating stress", "repair", "regeneration", "regrowth", "rebuilding", "rebuild", "renewal",
            "recommended", "approved", "endorsed", "liver", "kidneys", "colon", "bowel", "bowels", "intestines",
            "lungs", "bloodstream", "lymphatic", "back the clock", "fights", "fight", "fighting", "destroys",
            "defeats", "conquers", "overcomes", "want you to know", "gone", "from a size", "from size", "haven't had",
            "hasn't had", "weird", "bizarre", "themselves", "itself", "hack", "hacks", "ritual", "begs", "warns",
            "urges", "pleads", "able to stop", "need my", "needed my", "my sugar", "my vision", "my hearing", "my pain",
            "my weight");

    private final List<String> triggers;
    /** The conditions indexed by their first token. */
    private final Map<String, List<String[]>> conditionsByFirst;
    /** Symptoms and pains indexed by their first token. */
    private final Map<String, List<String[]>> symptomsByFirst;
    /** Defects of sight and hearing indexed by their first token. */
    private final Map<String, List<String[]>> impairmentsByFirst;
    /** Medicines and therapies indexed by their first token. */
    private final Map<String, List<String[]>> treatmentsByFirst;

    ClaimPatterns() {
        List<String> conditionLines = new ArrayList<>(PolicyConfig.resourceLines(CONDITIONS));
        conditionLines.addAll(PolicyConfig.resourceLines(WORDNET_CONDITIONS));
        conditionsByFirst = byFirst(conditionLines);
        treatmentsByFirst = byFirst(PolicyConfig.resourceLines(WORDNET_TREATMENTS));
        symptomsByFirst = byFirst(PolicyConfig.resourceLines(WORDNET_SYMPTOMS));
        impairmentsByFirst = byFirst(PolicyConfig.resourceLines(WORDNET_IMPAIRMENTS));
        Set<String> t = new java.util.LinkedHashSet<>(STRONG_EFFICACY);
        t.addAll(FAMILY_TRIGGERS);
        for (Map<String, List<String[]>> index : List.of(conditionsByFirst, symptomsByFirst, impairmentsByFirst)) {
            index.values().forEach(phrases -> phrases.forEach(c -> addTrigger(t, c)));
        }
        triggers = List.copyOf(t);
    }

    /**
     * @return the words and phrases (phrase-view form) whose presence makes a text worth tokenizing: every claim
     *     this class finds contains one of them
     */
    List<String> triggers() {
        return triggers;
    }

    /** Adds a condition as a trigger, also with the dot of an abbreviated genus that the phrase view keeps. */
    private static void addTrigger(Set<String> triggers, String[] phrase) {
        triggers.add(String.join(" ", phrase));
        if (Arrays.stream(phrase).anyMatch(ClaimPatterns::singleLetter)) {
            StringBuilder dotted = new StringBuilder(); // "e. coli", "h. pylori"
            for (String w : phrase) {
                dotted.append(dotted.length() == 0 ? "" : " ").append(w).append(singleLetter(w) ? "." : "");
            }
            triggers.add(dotted.toString());
        }
    }

    private static boolean singleLetter(String w) {
        return w.length() == 1 && Character.isLetter(w.charAt(0));
    }

    private static Map<String, List<String[]>> byFirst(List<String> lines) {
        Map<String, List<String[]>> m = new HashMap<>();
        for (String line : lines) {
            String[] toks = Normalizer.phraseTerm(line.replace(".", " ")).split(" +");
            if (toks.length > 0 && !toks[0].isEmpty()) {
                m.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(toks);
            }
        }
        Map<String, List<String[]>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    /**
     * @return the last token of the longest phrase of {@code index} that starts at a token in {@code [from, to]} of
     *     the clause of {@code from}, or -1; the last word may be a plural ({@code fibroids}, {@code statins})
     */
    private static int phraseAt(Tokens t, int from, int to, Map<String, List<String[]>> index) {
        for (int j = from; j <= to && j < t.size(); j++) {
            if (j < 0 || !t.sameClause(j, from)) {
                continue;
            }
            int end = -1;
            for (String key : singularForms(t.at(j))) {
                List<String[]> candidates = index.get(key);
                if (candidates != null) {
                    for (String[] c : candidates) {
                        if (matchesAt(t, j, c)) {
                            end = Math.max(end, j + c.length - 1);
                        }
                    }
                }
            }
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /**
     * @return the last token of a medicine or therapy starting at token {@code j} (WordNet's treatments, or a drug
     *     named by its nonproprietary stem: {@link DrugStems}), or -1
     */
    private int treatmentAt(Tokens t, int j) {
        if (j >= 0 && j < t.size() && DrugStems.isDrug(t.at(j))) {
            return j;
        }
        return phraseAt(t, j, j, treatmentsByFirst);
    }

    /** @return the last token of the first treatment in tokens {@code from..to} of the clause of {@code from}, or -1 */
    private int treatmentIn(Tokens t, int from, int to) {
        for (int j = from; j <= to && j < t.size(); j++) {
            if (j >= 0 && t.sameClause(j, from) && treatmentAt(t, j) >= 0) {
                return treatmentAt(t, j);
            }
        }
        return -1;
    }

    /** @return {@code w} and the singulars it may be the plural of */
    private static List<String> singularForms(String w) {
        if (w.length() < 4 || !w.endsWith("s")) {
            return List.of(w);
        }
        List<String> forms = new ArrayList<>(4);
        forms.add(w);
        forms.add(w.substring(0, w.length() - 1));
        if (w.endsWith("es")) {
            forms.add(w.substring(0, w.length() - 2));
        }
        if (w.endsWith("ies")) {
            forms.add(w.substring(0, w.length() - 3) + "y");
        }
        return forms;
    }

    private static Set<String> words(String s) {
        return Set.of(s.split(" "));
    }

    /** The tokens of a phrase view. */
    private static final class Tokens {
        final List<String> text = new ArrayList<>();
        final List<int[]> span = new ArrayList<>();
        final List<Integer> clause = new ArrayList<>();

        Tokens(TextView v) {
            char[] c = v.chars;
            int n = v.length;
            int clauseNo = 0;
            int i = 0;
            while (i < n) {
                char x = c[i];
                boolean abbreviation = x == '.' && !text.isEmpty() && text.get(text.size() - 1).length() == 1
                        && span.get(span.size() - 1)[1] == i;
                boolean example = x == '(' && examplesFollow(c, i + 1, n); // "prevents decline (such as dementia)"
                if ((x == '.' && !abbreviation) || x == '!' || x == '?' || x == ';' || x == ':'
                        || (x == '(' && !example) || x == ')' || x == '•' || x == '|') {
                    clauseNo++;
                    i++;
                    continue;
                }
                if (!wordChar(x)) {
                    if (x == '%') {
                        add("%", i, i + 1, clauseNo);
                    }
                    i++;
                    continue;
                }
                int s = i;
                while (i < n && (wordChar(c[i]) || ((c[i] == '\'' || c[i] == '’' || c[i] == '.' || c[i] == ',')
                        && i + 1 < n && wordChar(c[i + 1]) && (c[i] != '.' && c[i] != ',' || isDigit(c[i - 1]))))) {
                    i++;
                }
                String w = leetUndone(new String(c, s, i - s).replace('’', '\''));
                if (w.equals("but")) {
                    clauseNo++;
                }
                add(w, s, i, clauseNo);
            }
        }

        /** @return true when the words from {@code i} introduce examples of what came before the bracket */
        private static boolean examplesFollow(char[] c, int i, int n) {
            int s = i;
            while (s < n && c[s] == ' ') {
                s++;
            }
            int e = s;
            while (e < n && CharClass.isLetter(c[e])) {
                e++;
            }
            return EXAMPLES.contains(new String(c, s, e - s).toLowerCase(java.util.Locale.ROOT));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** A word that mixes letters with leet digits ("v1ruses") read as letters; numbers and codes as they are. */
        private static String leetUndone(String w) {
            int digits = 0;
            while (digits < w.length() && isDigit(w.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && (WEIGHT_UNITS.contains(w.substring(digits)) || CALORIES.contains(w.substring(digits)))) {
                return w; // an amount with its unit: "10lbs", "5kg", "500kcal"
            }
            int letters = 0;
            int leet = 0;
            for (int k = 0; k < w.length(); k++) {
                char ch = w.charAt(k);
                if (CharClass.isLetter(ch)) {
                    letters++;
                } else if (Normalizer.leet(ch) != 0) {
                    leet++;
                } else if (isDigit(ch)) {
                    return w;
                }
            }
            if (leet == 0 || letters < 2 || leet > letters) {
                return w;
            }
            StringBuilder b = new StringBuilder(w.length());
            for (int k = 0; k < w.length(); k++) {
                char ch = w.charAt(k);
                b.append(CharClass.isLetter(ch) || Normalizer.leet(ch) == 0 ? ch : Normalizer.leet(ch));
            }
            return b.toString();
        }

        private void add(String w, int s, int e, int clauseNo) {
            text.add(w);
            span.add(new int[] {s, e});
            clause.add(clauseNo);
        }

        private static boolean wordChar(char c) {
            return CharClass.isLetterOrDigit(c);
        }

        int size() {
            return text.size();
        }

        String at(int k) {
            return k >= 0 && k < text.size() ? text.get(k) : "";
        }

        boolean sameClause(int a, int b) {
            return a >= 0 && b >= 0 && a < size() && b < size() && clause.get(a).equals(clause.get(b));
        }
    }

    /** Every word a claim can start with (numbers aside). */
    private static final Set<String> STARTS;

    static {
        Set<String> s = new HashSet<>();
        for (Set<String> part : List.of(EFFICACY, KEEP, LOSS, PERMANENCE, COUNTED, CHEAP, REGION, PROFESSIONS, TRICK,
                OUTCOME, ALTERNATIVE, EFFICACY_ADJ, PURGE, CAUSED, GAVE_UP, RAISE, LIKENESS, words("need"),
                MOVE_MARKER, AGAINST_NOUNS, REPAIR_NOUNS, ENDORSED, UNDO, SELF_REPAIR,
                words("turn turns turning end ends haven't hasn't havent from want weird bizarre free"),
                words("immune immunity good days hours minutes world only most number"))) {
            s.addAll(part);
        }
        STARTS = Set.copyOf(s);
    }

    /** Finds the structured claims in the light view {@code v} and adds them to {@code out}. */
    void run(TextView v, List<Hit> out) {
        Tokens t = new Tokens(v);
        boolean sourced = sourced(t);
        int lastEnd = -1;
        for (int k = 0; k < t.size(); k++) {
            String w = t.at(k);
            if (!STARTS.contains(w) && !(isNumber(w) && k + 1 < t.size()) && !profession(w)
                    && !(w.equals("more") && t.at(k - 1).equals("no"))
                    && !(w.equals("to") && FAREWELL.contains(t.at(k - 1)))
                    && !(w.equals("do") && t.at(k + 1).equals("this"))) {
                continue;
            }
            int[] found = claimAt(t, k, sourced);
            if (found == null || found[0] < lastEnd) {
                continue;
            }
            Family f = Family.values()[found[2]];
            int from = t.span.get(found[0])[0];
            int to = t.span.get(found[1])[1];
            out.add(new Hit(new Finding(v.originalStart(from), v.originalEnd(to), f.id, "misleading-claim",
                    f.severity, f.message), "[claim removed]"));
            lastEnd = found[1] + 1;
            k = found[1];
        }
    }

    private enum Family {
        DISEASE("claim.disease", Severity.HIGH, "disease treatment, cure or prevention claim"),
        IMMUNE("claim.disease", Severity.HIGH, "immune-system claim"),
        WEIGHT_LOSS("claim.weight-loss", Severity.HIGH, "weight-loss amount claim"),
        COSMETIC("claim.cosmetic-result", Severity.MEDIUM, "permanent or instant cosmetic result"),
        SOCIAL_PROOF("claim.social-proof", Severity.MEDIUM, "fake scarcity or social-proof counter"),
        PRICE("claim.price-superlative", Severity.MEDIUM, "lowest-price claim without a price match"),
        SUPERLATIVE("claim.unsubstantiated-superlative", Severity.MEDIUM, "superlative without a named source"),
        COMPARATIVE("claim.comparative-efficacy", Severity.MEDIUM,
                "efficacy compared with rival products without a named source"),
        TESTIMONIAL("claim.testimonial", Severity.MEDIUM, "first-person outcome used as a claim"),
        CLICKBAIT("claim.clickbait", Severity.MEDIUM, "clickbait claim"),
        DETOX("claim.detox", Severity.HIGH, "claim to rid the body of toxins"),
        ENDORSEMENT("claim.unsubstantiated-approval", Severity.HIGH,
                "clinical, regulatory or expert endorsement without substantiation");

        final String id;
        final Severity severity;
        final String message;

        Family(String id, Severity severity, String message) {
            this.id = id;
            this.severity = severity;
            this.message = message;
        }
    }

    /** @return {first token, last token, family ordinal} of a claim whose trigger is token {@code k}, or null */
    private int[] claimAt(Tokens t, int k, boolean sourced) {
        String w = t.at(k);
        if (OUTCOME.contains(w)) {
            int[] r = testimonial(t, k);
            if (r != null) {
                return r;
            }
        }
        boolean noLongerNeed = w.equals("need") && t.at(k - 1).equals("longer");
        if (GAVE_UP.contains(w) && (t.at(k + 1).equals("my") || t.at(k + 2).equals("my") || noLongerNeed)) {
            // "I no longer need my inhaler", "came off my blood pressure pills", "threw away my glasses",
            // "my doctor took me off my meds", "I'm off my insulin now", "I no longer need glasses"
            boolean speaker = false;
            for (int j = k - 1; j >= k - 4 && j >= 0 && t.sameClause(j, k); j--) {
                speaker |= FIRST_PERSON.contains(t.at(j)) && !t.at(j).equals("my") || t.at(j).equals("i'm");
            }
            boolean tookOff = w.equals("off") && t.at(k - 1).equals("me")
                    && (t.at(k - 2).equals("took") || t.at(k - 2).equals("taken") || t.at(k - 2).equals("taking"));
            boolean amOff = w.equals("off") && (t.at(k - 1).equals("i'm") || t.at(k - 1).equals("am"));
            boolean ableTo = (w.equals("stop") || w.equals("quit") || w.equals("ditch")) && t.at(k - 1).equals("to");
            boolean needNot = (w.equals("need") || w.equals("needed")) && (t.at(k - 1).equals("haven't")
                    || t.at(k - 1).equals("don't") || t.at(k - 1).equals("didn't") || t.at(k - 1).equals("never"));
            boolean gaveUp = tookOff || amOff || ableTo || needNot || t.at(k - 1).equals("longer")
                    || t.at(k - 1).equals("came") || w.equals("ditched") || w.equals("quit") || w.equals("threw")
                    || (w.equals("stopped") && t.at(k + 1).equals("taking"));
            int my = t.at(k + 1).equals("my") ? k + 1 : t.at(k + 2).equals("my") ? k + 2 : k;
            for (int j = my + 1; speaker && gaveUp && j <= my + 3 && t.sameClause(j, k); j++) {
                if (TREATMENT_WORDS.contains(t.at(j)) || treatmentAt(t, j) >= 0) {
                    return new int[] {k, j, Family.TESTIMONIAL.ordinal()};
                }
            }
        }
        if (w.equals("free") && k >= 2) {
            // "I've been migraine-free for months", "I'm now cancer free": a first-person outcome
            int c = -1;
            for (int j = k - 1; j >= k - 3 && c < 0; j--) {
                c = condition(t, j, j) == k - 1 ? j : -1;
            }
            boolean speaker = false;
            for (int j = c - 1; c >= 0 && j >= c - 4 && j >= 0 && t.sameClause(j, k); j--) {
                speaker |= FIRST_PERSON.contains(t.at(j)) || t.at(j).equals("i'm");
            }
            if (speaker && !negated(t, c)) {
                return new int[] {c, k, Family.TESTIMONIAL.ordinal()};
            }
        }
        if ((w.equals("haven't") || w.equals("hasn't") || w.equals("havent")) && t.at(k + 1).equals("had")) {
            // "I haven't had a single migraine since", "my son hasn't had an asthma attack since": an outcome
            boolean speaker = false;
            for (int j = k - 1; j >= k - 3 && j >= 0 && t.sameClause(j, k); j--) {
                speaker |= FIRST_PERSON.contains(t.at(j));
            }
            int end = speaker ? condition(t, k + 2, k + 5) : -1;
            for (int j = end + 1; end >= 0 && j <= end + 2 && t.sameClause(j, k); j++) {
                if (t.at(j).equals("since")) {
                    return new int[] {k, j, Family.TESTIMONIAL.ordinal()};
                }
            }
        }
        if (w.equals("from") && (t.at(k + 1).equals("size") || t.at(k + 1).equals("a") && t.at(k + 2).equals("size"))) {
            // "I went from a size 16 to a size 8": a first-person loss of sizes
            int n = t.at(k + 1).equals("size") ? k + 2 : k + 3;
            int to = n + 1;
            boolean speaker = false;
            for (int j = k - 1; j >= k - 4 && j >= 0 && t.sameClause(j, k); j--) {
                speaker |= FIRST_PERSON.contains(t.at(j));
            }
            int m = t.at(to + 1).equals("size") ? to + 2 : t.at(to + 1).equals("a") ? to + 3 : to + 1;
            if (speaker && t.at(to).equals("to") && t.sameClause(m, k) && smaller(t.at(m), t.at(n))) {
                return new int[] {k, m, Family.TESTIMONIAL.ordinal()}; // not "from a size 8 to a size 10"
            }
        }
        if (CAUSED.contains(w) && FIRST_PERSON_OBJECT.contains(t.at(k + 1)) && !negated(t, k)) {
            // "finally made me lose weight", "helped me drop 3 sizes", "let me beat my eczema"
            String v = t.at(k + 2);
            if (LOSS.contains(v) || OUTCOME_VERBS.contains(v)) {
                int end = amount(t, k + 3, k + 6, WEIGHT_UNITS);
                if (end < 0) {
                    end = condition(t, k + 3, k + 6);
                }
                for (int j = k + 3; end < 0 && j <= k + 5 && t.sameClause(j, k); j++) {
                    if (t.at(j).equals("weight") || t.at(j).equals("fat") || COSMETIC.contains(t.at(j))) {
                        end = j;
                    }
                }
                if (end >= 0) {
                    return new int[] {k, end, Family.TESTIMONIAL.ordinal()};
                }
            }
        }
        if (EFFICACY.contains(w) && !negated(t, k) && !registered(t)) {
            int end = condition(t, k + 1, k + WINDOW);
            if (end < 0 && !BARRIER.contains(w)) {
                end = phraseAt(t, k + 1, k + 4, impairmentsByFirst); // "prevents myopia", "restores hearing loss"
            }
            if (end < 0 && CURE.contains(w)) {
                end = phraseAt(t, k + 1, k + 4, symptomsByFirst); // "relieves heartburn", "heals the backache"
            }
            if (end < 0 && CURE.contains(w) && COMPLAINTS.contains(t.at(k + 1)) && t.sameClause(k + 1, k)) {
                end = k + 1; // "combat stress", "reverses fatigue"
            }
            if (end >= 0 && !describesTheCondition(t, k, end)) {
                return new int[] {k, end, Family.DISEASE.ordinal()};
            }
        }
        if (PURGE.contains(w) && !negated(t, k)) {
            // "flushes out toxins", "draw out toxins and heavy metals"
            for (int j = k + 1; j <= k + 4 && t.sameClause(j, k); j++) {
                if (t.at(j).startsWith("toxin") || t.at(j).equals("heavy") && t.at(j + 1).startsWith("metal")) {
                    return new int[] {k, t.at(j).equals("heavy") ? j + 1 : j, Family.DETOX.ordinal()};
                }
                if (j <= k + 3 && ORGANS.contains(t.at(j)) && !DEVICE_NOUNS.contains(t.at(j + 1))) {
                    return new int[] {k, j, Family.DETOX.ordinal()}; // "detox your liver", "cleanses the colon"
                }
            }
        }
        if (ALTERNATIVE.contains(w) && !negated(t, k)) {
            // "a natural alternative to chemotherapy", "instead of antibiotics", "the prozac dupe"
            int after = treatmentIn(t, k + 1, k + 3);
            if (after >= 0) {
                return new int[] {k, after, Family.DISEASE.ordinal()};
            }
            for (int j = Math.max(0, k - 3); j < k; j++) {
                if (t.sameClause(j, k) && treatmentAt(t, j) == k - 1) {
                    return new int[] {j, k, Family.DISEASE.ordinal()};
                }
            }
        }
        if (!sourced && EFFICACY_ADJ.contains(w) && (t.at(k - 1).equals("more") || t.at(k - 1).equals("as"))
                && (t.at(k + 1).equals("than") || t.at(k + 1).equals("as"))) {
            // "33% more efficient than the other fat binders", "twice as effective as the leading brand"
            for (int j = k + 2; j <= k + 4 && t.sameClause(j, k); j++) {
                if (RIVALS.contains(t.at(j))) {
                    return new int[] {k - 1, j, Family.COMPARATIVE.ordinal()};
                }
            }
            int drug = treatmentIn(t, k + 2, k + 3); // "as effective as metformin": the rival is a medicine
            if (drug >= 0) {
                return new int[] {k - 1, drug, Family.DISEASE.ordinal()};
            }
        }
        if (w.equals("need") && t.at(k + 1).equals("for") && NO_MORE.contains(t.at(k - 1))
                || w.equals("need") && t.at(k + 1).equals("for") && t.at(k - 1).equals("the")
                && NO_MORE.contains(t.at(k - 2))) {
            // "eliminates the need for insulin", "no need for statins", "without the need for antibiotics"
            int drug = treatmentIn(t, k + 2, k + 3);
            for (int j = k + 2; drug < 0 && j <= k + 3 && t.sameClause(j, k); j++) {
                drug = TREATMENT_WORDS.contains(t.at(j)) ? j : -1;
            }
            if (drug >= 0 && !negated(t, k - 2)) {
                return new int[] {k, drug, Family.DISEASE.ordinal()};
            }
        }
        if (LIKENESS.contains(w) && !negated(t, k)) {
            // "works like semaglutide", "mimics metformin", "nature's ozempic" (a medicine within two words)
            boolean like = !w.equals("like") || ACTS.contains(t.at(k - 1));
            int drug = like ? treatmentIn(t, k + 1, k + 2) : -1;
            if (drug >= 0) {
                return new int[] {w.equals("like") ? k - 1 : k, drug, Family.DISEASE.ordinal()};
            }
        }
        if (KEEP.contains(w) && !negated(t, k)) {
            int end = condition(t, k + 1, k + 4);
            if (end >= 0 && (AWAY.contains(t.at(end + 1)) || AWAY.contains(t.at(k + 1))
                    || t.at(end + 1).equals("at") && t.at(end + 2).equals("bay"))) {
                return new int[] {k, Math.min(t.size() - 1, end + 1), Family.DISEASE.ordinal()};
            }
        }
        if ((w.equals("immune") || w.equals("immunity")) && !negated(t, k)) {
            // "boosts the immune system", and a boost shared by a list: "boosts energy levels and immune system"
            boolean listed = t.at(k - 1).equals("and") || t.at(k - 2).equals("and") && t.at(k - 1).equals("the");
            for (int j = k - (listed ? 7 : 3); j < k; j++) {
                String b = t.at(j);
                if (t.sameClause(j, k) && (b.startsWith("boost") || b.startsWith("strengthen")
                        || b.startsWith("supercharge"))) {
                    return new int[] {j, k, Family.IMMUNE.ordinal()};
                }
            }
        }
        if (MOVE_MARKER.contains(w) && !negated(t, k)) {
            int end = marker(t, k + 1, k + 3);
            if (end >= 0) {
                return new int[] {k, end, Family.DISEASE.ordinal()}; // "lowers blood sugar", "reduces cholesterol"
            }
        }
        if (REPAIR_NOUNS.contains(w) && BODY_PARTS.contains(t.at(k - 1)) && t.sameClause(k - 1, k)
                && !SERVICE_NOUNS.contains(t.at(k + 1)) && !negated(t, k - 1)) {
            return new int[] {k - 1, k, Family.DISEASE.ordinal()}; // "joint repair formula", "nerve regeneration"
        }
        if (AGAINST_NOUNS.contains(w) && !registered(t)) {
            for (int j = Math.max(0, k - 3); j < k; j++) {
                if (t.sameClause(j, k) && phraseAt(t, j, j, conditionsByFirst) == k - 1) {
                    return new int[] {j, k, Family.DISEASE.ordinal()}; // "Flu Immune Drops", "Virus Destroyer"
                }
            }
        }
        if (w.equals("more") && t.at(k - 1).equals("no")) {
            int end = condition(t, k + 1, k + 3);
            if (end >= 0) {
                return new int[] {k - 1, end, Family.DISEASE.ordinal()}; // "no more migraines"
            }
        }
        if (SELF_REPAIR.contains(w) && (t.at(k + 1).equals("themselves") || t.at(k + 1).equals("itself"))
                && !negated(t, k)) {
            // "your joints can heal themselves at any age", "cartilage regrows itself": a body part that repairs
            for (int j = k - 1; j >= k - 4 && j >= 0 && t.sameClause(j, k); j--) {
                if (BODY_PARTS.contains(t.at(j))) {
                    return new int[] {j, k + 1, Family.DISEASE.ordinal()};
                }
            }
        }
        if ((w.equals("ends") || w.equals("end")) && !negated(t, k) && !t.at(k + 1).equals("in")
                && !t.at(k + 1).equals("with") && !t.at(k + 1).equals("up")) { // "ends in dementia" is an outcome
            int end = condition(t, k + 1, k + 2);
            if (end >= 0) {
                return new int[] {k, end, Family.DISEASE.ordinal()}; // "ends migraines for good"
            }
        }
        if (UNDO.contains(w) && !negated(t, k)) {
            // "reverses ageing", "halts the ageing process": ageing itself, not its signs or look
            int j = t.at(k + 1).equals("the") || t.at(k + 1).equals("your") ? k + 2 : k + 1;
            if (t.sameClause(j, k) && (t.at(j).equals("ageing") || t.at(j).equals("aging"))
                    && !t.at(j + 1).equals("of")) { // "stops the ageing of leather" is about a material
                return new int[] {k, j, Family.COSMETIC.ordinal()};
            }
        }
        if ((w.equals("turn") || w.equals("turns") || w.equals("turning")) && t.at(k + 1).equals("back")
                && t.at(k + 2).equals("the") && (t.at(k + 3).equals("clock") || t.at(k + 3).equals("clocks"))) {
            // "turns back the clock on ageing": a promise to undo ageing, with a cosmetic or ageing word nearby
            for (int j = k + 4; j <= k + 8 && t.sameClause(j, k); j++) {
                if (t.at(j).equals("ageing") || t.at(j).equals("aging") || COSMETIC.contains(t.at(j))
                        || t.at(j).equals("skin") || t.at(j).equals("years")) {
                    return new int[] {k, j, Family.COSMETIC.ordinal()};
                }
            }
        }
        if (ENDORSED.contains(w) && !sourced && !negated(t, k)) {
            // "doctor recommended", "dermatologist-approved", "recommended by doctors", "approved by dermatologists"
            String det = t.at(k - 2); // "the doctor recommended rest" tells what happened; it endorses nothing
            boolean told = det.equals("the") || det.equals("a") || det.equals("an") || det.equals("his")
                    || det.equals("her") || det.equals("their");
            if (profession(t.at(k - 1)) && t.sameClause(k - 1, k) && !told) {
                return new int[] {k - 1, k, Family.ENDORSEMENT.ordinal()};
            }
            int j = t.at(k + 1).equals("by") ? (t.at(k + 2).equals("leading") || t.at(k + 2).equals("top")
                    || t.at(k + 2).equals("most") ? k + 3 : k + 2) : -1;
            if (j > 0 && t.sameClause(j, k) && profession(t.at(j))) {
                return new int[] {k, j, Family.ENDORSEMENT.ordinal()};
            }
        }
        if (w.equals("to") && FAREWELL.contains(t.at(k - 1))) {
            int end = condition(t, k + 1, k + 3);
            if (end >= 0) {
                return new int[] {k - 1, end, Family.DISEASE.ordinal()}; // "say goodbye to brain fog"
            }
        }
        if (w.equals("do") && t.at(k + 1).equals("this") && URGENT.contains(t.at(k + 2)) && anyProfession(t)) {
            return new int[] {k, k + 2, Family.CLICKBAIT.ordinal()}; // "Urologist: ... Do this immediately"
        }
        if (LOSS.contains(w) && !negated(t, k)) {
            int end = amount(t, k + 1, k + 4, WEIGHT_UNITS);
            if (end >= 0) {
                return new int[] {k, end, Family.WEIGHT_LOSS.ordinal()};
            }
            // "burn 1,000 calories a day just by wearing it": calories count only with an effortless cue
            int cal = amount(t, k + 1, k + 3, CALORIES);
            if (cal >= 0 && effortless(t, k)) {
                return new int[] {k, cal, Family.WEIGHT_LOSS.ordinal()};
            }
            // "melts belly fat overnight", "burns fat while you sleep"
            for (int j = k + 1; j <= k + 3 && t.sameClause(j, k); j++) {
                if ((t.at(j).equals("fat") || t.at(j).equals("weight")) && permanenceIn(t, k)) {
                    return new int[] {k, j, Family.WEIGHT_LOSS.ordinal()};
                }
            }
        }
        if (permanence(t, k) && !t.at(k + 1).equals("press") && !negated(t, k)) {
            int[] r = cosmetic(t, k);
            if (r != null) {
                return r;
            }
        }
        if (isNumber(t.at(k)) && PEOPLE.contains(t.at(k + 1)) && ACTIVITY.contains(t.at(k + 2))) {
            return new int[] {k, Math.min(t.size() - 1, k + 3), Family.SOCIAL_PROOF.ordinal()};
        }
        if (isNumber(t.at(k)) && t.at(k + 1).equals("other") && PEOPLE.contains(t.at(k + 2))) {
            return new int[] {k, k + 2, Family.SOCIAL_PROOF.ordinal()};
        }
        if (isNumber(w) && COUNTED.contains(t.at(k + 1))
                && (RECENT.contains(t.at(k + 2)) || t.at(k + 2).equals("this") && RECENT.contains(t.at(k + 3)))) {
            return new int[] {k, t.at(k + 2).equals("this") ? k + 3 : k + 2, Family.SOCIAL_PROOF.ordinal()};
        }
        if (RAISE.contains(w) && !negated(t, k)) {
            // "boosts testosterone by 300%", "increases brain power by 50%"
            for (int j = k + 1; j <= k + 3 && t.sameClause(j, k); j++) {
                if (BODY_FUNCTIONS.contains(t.at(j))) {
                    for (int e = j + 1; e <= j + 4 && t.sameClause(e, k); e++) {
                        if (t.at(e).equals("%") && isNumber(t.at(e - 1))) {
                            return new int[] {k, e, Family.DISEASE.ordinal()};
                        }
                    }
                }
            }
        }
        if (!sourced && w.equals("1") && !OUT_OF.contains(t.at(k + 1))
                && (t.at(k - 1).equals("rated") || t.at(k - 1).equals("ranked") || t.at(k - 1).equals("voted"))) {
            return new int[] {k - 1, k, Family.SUPERLATIVE.ordinal()}; // "rated #1 by customers"
        }
        if (COUNTED.contains(w) && isNumber(t.at(k + 1)) && t.at(k + 2).startsWith("time")) {
            return new int[] {k, k + 2, Family.SOCIAL_PROOF.ordinal()};
        }
        if (COUNTED.contains(w) && isNumber(t.at(k + 1)) && t.at(k + 2).equals("in") && t.at(k + 3).equals("the")
                && (t.at(k + 4).equals("last") || t.at(k + 4).equals("past"))) {
            return new int[] {k, k + 4, Family.SOCIAL_PROOF.ordinal()};
        }
        if (isNumber(w) && COUNTED.contains(t.at(k + 1)) && t.at(k + 2).equals("in") && t.at(k + 3).equals("the")
                && (t.at(k + 4).equals("last") || t.at(k + 4).equals("past"))) {
            return new int[] {k, k + 4, Family.SOCIAL_PROOF.ordinal()};
        }
        if (CHEAP.contains(w) && !sourcedPrice(t)) {
            int j = PRICE.contains(t.at(k + 1)) ? k + 2 : k + 1;
            for (int s = j; s < j + 4 && t.sameClause(s, k); s++) {
                if (SCOPE.contains(t.at(s))) {
                    return new int[] {k, s, Family.PRICE.ordinal()};
                }
            }
        }
        if (!sourced) {
            if (REGION.contains(w)) {
                for (int s = k + 1; s <= k + 2 && t.sameClause(s, k); s++) {
                    if (SUPERLATIVE.contains(t.at(s))) {
                        return new int[] {k, s, Family.SUPERLATIVE.ordinal()};
                    }
                }
            }
            if (w.equals("world") && t.at(k - 1).equals("the") && t.at(k - 2).equals("in")) {
                for (int j = k - 3; j >= k - 8 && j >= 0 && t.sameClause(j, k); j--) {
                    if (SUPERLATIVE.contains(t.at(j)) || t.at(j).endsWith("est")) {
                        return new int[] {j, k, Family.SUPERLATIVE.ordinal()}; // "the best vacuum in the world"
                    }
                }
            }
            if (w.equals("only") && t.at(k - 1).equals("the")) {
                for (int j = k + 1; j <= k + 6 && t.sameClause(j, k); j++) {
                    if (t.at(j).equals("ever") && t.at(j + 1).startsWith("need")) {
                        return new int[] {k - 1, j + 1, Family.SUPERLATIVE.ordinal()}; // "the only X you'll ever need"
                    }
                }
            }
            if (w.equals("most") && MOST.contains(t.at(k + 1))) {
                return new int[] {k, k + 1, Family.SUPERLATIVE.ordinal()};
            }
            if (w.equals("number") && t.at(k + 1).equals("one") && RANK_NOUN.contains(t.at(k + 2))) {
                return new int[] {k, k + 2, Family.SUPERLATIVE.ordinal()};
            }
        }
        if (profession(w)) {
            // "doctors hate", "dermatologists are furious", "the doctors won't tell you", "don't want you to know"
            String be = t.at(k + 1);
            int j = be.equals("are") || be.equals("were") || be.equals("is") || be.equals("was") ? k + 2 : k + 1;
            boolean withhold = t.at(j).equals("won't") || t.at(j).equals("don't") || t.at(j).equals("doesn't")
                    || t.at(j).equals("didn't");
            if (HATE.contains(t.at(j)) || REVEAL.contains(t.at(j))
                    || (withhold && (t.at(j + 1).equals("tell") || t.at(j + 1).equals("want")))) {
                return new int[] {k, j, Family.CLICKBAIT.ordinal()};
            }
        }
        if (w.equals("want") && t.at(k + 1).equals("you") && t.at(k + 2).equals("to") && t.at(k + 3).equals("know")
                && (t.at(k - 1).equals("don't") || t.at(k - 1).equals("doesn't") || t.at(k - 1).equals("won't")
                || t.at(k - 1).equals("didn't"))) {
            return new int[] {k - 1, k + 3, Family.CLICKBAIT.ordinal()}; // "the secret they don't want you to know"
        }
        if ((w.equals("weird") || w.equals("bizarre")) && !negated(t, k)) {
            // "this weird fruit melts belly fat", "one bizarre root cures diabetes": a weird thing that acts
            for (int j = k + 1; j <= k + 3 && t.sameClause(j, k); j++) {
                if (LOSS.contains(t.at(j)) || STRONG_EFFICACY.contains(t.at(j))) {
                    return new int[] {k, j, Family.CLICKBAIT.ordinal()};
                }
            }
        }
        if (TRICK.contains(w) && k > 0 && (COSMETIC.contains(t.at(k - 1)) || condition(t, k - 1, k - 1) == k - 1)) {
            return new int[] {k - 1, k, Family.CLICKBAIT.ordinal()}; // "$3 wrinkle trick", "diabetes hack"
        }
        if (TRICK.contains(w) && TRICK_ADJ.contains(t.at(k - 1))
                && (!t.at(k - 1).equals("this") || HATE.contains(t.at(k - 2)))) {
            return new int[] {k - 1, k, Family.CLICKBAIT.ordinal()};
        }
        return null;
    }

    /**
     * @return true for a word of {@link #PROFESSIONS} or a name of a profession by its form: a specialist in a
     *     science ({@code -ologist}: urologist, dermatologist), a practitioner ({@code -ician}, {@code -iatrist},
     *     {@code -metrist}, {@code -opath}: optician, podiatrist, optometrist, naturopath), singular or plural
     */
    private static boolean profession(String w) {
        if (PROFESSIONS.contains(w)) {
            return true;
        }
        if (w.length() < 7) {
            return false;
        }
        int n = w.charAt(w.length() - 1) == 's' ? w.length() - 1 : w.length();
        return endsAt(w, n, "ologist") || endsAt(w, n, "ician") || endsAt(w, n, "iatrist") || endsAt(w, n, "metrist")
                || endsAt(w, n, "opath");
    }

    /** @return true when {@code w} has {@code ending} right before index {@code n} */
    private static boolean endsAt(String w, int n, String ending) {
        return n > ending.length() && w.startsWith(ending, n - ending.length());
    }

    private static boolean anyProfession(Tokens t) {
        for (int i = 0; i < t.size(); i++) {
            if (profession(t.at(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the last token of a disease marker starting at a token in {@code from..to} of the clause of
     *     {@code from - 1}, unless a device noun follows it ("blood pressure cuff"), or -1
     */
    private static int marker(Tokens t, int from, int to) {
        for (int j = from; j <= to && j < t.size() && t.sameClause(j, from - 1); j++) {
            for (String[] m : MARKERS) {
                boolean match = true;
                for (int i = 0; i < m.length && match; i++) {
                    match = t.at(j + i).equals(m[i]);
                }
                if (match) {
                    int end = j + m.length - 1;
                    return DEVICE_NOUNS.contains(t.at(end + 1)) ? -1 : end;
                }
            }
        }
        return -1;
    }

    /** A word of permanence or speed: "permanently", "instantly", "for good", "in (just) days". */
    private static boolean permanence(Tokens t, int k) {
        String w = t.at(k);
        if (PERMANENCE.contains(w)) {
            return true;
        }
        if (w.equals("good")) {
            return t.at(k - 1).equals("for");
        }
        if (w.equals("sleep") || w.equals("sleeping")) {
            return t.at(k - 1).equals("you") && t.at(k - 2).equals("while"); // effortless: "while you sleep"
        }
        if (w.equals("diet") || w.equals("dieting") || w.equals("exercise") || w.equals("effort")) {
            return t.at(k - 1).equals("without") || t.at(k - 1).equals("no");
        }
        return (w.equals("days") || w.equals("hours") || w.equals("minutes"))
                && (t.at(k - 1).equals("just") || t.at(k - 1).equals("within") || t.at(k - 1).equals("in")
                || isNumber(t.at(k - 1)) && (t.at(k - 2).equals("in") || t.at(k - 2).equals("within")));
    }

    /** "just by wearing it", "while you sleep", "without diet": the result asks nothing of the buyer. */
    private static boolean effortless(Tokens t, int k) {
        for (int j = k + 1; j <= k + WINDOW + 3 && j < t.size(); j++) {
            if (t.at(j).equals("by") && (t.at(j - 1).equals("just") || t.at(j - 1).equals("simply"))
                    && t.at(j + 1).endsWith("ing")) {
                return true;
            }
        }
        return permanenceIn(t, k);
    }

    private static boolean permanenceIn(Tokens t, int k) {
        for (int j = k - WINDOW; j <= k + WINDOW; j++) {
            if (t.sameClause(j, k) && permanence(t, j)) {
                return true;
            }
        }
        return false;
    }

    /** First person before an outcome verb, and an amount, a condition or a cosmetic target after it. */
    private int[] testimonial(Tokens t, int k) {
        int subject = -1;
        for (int j = k - 1; j >= k - 6 && j >= 0 && t.sameClause(j, k); j--) {
            if (FIRST_PERSON.contains(t.at(j))) {
                subject = j;
                break;
            }
        }
        if (subject < 0 || negated(t, k)) {
            return null;
        }
        int end = amount(t, k + 1, k + 4, WEIGHT_UNITS);
        if (end < 0) {
            end = condition(t, k + 1, k + 4);
        }
        if (end < 0) {
            // "my eczema is gone", "my wrinkles disappeared": the condition sits between subject and verb
            int c = condition(t, subject + 1, k - 1);
            boolean measure = false;
            for (int j = subject + 1; j < k; j++) {
                measure |= MEASURES.contains(t.at(j)) || COSMETIC.contains(t.at(j));
            }
            if (c >= 0 || measure) {
                end = k;
            }
        }
        return end < 0 ? null : new int[] {subject, end, Family.TESTIMONIAL.ordinal()};
    }

    private int[] cosmetic(Tokens t, int k) {
        boolean change = false;
        int target = -1;
        for (int j = Math.max(0, k - WINDOW); j <= k + WINDOW && j < t.size(); j++) {
            if (!t.sameClause(j, k)) {
                continue;
            }
            change |= CHANGE.contains(t.at(j)) || t.at(j).startsWith("remov") || t.at(j).startsWith("eras");
            if (COSMETIC.contains(t.at(j)) && target < 0) {
                target = j;
            }
        }
        if (!change || target < 0) {
            return null;
        }
        return new int[] {Math.min(k, target), Math.max(k, target), Family.COSMETIC.ordinal()};
    }

    /** Words that may follow the head of a noun phrase without making it a modifier of a following noun. */
    private static final Set<String> AFTER_HEAD = words("or and of in on at with that which who is was are were "
            + "from by after");

    /**
     * @return true when the efficacy word at {@code k} is a participle after an article that describes the condition
     *     ending at {@code end} (or a noun joined to it by {@code or} / {@code and}) as the head of its noun phrase:
     *     {@code a healing wound or ulcer}, {@code the healing ulcer}; not {@code a soothing eczema cream} (the
     *     condition modifies a product) nor {@code a healing balm for eczema}
     */
    private static boolean describesTheCondition(Tokens t, int k, int end) {
        String before = t.at(k - 1);
        if (!t.at(k).endsWith("ing") || !(before.equals("a") || before.equals("an") || before.equals("the"))
                || !t.sameClause(k - 1, k)) {
            return false;
        }
        boolean joined = end == k + 1 || (end == k + 3 && (t.at(k + 2).equals("or") || t.at(k + 2).equals("and")));
        return joined && (!t.sameClause(end + 1, end) || AFTER_HEAD.contains(t.at(end + 1)));
    }

    /** @return the last token of a condition starting at a token in {@code [from, to]} in the clause, or -1 */
    private int condition(Tokens t, int from, int to) {
        for (int j = from; j <= to && j < t.size(); j++) {
            if (!t.sameClause(j, from - 1 >= 0 ? from - 1 : from)) {
                return -1;
            }
            String w = t.at(j);
            int end = phraseAt(t, j, j, conditionsByFirst);
            if (end < 0 && conditionShaped(w)) {
                end = j;
            }
            if (end >= 0) {
                // "odor-causing bacteria", "acne-prone skin": the product acts on odour or suits the skin
                boolean causing = CAUSING.contains(t.at(j - 1)) || t.at(end + 1).equals("prone")
                        || t.at(end + 1).equals("causing");
                if (!causing) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean matchesAt(Tokens t, int j, String[] c) {
        for (int i = 0; i < c.length; i++) {
            String w = t.at(j + i);
            boolean last = i == c.length - 1;
            if (!w.equals(c[i]) && !(c[i].equals("#") && isNumber(w))
                    && !(last && singularForms(w).contains(c[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A disease named by its ending: inflammations, blood conditions, viruses, and -osis, -pathy, -algia words. */
    static boolean conditionShaped(String w) {
        if (w.length() < 6) {
            return false;
        }
        if (w.endsWith("itis") || w.endsWith("emia") || w.endsWith("aemia") || w.endsWith("virus")
                || w.endsWith("viruses")) {
            return true;
        }
        if (w.endsWith("osis")) {
            return !(w.endsWith("gnosis") || w.endsWith("mosis") || w.endsWith("hypnosis") || w.endsWith("biosis")
                    || w.endsWith("morphosis") || w.endsWith("theosis"));
        }
        if (w.endsWith("pathy")) {
            return !(w.endsWith("sympathy") || w.endsWith("empathy") || w.endsWith("telepathy")
                    || w.endsWith("opathy") && (w.startsWith("homeo") || w.startsWith("naturo")
                    || w.startsWith("osteo")));
        }
        return w.endsWith("algia") && !w.endsWith("nostalgia");
    }

    /** @return true when both are whole numbers of up to four digits and {@code a} is below {@code b} */
    private static boolean smaller(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.length() > 4 || b.length() > 4 || !a.chars().allMatch(Character::isDigit)
                || !b.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(a) < Integer.parseInt(b);
    }

    /** The digits, dots and commas a word starts with ("10lbs", "2.5kg"), compiled once. */
    private static final java.util.regex.Pattern LEADING_NUMBER = java.util.regex.Pattern.compile("^[0-9.,]+");

    /** @return the unit token of "NUMBER UNIT" starting in {@code [from, to]}, or -1 */
    private static int amount(Tokens t, int from, int to, Set<String> units) {
        for (int j = from; j <= to && j < t.size(); j++) {
            String w = t.at(j);
            if (isNumber(w) && (units.contains(t.at(j + 1))
                    || (t.at(j + 1).equals("dress") && t.at(j + 2).startsWith("size")))) {
                return t.at(j + 1).equals("dress") ? j + 2 : j + 1;
            }
            if (!w.isEmpty() && w.charAt(0) >= '0' && w.charAt(0) <= '9'
                    && units.contains(LEADING_NUMBER.matcher(w).replaceFirst(""))) {
                return j; // "10lbs", "2.5kg"
            }
            if (isNumber(w) && t.at(j + 1).equals("%") && t.at(j + 2).equals("of")
                    && (t.at(j + 3).equals("body") || t.at(j + 3).equals("your"))
                    && (t.at(j + 4).equals("weight") || t.at(j + 4).equals("fat"))) {
                return j + 4; // "lose 15-20% of body weight"
            }
        }
        return -1;
    }

    private static boolean isNumber(String w) {
        if (w.isEmpty()) {
            return false;
        }
        if (NUMBER_WORDS.contains(w)) {
            return true;
        }
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!(c >= '0' && c <= '9') && !(k > 0 && (c == '.' || c == ','))) {
                return false;
            }
        }
        return true;
    }

    /** A negation earlier in the same clause ("does not cure", "not intended to diagnose, treat, cure or prevent"). */
    private static boolean negated(Tokens t, int k) {
        for (int j = k - 1; j >= 0 && t.sameClause(j, k) && j >= k - 10; j--) {
            if (NEGATORS.contains(t.at(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when one of the few words before {@code start} in the phrase view, in the same clause, is a
     *     negation: for claim phrases ("does not cure cancer")
     */
    static boolean negatedBefore(TextView v, int start) {
        char[] c = v.chars;
        int i = start - 1;
        for (int words = 0; words < 6 && i >= 0; words++) {
            while (i >= 0 && c[i] == ' ') {
                i--;
            }
            int e = i + 1;
            while (i >= 0 && (CharClass.isLetter(c[i]) || c[i] == '\'' || c[i] == '’')) {
                i--;
            }
            if (e == i + 1 || (i >= 0 && (CharClass.isLetterOrDigit(c[i]) || c[i] == '#'))) {
                return false; // punctuation, a number or a word with digits: the clause ends here
            }
            if (NEGATORS.contains(new String(c, i + 1, e - i - 1).replace('’', '\''))) {
                return true;
            }
            if (i >= 0 && c[i] != ' ' && c[i] != ',') {
                return false;
            }
            if (i >= 0 && c[i] == ',') {
                i--;
            }
        }
        return false;
    }

    /** A named source anywhere in the text silences the superlative family. */
    private static boolean sourced(Tokens t) {
        for (int k = 0; k < t.size(); k++) {
            String w = t.at(k);
            if (SOURCES.contains(w) || (w.equals("awarded") && t.at(k + 1).equals("by"))
                    || (w.equals("rated") && t.at(k - 1).equals("as"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words that name a regulator's registration, approval or licence of a product, when a number follows: the EU
     * and UK biocides approval (BPR, HSE), a medicine's product licence (UK {@code PL 12345/0001}), Canada's drug and
     * natural product numbers (DIN, NPN), or any registration, approval or authorisation number.
     */
    private static final Set<String> REGISTRATIONS = words("registration reg approval authorisation authorization "
            + "pl din npn hse bpr");
    /** Words between a registration word and its number. */
    private static final Set<String> REGISTRATION_NUMBER_WORDS = words("no number nr num");

    /**
     * A product registered with a regulator, with its number ({@code EPA reg. no. 1234-56}, {@code BPR approval number
     * UK-2021-1234}, {@code licensed medicine, PL 12345/0001}) or an EPA establishment: the germ-kill or relief claim
     * of a registered disinfectant or a licensed medicine is its approved label.
     */
    private static boolean registered(Tokens t) {
        for (int k = 0; k < t.size(); k++) {
            String w = t.at(k);
            if (w.equals("epa") && (t.at(k + 1).startsWith("reg") || t.at(k + 1).equals("est"))) {
                return true;
            }
            if (REGISTRATIONS.contains(w)) {
                // its number within three tokens: number words and short codes ("UK") on the way; after a word
                // ("registration", "approval") a number word must come first: "approval number 1234", not "2024"
                boolean named = w.length() > 3 || w.equals("reg");
                for (int j = k + 1; j <= k + 3; j++) {
                    String x = t.at(j);
                    if (x.chars().anyMatch(Character::isDigit)) {
                        if (!named && numberDigits(t, j) >= MIN_REGISTRATION_DIGITS) {
                            return true;
                        }
                        break;
                    }
                    if (REGISTRATION_NUMBER_WORDS.contains(x)) {
                        named = false;
                    } else if (x.length() > 3) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Regulators' numbers have five digits or more (EPA {@code 777-123}, HSE {@code 12345}, PL {@code 12345/0001},
     * DIN and NPN eight); a shorter number, a year above all ({@code registration no. 2024}), names no registration.
     */
    private static final int MIN_REGISTRATION_DIGITS = 5;

    /** The digits of the number that starts at token {@code j}, over the tokens with digits that follow it. */
    private static int numberDigits(Tokens t, int j) {
        int digits = 0;
        for (int k = j; k < j + 4 && t.at(k).chars().anyMatch(Character::isDigit); k++) {
            digits += (int) t.at(k).chars().filter(Character::isDigit).count();
        }
        return digits;
    }

    private static boolean sourcedPrice(Tokens t) {
        for (int k = 0; k < t.size(); k++) {
            if (t.at(k).equals("price") && t.at(k + 1).equals("match")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ClaimPatterns[" + conditionsByFirst.values().stream().mapToInt(List::size).sum() + " conditions]";
    }
}
