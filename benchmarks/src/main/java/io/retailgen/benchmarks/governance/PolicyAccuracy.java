package io.retailgen.benchmarks.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.PolicyResult;
import io.retailgen.testing.Obfuscation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Accuracy of the default content policy ({@link ContentPolicy#defaults()}): how often obfuscated profanity is
 * caught, and how often clean text is flagged. Deterministic (fixed seeds); prints Markdown tables.
 *
 * <ol>
 *   <li>Catch rate. Every single-word term of {@code text/ldnoobw-en.json}, and separately every single-word
 *       sureness-2 term of {@code text/cuss-en.json}, that the policy flags in plain form inside a neutral sentence
 *       ({@code "This jacket is <term> comfortable."}) is disguised in each {@link Obfuscation} style and checked
 *       again in the same sentence. "Finding" = a finding of category {@code profanity}; "verdict" = a verdict other
 *       than ALLOW (counted over the terms whose plain form is not ALLOWed); "caught" = either. A style that leaves
 *       a term unchanged (no letter it can replace) does not count that term.</li>
 *   <li>False positives on clean text: generated product copy ({@link ProductCopy} without its deliberately
 *       problematic lines), a hand-made list of innocent words and place names that contain profane substrings
 *       (Scunthorpe traps), and hand-written customer-review sentences. These are made-up sets, not a real review
 *       corpus.</li>
 * </ol>
 *
 * <pre>{@code
 * java -Dretailgen.shared.data=../shared/data -cp benchmarks/target/benchmarks.jar \
 *     io.retailgen.benchmarks.governance.PolicyAccuracy
 * }</pre>
 */
public final class PolicyAccuracy {

    static final long SEED = 20261125L;
    static final String SENTENCE = "This jacket is %s comfortable.";

    /**
     * Innocent words, names and places that contain a profane substring. Each is checked in every one of
     * {@link #TRAP_TEMPLATES}.
     */
    static final List<String> TRAPS = List.of(
            "Scunthorpe", "Essex", "Sussex", "Middlesex", "Wessex", "Penistone", "Cockburn", "Cockermouth",
            "Clitheroe", "Cumbria", "Cumberland", "Matsushita", "Shitamachi", "Yamashita", "Dickens", "Dickinson",
            "Hancock", "Hitchcock", "Babcock", "Arsenal", "Assam", "Uranus", "Pakistan", "Japan", "Niger",
            "Nigeria", "Sexton", "Picasso", "Cassandra", "Titian", "assassin", "classic", "bass", "passion",
            "compass", "assortment", "associate", "ambassador", "cassette", "massage", "molasses", "bassinet",
            "hassle", "cocktail", "peacock", "cockatoo", "cockpit", "cockle", "shuttlecock", "cockney", "shiitake",
            "therapist", "analysis", "analogue", "canal", "banal", "grape", "grapefruit", "drape", "scrape",
            "trapeze", "rapeseed", "titmouse", "titanium", "constitution", "petite", "competitive", "buttress",
            "button", "buttonhole", "butterfly", "buttermilk", "rebuttal", "document", "skills", "country",
            "snigger", "arsenic", "cumbersome", "cucumber", "cumulus", "circumference", "accumulate", "scrapbook",
            "sextant", "sextet", "spicy", "crappie", "knobby", "Wankel", "shell", "hello", "seashell", "pussycat",
            "Dickies", "homogenous", "glasses", "grassland", "mishmash");

    static final List<String> TRAP_TEMPLATES = List.of(
            "The %s design sits on the front of this tote bag.",
            "Our customers in %s love this linen shirt.",
            "Part of the %s range, made from soft cotton.");

    /** Hand-written customer-review sentences: positive, negative, sizing, delivery, mild informal language. */
    static final List<String> REVIEWS = List.of(
            "Absolutely love this jumper, the colour is gorgeous and it washes well.",
            "Fits true to size and the fabric feels really premium for the price.",
            "Bought this for my daughter and she hasn't taken it off since.",
            "Super comfy trainers, I wore them all day at the festival with no blisters.",
            "The stitching came loose after two washes, really disappointed.",
            "Way too small, I'm normally a 12 and this felt like an 8.",
            "Sleeves are a bit long but otherwise a perfect fit.",
            "Delivery took nearly three weeks and nobody answered my emails.",
            "Parcel was left in the rain and the box was soaked through.",
            "Arrived the next day, well packaged, no complaints at all.",
            "Honestly the comfiest hoodie I own, gonna buy another colour.",
            "Kinda see-through in daylight so I wear a vest underneath.",
            "This dress is stunning, got so many compliments at the wedding!",
            "The zip is flimsy and keeps getting stuck halfway, so annoying.",
            "Meh, it's okay. Nothing special for what it costs.",
            "Wicked comfy and keeps me warm on the school run.",
            "Colour was way more orange than in the photos, sending it back.",
            "Heck of a bargain in the sale, grab one while you can.",
            "These jeans are freaking amazing, finally a pair that fits my hips.",
            "Returned it, the material is scratchy and made my neck itch.",
            "My husband says it's the best coat he's ever had.",
            "Great for hiking, the soles grip well on wet rocks.",
            "Smells weird out of the packet, had to wash it twice.",
            "The pockets are actually deep enough for my phone, yay!",
            "Runs large, size down if you are between sizes.",
            "Good quality but the buttons feel cheap.",
            "Lovely soft wool, no itch at all, very happy.",
            "Customer service sorted my exchange in a day, brilliant.",
            "Courier lost my order and I had to chase it for a week.",
            "Wore it once and the dye ran all over my white sofa, not impressed.",
            "Cute top, a bit cropped for my liking but still nice.",
            "Perfect for the gym, doesn't ride up when I squat.",
            "Ordered a medium, received a large, what a hassle.",
            "The bag is roomy and the strap is comfy on my shoulder.",
            "It's a killer deal at this price, honestly can't fault it.",
            "Omg obsessed with these boots, ordering the black ones too.",
            "The hood is massive and blows off in the wind, pretty useless.",
            "Bit pricey but you get what you pay for.",
            "Not as pictured, the print is blurry and faded.",
            "Holds up to my two dogs jumping on me every morning.",
            "Love the pastel shades, perfect for spring.",
            "The laces snapped within a week, rubbish.",
            "This swimsuit is so flattering, I feel great in it.",
            "Chunky knit, really cosy, exactly what I wanted for winter.",
            "Tracking said delivered but it turned up two days later.",
            "Slightly baggy around the waist but a belt fixes that.",
            "Such a cheeky little print, my kids love it.",
            "Pants are comfy but they bobble after a few washes.",
            "The heel is a killer after an hour, my feet were sore.",
            "Bloomin' lovely jacket, I get stopped in the street about it.",
            "Gutted, the seam split on the first wear.",
            "Nice and thick, good for cold mornings walking the dog.",
            "The shorts are short-short, more of a beach thing.",
            "Hubby loves his new slippers, says they are like clouds.",
            "Crazy good value, bought three in different colours.",
            "The collar is a bit stiff at first but softens up.",
            "Packaging was excessive, loads of plastic for one T-shirt.",
            "Wish it came in petite sizes, the length is too long for me.",
            "Five stars, would buy again without hesitation.",
            "The blouse creases if you so much as look at it.",
            "Sizing chart was spot on, fits like a glove.",
            "Sturdy backpack, survived a month of backpacking in Asia.");

    private static final Map<String, Map<String, Integer>> FINDING_SUMMARY = new java.util.LinkedHashMap<>();

    private PolicyAccuracy() {
    }

    /**
     * @param args optional number of generated product-copy texts (default 5000)
     * @throws IOException when a lexicon cannot be read
     */
    public static void main(String[] args) throws IOException {
        int copyCount = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        ContentPolicy policy = ContentPolicy.defaults();
        requireClean(policy, String.format(Locale.ROOT, SENTENCE, "very"));
        for (String t : TRAP_TEMPLATES) {
            requireClean(policy, String.format(Locale.ROOT, t, "river"));
        }
        ObjectMapper json = new ObjectMapper();
        List<String> ldnoobw = new ArrayList<>();
        for (JsonNode n : json.readTree(ContentPolicyBenchmark.locate("text/ldnoobw-en.json").toFile())) {
            ldnoobw.add(n.asText());
        }
        List<String> cuss2 = new ArrayList<>();
        JsonNode cuss = json.readTree(ContentPolicyBenchmark.locate("text/cuss-en.json").toFile());
        for (Map.Entry<String, JsonNode> e : cuss.properties()) {
            if (e.getValue().asInt() == 2) {
                cuss2.add(e.getKey());
            }
        }
        System.out.println("# Content-policy accuracy (default policy, seed " + SEED + ")");
        catchRate(policy, "ldnoobw-en.json", ldnoobw);
        catchRate(policy, "cuss-en.json, sureness 2", cuss2);
        falsePositives(policy, copyCount);
    }

    private static void requireClean(ContentPolicy policy, String text) {
        PolicyResult r = policy.check(text);
        if (!r.findings().isEmpty()) {
            throw new IllegalStateException("template not clean: " + text + " -> " + r.findings());
        }
    }

    /** @return the single lower-case ASCII words of a lexicon, in lexicon order, without duplicates */
    static List<String> singleWords(List<String> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : terms) {
            String w = t.trim().toLowerCase(Locale.ROOT);
            if (w.matches("[a-z]+")) {
                out.add(w);
            }
        }
        return new ArrayList<>(out);
    }

    static boolean profanityFinding(PolicyResult r) {
        for (Finding f : r.findings()) {
            if (f.category().equals("profanity")) {
                return true;
            }
        }
        return false;
    }

    private static void catchRate(ContentPolicy policy, String name, List<String> lexicon) {
        List<String> words = singleWords(lexicon);
        List<String> flagged = new ArrayList<>();
        Set<String> plainBlocked = new LinkedHashSet<>();
        List<String> notFlagged = new ArrayList<>();
        for (String w : words) {
            PolicyResult r = policy.check(String.format(Locale.ROOT, SENTENCE, w));
            if (profanityFinding(r)) {
                flagged.add(w);
                if (r.verdict() != Verdict.ALLOW) {
                    plainBlocked.add(w);
                }
            } else {
                notFlagged.add(w);
            }
        }
        System.out.printf(Locale.ROOT, "%n## Catch rate, %s%n%n", name);
        System.out.printf(Locale.ROOT, "%d terms, %d single words; plain form flagged (profanity finding): %d; "
                        + "plain form not ALLOWed: %d; plain form NOT flagged: %d%n", lexicon.size(), words.size(),
                flagged.size(), plainBlocked.size(), notFlagged.size());
        System.out.println("not flagged in plain form: " + String.join(", ", notFlagged));
        System.out.println();
        System.out.println("| style | terms | profanity finding | non-ALLOW verdict (of plain non-ALLOW terms) | caught "
                + "| missed, e.g. |");
        System.out.println("|---|---|---|---|---|---|");
        long allN = 0;
        long allFinding = 0;
        long allVerdictN = 0;
        long allVerdict = 0;
        long allCaught = 0;
        Map<String, long[]> pairs = new TreeMap<>();
        for (Obfuscation style : Obfuscation.values()) {
            SplittableRandom r = new SplittableRandom(SEED + 7919L * style.ordinal());
            int n = 0;
            int finding = 0;
            int verdictN = 0;
            int verdict = 0;
            int caught = 0;
            List<String> missed = new ArrayList<>();
            for (String w : flagged) {
                String o;
                String pairName = null;
                if (style == Obfuscation.MIXED_TWO) {
                    Obfuscation[] pair = Obfuscation.PAIRS.get(r.nextInt(Obfuscation.PAIRS.size()));
                    o = pair[1].apply(pair[0].apply(w, r), r);
                    pairName = pair[0].name() + "+" + pair[1].name();
                } else {
                    o = style.apply(w, r);
                }
                if (o.equals(w)) {
                    continue;
                }
                PolicyResult res = policy.check(String.format(Locale.ROOT, SENTENCE, o));
                boolean f = profanityFinding(res);
                boolean v = res.verdict() != Verdict.ALLOW;
                n++;
                finding += f ? 1 : 0;
                if (plainBlocked.contains(w)) {
                    verdictN++;
                    verdict += v ? 1 : 0;
                }
                boolean c = f || v;
                caught += c ? 1 : 0;
                if (!c && missed.size() < 6) {
                    missed.add(visible(o));
                }
                if (pairName != null) {
                    long[] t = pairs.computeIfAbsent(pairName, k -> new long[2]);
                    t[0]++;
                    t[1] += c ? 1 : 0;
                }
            }
            allN += n;
            allFinding += finding;
            allVerdictN += verdictN;
            allVerdict += verdict;
            allCaught += caught;
            System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | **%s** | %s |%n", style.label(), n,
                    pct(finding, n), pctOf(verdict, verdictN), pct(caught, n), String.join(" ", missed));
        }
        System.out.printf(Locale.ROOT, "| **all styles** | %d | %s | %s | **%s** | |%n", allN,
                pct(allFinding, allN), pctOf(allVerdict, allVerdictN), pct(allCaught, allN));
        System.out.println();
        System.out.println("two styles combined, per pair (caught / terms):");
        for (Map.Entry<String, long[]> e : pairs.entrySet()) {
            System.out.printf(Locale.ROOT, "  %s: %d / %d (%s)%n", e.getKey(), e.getValue()[1], e.getValue()[0],
                    pct(e.getValue()[1], e.getValue()[0]));
        }
    }

    private static void falsePositives(ContentPolicy policy, int copyCount) {
        System.out.printf(Locale.ROOT, "%n## False positives on clean text (generated and hand-made sets, not a real "
                + "review corpus)%n%n");
        System.out.println("| set | texts | non-ALLOW verdict | any finding | profanity finding |");
        System.out.println("|---|---|---|---|---|");
        List<String> copy = ProductCopy.generate(copyCount, 42, false);
        List<String> flaggedCopy = new ArrayList<>();
        row("generated product copy (ProductCopy, seed 42, problematic lines left out, "
                + new LinkedHashSet<>(copy).size() + " distinct)", copy, policy, flaggedCopy);
        List<String> traps = new ArrayList<>();
        for (String w : TRAPS) {
            for (String t : TRAP_TEMPLATES) {
                traps.add(String.format(Locale.ROOT, t, w));
            }
        }
        List<String> flaggedTraps = new ArrayList<>();
        row("Scunthorpe traps (" + TRAPS.size() + " words x " + TRAP_TEMPLATES.size() + " sentences)", traps, policy,
                flaggedTraps);
        List<String> flaggedReviews = new ArrayList<>();
        row("hand-written customer reviews", REVIEWS, policy, flaggedReviews);
        System.out.println();
        for (Map.Entry<String, Map<String, Integer>> e : FINDING_SUMMARY.entrySet()) {
            System.out.println("findings by verdict, rule, severity and matched text, " + e.getKey() + ":");
            for (Map.Entry<String, Integer> m : e.getValue().entrySet()) {
                System.out.println("  " + m.getKey() + ": " + m.getValue());
            }
        }
        System.out.println();
        listFlagged("generated product copy", flaggedCopy, 5);
        listFlagged("Scunthorpe traps", flaggedTraps, Integer.MAX_VALUE);
        listFlagged("customer reviews", flaggedReviews, Integer.MAX_VALUE);
    }

    private static void row(String name, List<String> texts, ContentPolicy policy, List<String> flagged) {
        Map<String, Integer> byMatch = new TreeMap<>();
        int blocked = 0;
        int any = 0;
        int prof = 0;
        for (String t : texts) {
            PolicyResult r = policy.check(t);
            blocked += r.verdict() != Verdict.ALLOW ? 1 : 0;
            any += r.findings().isEmpty() ? 0 : 1;
            prof += profanityFinding(r) ? 1 : 0;
            if (!r.findings().isEmpty()) {
                StringBuilder b = new StringBuilder(r.verdict().name()).append(' ');
                for (Finding f : r.findings()) {
                    byMatch.merge(r.verdict() + " " + f.ruleId() + " " + f.severity() + " \"" + t.substring(f.start(),
                            f.end()) + "\"", 1, Integer::sum);
                    b.append('[').append(f.ruleId()).append(' ').append(f.severity()).append(" \"")
                            .append(t, f.start(), f.end()).append("\"] ");
                }
                flagged.add(b.append("<- ").append(t).toString());
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", name, texts.size(), pct(blocked, texts.size()),
                pct(any, texts.size()), pct(prof, texts.size()));
        FINDING_SUMMARY.put(name, byMatch);
    }

    private static void listFlagged(String name, List<String> flagged, int limit) {
        System.out.printf(Locale.ROOT, "flagged, %s (%d):%n", name, flagged.size());
        Set<String> seen = new LinkedHashSet<>(flagged);
        int i = 0;
        for (String s : seen) {
            if (i++ >= limit) {
                System.out.println("  ... " + (seen.size() - limit) + " more distinct");
                break;
            }
            System.out.println("  " + s);
        }
    }

    private static String pctOf(long k, long n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%% (%d of %d)", 100.0 * k / n, k, n);
    }

    private static String pct(long k, long n) {
        return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%% (%d)", 100.0 * k / n, k);
    }

    /** @return the text with format (zero-width) and combining characters written as {@code <U+XXXX>} */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
