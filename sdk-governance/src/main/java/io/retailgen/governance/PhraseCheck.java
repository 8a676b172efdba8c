package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Claim rules and counterfeit rules, matched in one pass of one automaton over the phrase view. */
final class PhraseCheck implements Check {

    private enum Kind { CLAIM, UNLESS, BRAND, MARKER, TRIGGER, LEGIT, REQUIRED }

    private record Payload(Kind kind, int index, String original, boolean authorized) {
    }

    private final List<ClaimRule> claims;
    private final CounterfeitRules counterfeit;
    /** Claims recognised by structure, or null; run only on texts with one of its trigger words. */
    private final ClaimPatterns patterns;
    /** Disguised brands and shop handles, or null without counterfeit rules. */
    private final BrandSightings sightings;
    /** Per marker, the ids of the phrases it requires (one must be in the text); empty for none. */
    private final int[][] markerRequires;
    private final int requiredCount;
    /** The marker a replica-trade hashtag or shop domain counts as. */
    private static final CounterfeitRules.Marker HANDLE = new CounterfeitRules.Marker("shop handle",
            CounterfeitRules.Placement.EITHER, Severity.MEDIUM);
    private final AhoCorasick matcher;
    /** Per pattern, its payloads (an array: a match walks them without an iterator). */
    private final Payload[][] payloads;
    /** Per pattern: true when one of its payloads is an authorized brand. */
    private final boolean[] authorizedPattern;
    /** The authorized brands in phrase-view form: never flagged, however they are written. */
    private final java.util.Set<String> authorizedBrandKeys;
    /** Per pattern: true when it is an English word (or words), so that as a brand it must be capitalised. */
    private final boolean[] commonWord;

    PhraseCheck(List<ClaimRule> claims, CounterfeitRules counterfeit, ClaimPatterns patterns) {
        this.claims = List.copyOf(claims);
        this.counterfeit = counterfeit;
        this.patterns = patterns;
        Map<String, List<Payload>> byKey = new LinkedHashMap<>();
        if (patterns != null) {
            for (String t : patterns.triggers()) {
                add(byKey, t, new Payload(Kind.TRIGGER, -1, t, false));
            }
        }
        for (int r = 0; r < claims.size(); r++) {
            for (String p : claims.get(r).phrases()) {
                add(byKey, p, new Payload(Kind.CLAIM, r, p, false));
            }
            for (String p : claims.get(r).unless()) {
                add(byKey, p, new Payload(Kind.UNLESS, r, p, false));
            }
        }
        java.util.Set<String> authorized = new java.util.HashSet<>();
        if (counterfeit != null) {
            for (String a : counterfeit.authorizedBrands()) {
                authorized.add(Normalizer.phraseTerm(a));
            }
            for (String b : counterfeit.brands()) {
                String key = Normalizer.phraseTerm(b);
                if (key.isEmpty() || key.chars().noneMatch(Character::isLetter)) {
                    continue;
                }
                add(byKey, b, new Payload(Kind.BRAND, -1, b.strip(), authorized.contains(key)));
            }
            for (String a : counterfeit.authorizedBrands()) {
                add(byKey, a, new Payload(Kind.BRAND, -1, a.strip(), true));
            }
            for (int m = 0; m < counterfeit.markers().size(); m++) {
                String p = counterfeit.markers().get(m).phrase();
                add(byKey, p, new Payload(Kind.MARKER, m, p, false));
            }
            for (String l : counterfeit.legitimate()) {
                add(byKey, l, new Payload(Kind.LEGIT, -1, l, false));
            }
        }
        Map<String, Integer> requiredIds = new HashMap<>();
        int markerCount = counterfeit == null ? 0 : counterfeit.markers().size();
        markerRequires = new int[markerCount][];
        for (int m = 0; m < markerCount; m++) {
            List<String> req = counterfeit.markers().get(m).requires();
            markerRequires[m] = new int[req.size()];
            for (int r = 0; r < req.size(); r++) {
                String key = Normalizer.phraseTerm(req.get(r));
                Integer id = requiredIds.get(key);
                if (id == null) {
                    id = requiredIds.size();
                    requiredIds.put(key, id);
                    add(byKey, req.get(r), new Payload(Kind.REQUIRED, id, req.get(r), false));
                }
                markerRequires[m][r] = id;
            }
        }
        requiredCount = requiredIds.size();
        sightings = counterfeit == null ? null : new BrandSightings(counterfeit.brands());
        List<String> keys = new ArrayList<>(byKey.keySet());
        payloads = new Payload[keys.size()][];
        for (int k = 0; k < keys.size(); k++) {
            payloads[k] = byKey.get(keys.get(k)).toArray(new Payload[0]);
        }
        // a match must not start or end inside a word: the anchored automaton skips those that start inside one
        // and must not end inside one: the automaton skips those that end before a boundary char too
        matcher = new AhoCorasick(keys, AhoCorasick.Anchor.WORD_START_OR_NON_WORD, c -> boundaryChar((char) c),
                c -> boundaryChar((char) c), c -> boundaryChar((char) c));
        commonWord = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            boolean all = true;
            for (String part : keys.get(k).split(" ")) {
                all &= EnglishWords.contains(part);
            }
            commonWord[k] = all;
        }
        authorizedBrandKeys = java.util.Set.copyOf(authorized);
        authorizedPattern = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            for (Payload pl : payloads[k]) {
                authorizedPattern[k] |= pl.kind == Kind.BRAND && pl.authorized;
            }
        }
    }

    private static void add(Map<String, List<Payload>> byKey, String phrase, Payload payload) {
        String key = Normalizer.phraseTerm(phrase);
        if (!key.isEmpty()) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(payload);
        }
    }

    private static boolean boundaryChar(char c) {
        return CharClass.isLetterOrDigit(c) || c == '#';
    }

    private record Match(int start, int end, int token, int endToken) {
    }

    /** @return the automaton to run while the phrase view is built (see {@link Analysis#phraseMatches}) */
    AhoCorasick fusedMatcher() {
        return matcher;
    }

    @Override
    public void run(Analysis analysis, List<Hit> out) {
        if (matcher.patternCount() == 0) {
            return;
        }
        TextView v = analysis.phrase();
        Matches found = analysis.phraseMatches(matcher);
        String text = analysis.text;
        Scan sink = new Scan(v, text);
        if (found != null) {
            found.replay(matcher, v.chars, v.length, sink);
        } else {
            matcher.search(v.chars, v.length, sink);
        }
        int ruleHitsFrom = out.size();
        if (sink.claimHits != null) {
            sink.claimHits.forEach((rule, matches) -> {
                if (sink.unlessSeen != null && sink.unlessSeen[rule]) {
                    return;
                }
                ClaimRule r = claims.get(rule);
                for (Match m : matches) {
                    if (patterns != null && ClaimPatterns.negatedBefore(v, m.start)) {
                        continue;
                    }
                    out.add(new Hit(new Finding(v.originalStart(m.start), v.originalEnd(m.end), r.id(),
                            r.category(), r.severity(), r.message(), r.confidence()), "[claim removed]"));
                }
            });
        }
        if (sink.triggered) {
            structured(analysis.light(), out, ruleHitsFrom);
        }
        if (counterfeit != null) {
            for (BrandSightings.Sighting h : sightings.handles(analysis.text, analysis.light())) {
                Match m = toView(v, h.start(), h.end());
                if (h.brand() != null) {
                    out.add(new Hit(new Finding(h.start(), h.end(), "counterfeit.shop-handle", "counterfeit",
                            counterfeit.severity(), "replica-trade hashtag or shop domain naming brand '"
                            + h.brand().toLowerCase(Locale.ROOT) + "'"), "[removed]"));
                } else if (m != null) {
                    sink.marker(m, -1);
                }
            }
        }
        if (counterfeit != null && sink.markerMatches != null) {
            List<Match> brandMatches = Scan.orEmpty(sink.brandMatches);
            for (BrandSightings.Sighting b : sightings.disguisedBrands(analysis)) {
                if (authorizedBrandKeys.contains(Normalizer.phraseTerm(b.brand()))) {
                    continue; // the retailer may sell it: "Adidas replica jersey" from an authorized Adidas seller
                }
                Match m = toView(v, b.start(), b.end());
                if (m != null && brandMatches.stream().noneMatch(x -> x.start <= m.start && m.end <= x.end)) {
                    // the disguised brand replaces the shorter brands the phrase view saw inside it ("ol@plex")
                    brandMatches.removeIf(x -> x.start < m.end && m.start < x.end);
                    brandMatches.add(m);
                }
            }
            brandMatches.sort((a, b) -> Integer.compare(a.start, b.start));
            int[] token = tokens(v, analysis.ints(v.length + 1));
            pairMarkers(v, withTokens(brandMatches, token), withTokens(sink.markerMatches, token), sink.markerIndex,
                    withTokens(Scan.orEmpty(sink.legitMatches), token),
                    sink.requiredSeen != null ? sink.requiredSeen : new boolean[requiredCount], out);
        }
    }

    /**
     * What one search of the phrase view found. Most texts match few phrases and none of most kinds, so every
     * collection is created on the first match that needs it, not per text.
     */
    private final class Scan implements AhoCorasick.MatchSink {
        private final TextView v;
        private final String text;
        /** Per claim rule, its matches, or null before the first. */
        Map<Integer, List<Match>> claimHits;
        /** Per claim rule, whether one of its exceptions was seen; null before the first. */
        boolean[] unlessSeen;
        boolean triggered;
        /** Per required phrase id, whether it was seen; null before the first. */
        boolean[] requiredSeen;
        List<Match> brandMatches;
        List<Match> markerMatches;
        List<Integer> markerIndex;
        List<Match> legitMatches;

        Scan(TextView v, String text) {
            this.v = v;
            this.text = text;
        }

        static List<Match> orEmpty(List<Match> list) {
            return list != null ? list : new ArrayList<>();
        }

        void marker(Match m, int index) {
            if (markerMatches == null) {
                markerMatches = new ArrayList<>();
                markerIndex = new ArrayList<>();
            }
            markerMatches.add(m);
            markerIndex.add(index);
        }

        @Override
        public void match(int p, int end) {
            int start = end - matcher.patternLength(p);
            if ((start > 0 && boundaryChar(v.chars[start - 1]) && boundaryChar(v.chars[start]))
                    || (end < v.length && boundaryChar(v.chars[end]) && boundaryChar(v.chars[end - 1]))) {
                return;
            }
            // token numbers are filled in when a marker needs them; made only for the kinds that keep the match
            Match match = null;
            boolean brandAdded = false;
            for (Payload pl : payloads[p]) {
                switch (pl.kind) {
                    case CLAIM -> {
                        if (claimHits == null) {
                            claimHits = new HashMap<>();
                        }
                        match = match != null ? match : new Match(start, end, 0, 0);
                        claimHits.computeIfAbsent(pl.index, k -> new ArrayList<>()).add(match);
                    }
                    case UNLESS -> {
                        if (unlessSeen == null) {
                            unlessSeen = new boolean[claims.size()];
                        }
                        unlessSeen[pl.index] = true;
                    }
                    case TRIGGER -> triggered = true;
                    case REQUIRED -> {
                        if (requiredSeen == null) {
                            requiredSeen = new boolean[requiredCount];
                        }
                        requiredSeen[pl.index] = true;
                    }
                    case LEGIT -> {
                        if (!ClaimPatterns.negatedBefore(v, start)) {
                            if (legitMatches == null) {
                                legitMatches = new ArrayList<>();
                            }
                            match = match != null ? match : new Match(start, end, 0, 0);
                            legitMatches.add(match); // "not officially licensed" is no licence
                        }
                    }
                    case MARKER -> {
                        // the phrase view writes every number as '#': "1:1" must not match "1:24"
                        String phrase = counterfeit.markers().get(pl.index).phrase();
                        if (sameDigits(phrase, text.substring(v.originalStart(start), v.originalEnd(end)))) {
                            match = match != null ? match : new Match(start, end, 0, 0);
                            marker(match, pl.index);
                        }
                    }
                    case BRAND -> {
                        if (brandAdded || pl.authorized) {
                            brandAdded |= pl.authorized;
                            continue;
                        }
                        if (pl.original.length() <= 3 && !sameText(text, v.originalStart(start),
                                v.originalEnd(end), pl.original)) {
                            continue;
                        }
                        if (commonWord[p] && !Character.isUpperCase(text.charAt(v.originalStart(start)))) {
                            continue; // "cockpit", "apple", "coach" in lower case are the words, not the brands
                        }
                        brandAdded = true;
                    }
                    default -> throw new AssertionError(pl.kind);
                }
            }
            if (brandAdded && !authorizedPattern[p]) {
                if (brandMatches == null) {
                    brandMatches = new ArrayList<>();
                }
                brandMatches.add(match != null ? match : new Match(start, end, 0, 0));
            }
        }
    }

    /** Adds the structured claims (found in the light view) that no claim rule already reported there. */
    private void structured(TextView light, List<Hit> out, int ruleHitsFrom) {
        int ruleHitsTo = out.size();
        List<Hit> found = new ArrayList<>();
        patterns.run(light, found);
        for (Hit h : found) {
            boolean covered = false;
            for (int k = ruleHitsFrom; k < ruleHitsTo && !covered; k++) {
                Finding f = out.get(k).finding();
                covered = f.start() < h.finding().end() && h.finding().start() < f.end();
            }
            if (!covered) {
                out.add(h);
            }
        }
    }

    /** @return {@code text.substring(from, to).equals(s)}, without the copy */
    private static boolean sameText(String text, int from, int to, String s) {
        return to - from == s.length() && text.regionMatches(from, s, 0, s.length());
    }

    private static List<Match> withTokens(List<Match> matches, int[] token) {
        List<Match> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            out.add(new Match(m.start, m.end, token[m.start], token[m.end - 1]));
        }
        return out;
    }

    /** Numbers the tokens (runs of boundary chars) of the view: {@code token[i]} for every char. */
    private static int[] tokens(TextView v, int[] token) {
        char[] c = v.chars;
        int t = 0;
        boolean prev = false;
        for (int i = 0; i < v.length; i++) {
            boolean b = boundaryChar(c[i]);
            if (b && !prev) {
                t++;
            }
            prev = b;
            token[i] = t;
        }
        return token;
    }

    /** @return the view's match covering original span {@code [start, end)}, or null when none does */
    private static Match toView(TextView v, int start, int end) {
        int from = firstStartingAtOrAfter(v, start);
        int to = firstStartingAtOrAfter(v, end);
        while (to > from && v.chars[to - 1] == ' ') {
            to--;
        }
        return to > from ? new Match(from, to, 0, 0) : null;
    }

    private static int firstStartingAtOrAfter(TextView v, int offset) {
        int lo = 0;
        int hi = v.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v.startAt(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return true when {@code a} and {@code b} hold the same digits in the same order (or neither has any) */
    static boolean sameDigits(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && !Character.isDigit(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && !Character.isDigit(b.charAt(j))) {
                j++;
            }
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            if (Character.digit(a.charAt(i), 10) != Character.digit(b.charAt(j), 10)) {
                return false;
            }
            i++;
            j++;
        }
    }

    /**
     * How much farther than a marker's brand window a legitimate-trade phrase may stand and still vouch for it: a
     * listing names its licence or authentication once, often at the end ("..., officially licensed").
     */
    private static final int LEGIT_REACH = 3;

    private void pairMarkers(TextView v, List<Match> brands, List<Match> markers, List<Integer> markerIndex,
                             List<Match> legit, boolean[] requiredSeen, List<Hit> out) {
        brands.sort((a, b) -> Integer.compare(a.token, b.token));
        int[] brandTokens = new int[brands.size()];
        for (int i = 0; i < brandTokens.length; i++) {
            brandTokens[i] = brands.get(i).token;
        }
        int w = counterfeit.window();
        for (int i = 0; i < markers.size(); i++) {
            Match m = markers.get(i);
            int index = markerIndex.get(i);
            CounterfeitRules.Marker marker = index < 0 ? HANDLE : counterfeit.markers().get(index);
            if (index >= 0 && !required(markerRequires[index], requiredSeen)) {
                continue;
            }
            boolean weak = marker.aloneSeverity() == null || marker.aloneSeverity() == Severity.LOW;
            if (weak && (near(m, legit, LEGIT_REACH * w) || ClaimPatterns.negatedBefore(v, m.start))) {
                continue; // "officially licensed replica", "replica ... kit, 1:24, officially licensed", "not a replica"
            }
            if (insideLegitimate(m, legit)
                    || (marker.aloneSeverity() == Severity.MEDIUM && nearLicence(v, m, legit, LEGIT_REACH * w))) {
                continue; // "first copy of the print run", "report counterfeit goods", "licensed by ...: 1:1 replica"
            }
            int reachBefore = marker.placement() == CounterfeitRules.Placement.BEFORE ? 0
                    : marker.placement() == CounterfeitRules.Placement.AFTER ? Math.min(w, 2) : w;
            int reachAfter = marker.placement() == CounterfeitRules.Placement.AFTER ? 0 : w;
            int from = lowerBound(brandTokens, m.token - reachBefore - 8);
            Match paired = null;
            for (int k = from; k < brands.size() && brands.get(k).token <= m.endToken + reachAfter + 1; k++) {
                Match b = brands.get(k);
                if (b.start < m.end && m.start < b.end) {
                    continue;
                }
                boolean brandAfter = b.start >= m.end && b.token - m.endToken - 1 <= reachAfter
                        && marker.placement() != CounterfeitRules.Placement.AFTER;
                boolean brandBefore = b.end <= m.start && m.token - b.endToken - 1 <= reachBefore
                        && marker.placement() != CounterfeitRules.Placement.BEFORE;
                if (brandAfter || brandBefore) {
                    paired = b;
                    break;
                }
            }
            if (paired != null) {
                int s = Math.min(m.start, paired.start);
                int e = Math.max(m.end, paired.end);
                out.add(new Hit(new Finding(v.originalStart(s), v.originalEnd(e), "counterfeit.brand", "counterfeit",
                        counterfeit.severity(), "counterfeit marker '" + marker.phrase() + "' next to brand '"
                        + v.substring(paired.start, paired.end).toLowerCase(Locale.ROOT) + "'"), "[removed]"));
            } else if (marker.aloneSeverity() != null) {
                out.add(new Hit(new Finding(v.originalStart(m.start), v.originalEnd(m.end), "counterfeit.marker",
                        "counterfeit", marker.aloneSeverity(), "counterfeit marker '" + marker.phrase() + "'"),
                        "[removed]"));
            }
        }
    }

    private static boolean required(int[] ids, boolean[] seen) {
        if (ids.length == 0) {
            return true;
        }
        for (int id : ids) {
            if (seen[id]) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when a legitimate-trade phrase holds the whole marker: the marker's words are part of a term of
     *     their own ("first copy of the", "report counterfeit", "1:1 by volume"), whatever the marker's severity
     */
    private static boolean insideLegitimate(Match m, List<Match> legit) {
        for (Match l : legit) {
            if (l.start <= m.start && m.end <= l.end && l.end - l.start > m.end - m.start) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parts of a legitimate phrase that name who licensed the goods or that a third party checked them; a bare
     * "licensed" is no such statement ("licensed quality").
     */
    private static final List<String> LICENCE_WORDS = List.of("licensed by", "officially licensed", "under licen",
            "official licen", "authenticated", "certified");

    /**
     * @return true when a legitimate phrase that names a licensor or an authentication ("licensed by", "officially
     *     licensed", "authenticated", "certified pre owned") lies within {@code w} words of {@code m}: enough to
     *     vouch for a marker of medium severity ("1:1 replica" of a film prop), not for a strong one
     */
    private static boolean nearLicence(TextView v, Match m, List<Match> legit, int w) {
        for (Match l : legit) {
            if (l.endToken >= m.token - w - 1 && l.token <= m.endToken + w + 1) {
                String phrase = v.substring(l.start, l.end);
                for (String word : LICENCE_WORDS) {
                    if (phrase.contains(word)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return true when one of {@code others} overlaps {@code m} or lies within {@code w} words of it */
    private static boolean near(Match m, List<Match> others, int w) {
        for (Match o : others) {
            if (o.endToken >= m.token - w - 1 && o.token <= m.endToken + w + 1) {
                return true;
            }
        }
        return false;
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
