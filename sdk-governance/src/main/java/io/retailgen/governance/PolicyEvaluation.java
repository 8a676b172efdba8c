package io.retailgen.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a {@link ContentPolicy} on labelled cases (recall per category and per obfuscation style, the share of
 * traps and clean copy allowed) and on unlabelled real text (the share of texts blocked, held and redacted).
 *
 * <p>Cases are JSON lines with the keys {@code id, text, expect, category, style, source}: {@code expect} is
 * {@code allow}, {@code redact}, {@code review} or {@code block}; the categories {@code trap} and {@code clean} must
 * be allowed, every other category (claims, counterfeit, profanity, pii, ...) must be caught, that is, get any
 * verdict but {@code ALLOW}. Each case belongs to one split by a hash of its id ({@link #split(String)}).
 *
 * <pre>{@code
 * List<PolicyEvaluation.Case> cases = PolicyEvaluation.readCases(Path.of("policy-cases.jsonl"));
 * PolicyEvaluation.Report r = PolicyEvaluation.evaluate(ContentPolicy.defaults(),
 *         PolicyEvaluation.inSplit(cases, "holdout"));
 * r.categories().get("pii").rate();   // recall of personal data
 * }</pre>
 */
public final class PolicyEvaluation {

    /** The categories whose cases must be allowed. */
    public static final Set<String> MUST_ALLOW = Set.of("trap", "clean");
    /** The splits {@link #inSplit(List, String)} accepts. */
    public static final List<String> SPLITS = List.of("dev", "holdout", "all");
    /** Cases whose id hashes below this share of the range are in the holdout split. */
    static final double HOLDOUT_SHARE = 0.30;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> EXPECTS = Set.of("allow", "redact", "review", "block");

    private PolicyEvaluation() {
    }

    /**
     * One labelled case.
     *
     * @param id a unique id
     * @param text the text to check
     * @param expect the verdict a retailer wants ({@code ALLOW}, {@code REDACT}, {@code REVIEW}, {@code BLOCK})
     * @param category what the case tests (claims, counterfeit, profanity, pii, trap, clean)
     * @param style how it is written (plain, leet, masked, spaced, homoglyph, spelled-out, phonetic, ...)
     * @param source where it comes from: a citation or URL, or {@code written}
     */
    public record Case(String id, String text, Verdict expect, String category, String style, String source) {
        /** Requires every field. */
        public Case {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(expect, "expect");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(source, "source");
        }

        /** @return true when the case must be allowed (a trap or clean copy) */
        public boolean mustAllow() {
            return MUST_ALLOW.contains(category);
        }

        /** @return true when {@code verdict} is right for this case: ALLOW for traps and clean copy, else not ALLOW */
        public boolean passes(Verdict verdict) {
            return mustAllow() == (verdict == Verdict.ALLOW);
        }
    }

    /**
     * @param cases how many cases
     * @param passed how many got a right verdict (caught, or allowed for trap and clean)
     * @param exact how many got exactly the expected verdict
     */
    public record Tally(int cases, int passed, int exact) {
        /** @return passed / cases, 0 when there are no cases */
        public double rate() {
            return cases == 0 ? 0 : (double) passed / cases;
        }
    }

    /**
     * @param total the cases scored
     * @param categories per category (sorted by name)
     * @param styles per style, over the cases that must be caught only (sorted by name)
     * @param allowedStyles per style, over the cases that must be allowed only (traps and clean copy; sorted by name):
     *     where the false positives lie
     * @param verdicts how many cases got each verdict
     * @param failing the ids of the cases with a wrong verdict, in input order
     */
    public record Report(int total, Map<String, Tally> categories, Map<String, Tally> styles,
                         Map<String, Tally> allowedStyles, Map<Verdict, Integer> verdicts, List<String> failing) {
    }

    /**
     * @param texts the texts scanned
     * @param verdicts how many texts got each verdict (every verdict present, 0 when none)
     * @param blocked up to 20 of the blocked texts' indices (0-based), to look at
     */
    public record TextSetReport(int texts, Map<Verdict, Integer> verdicts, List<Integer> blocked) {
        /**
         * @param v a verdict
         * @return the share of texts that got it, 0 when there are no texts
         */
        public double share(Verdict v) {
            return texts == 0 ? 0 : (double) verdicts.get(v) / texts;
        }
    }

    /**
     * The split a case belongs to: {@code holdout} when the first four bytes of SHA-256 of its id (UTF-8), read as
     * an unsigned big-endian number, are below 30% of 2^32; {@code dev} otherwise. Stable across runs and machines,
     * and independent of the order of the file.
     *
     * @param id a case id
     * @return {@code dev} or {@code holdout}
     */
    public static String split(String id) {
        byte[] h;
        try {
            h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
        long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
        return v < (long) (HOLDOUT_SHARE * (1L << 32)) ? "holdout" : "dev";
    }

    /**
     * @param cases cases
     * @param split {@code dev}, {@code holdout} or {@code all}
     * @return the cases in that split, in order
     * @throws IllegalArgumentException for another split name
     */
    public static List<Case> inSplit(List<Case> cases, String split) {
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "': expected one of " + SPLITS);
        }
        return split.equals("all") ? List.copyOf(cases)
                : cases.stream().filter(c -> split(c.id()).equals(split)).toList();
    }

    /**
     * Reads cases from a JSON-lines file. Blank lines are skipped.
     *
     * @param file the file
     * @return the cases in file order
     * @throws RetailGenException naming the file, line and field for a malformed line, a missing or blank field, an
     *     unknown {@code expect} or a repeated id
     */
    public static List<Case> readCases(Path file) {
        List<Case> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                Case c = parse(line, file + ":" + no);
                if (!ids.add(c.id())) {
                    throw bad(file + ":" + no, "id '" + c.id() + "' appears twice");
                }
                cases.add(c);
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read cases " + file + ": " + e, e);
        }
        return cases;
    }

    private static Case parse(String line, String where) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(where, "not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw bad(where, "each line must be a JSON object");
        }
        String expect = field(n, "expect", where).toLowerCase(Locale.ROOT);
        if (!EXPECTS.contains(expect)) {
            throw bad(where, "field 'expect' is '" + expect + "', expected one of allow, redact, review, block");
        }
        return new Case(field(n, "id", where), field(n, "text", where), Verdict.valueOf(expect.toUpperCase(
                Locale.ROOT)), field(n, "category", where), field(n, "style", where), field(n, "source", where));
    }

    private static String field(JsonNode n, String name, String where) {
        JsonNode v = n.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(where, "field '" + name + "' is missing, not a string or blank");
        }
        return v.asText();
    }

    private static RetailGenException bad(String where, String what) {
        return new RetailGenException(ErrorCode.INVALID_DATA, where + ": " + what);
    }

    /**
     * @param policy the policy
     * @param cases the cases to score
     * @return per-category and per-style figures and the failing ids
     */
    public static Report evaluate(ContentPolicy policy, List<Case> cases) {
        Map<String, int[]> categories = new TreeMap<>();
        Map<String, int[]> styles = new TreeMap<>();
        Map<String, int[]> allowedStyles = new TreeMap<>();
        Map<Verdict, Integer> verdicts = zeroes();
        List<String> failing = new ArrayList<>();
        for (Case c : cases) {
            Verdict v = policy.check(c.text()).verdict();
            verdicts.merge(v, 1, Integer::sum);
            boolean ok = c.passes(v);
            boolean exact = v == c.expect();
            count(categories, c.category(), ok, exact);
            count(c.mustAllow() ? allowedStyles : styles, c.style(), ok, exact);
            if (!ok) {
                failing.add(c.id());
            }
        }
        return new Report(cases.size(), tallies(categories), tallies(styles), tallies(allowedStyles), verdicts,
                List.copyOf(failing));
    }

    /**
     * @param policy the policy
     * @param texts unlabelled texts (real reviews or product copy)
     * @return how many got each verdict
     */
    public static TextSetReport scan(ContentPolicy policy, List<String> texts) {
        Map<Verdict, Integer> verdicts = zeroes();
        List<Integer> blocked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Verdict v = policy.check(texts.get(i)).verdict();
            verdicts.merge(v, 1, Integer::sum);
            if (v == Verdict.BLOCK && blocked.size() < 20) {
                blocked.add(i);
            }
        }
        return new TextSetReport(texts.size(), verdicts, List.copyOf(blocked));
    }

    private static Map<Verdict, Integer> zeroes() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        return m;
    }

    private static void count(Map<String, int[]> m, String key, boolean ok, boolean exact) {
        int[] t = m.computeIfAbsent(key, k -> new int[3]);
        t[0]++;
        t[1] += ok ? 1 : 0;
        t[2] += exact ? 1 : 0;
    }

    private static Map<String, Tally> tallies(Map<String, int[]> m) {
        Map<String, Tally> out = new TreeMap<>();
        m.forEach((k, t) -> out.put(k, new Tally(t[0], t[1], t[2])));
        return java.util.Collections.unmodifiableMap(out);
    }
}
