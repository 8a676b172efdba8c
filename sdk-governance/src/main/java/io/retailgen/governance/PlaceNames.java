package io.retailgen.governance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of places from WordNet ({@code places-wordnet.txt}, made by {@code tools/lexicons/wordnet_extract.py}):
 * countries, regions, counties, towns and islands, and the first word of a longer name when it is no English word
 * ({@code Orkney} of {@code Orkney Islands}). A place named right after a comma or an opening bracket makes the word
 * before it a place too, as addresses are written: {@code Twatt, Orkney}, {@code Penistone (Yorkshire)}.
 *
 * <p>A name may have several words ({@code East Sussex}, {@code Isle of Wight}, {@code Seine-Saint-Denis}); the
 * longest one written there counts. An Irish or British county may be written with {@code County} or {@code Co.}
 * before it ({@code Muff, Co. Donegal}), a capitalised name followed by {@code County} is a county whether listed
 * or not ({@code Cumming, Forsyth County}), and a word of position before a region leaves it a region
 * ({@code Upper Austria}, {@code North Yorkshire}). Immutable and thread-safe.
 */
final class PlaceNames {

    static final String RESOURCE = "places-wordnet.txt";
    /** Countries, states, provinces, counties and other regions ({@code regions-wordnet.txt}). */
    static final String REGIONS = "regions-wordnet.txt";
    /**
     * Countries and their subdivisions that are regions rather than towns, from ISO 3166-1 and 3166-2 (Debian's
     * {@code iso-codes}, made by {@code tools/lexicons/iso_regions.py}; front-coded).
     */
    static final String ISO_REGIONS = "regions-iso3166.fc.txt";
    /** The most words a name may have ({@code Bournemouth, Christchurch and Poole} has four and a comma). */
    private static final int MAX_WORDS = 6;

    private final Set<String> places;

    /** @param places the names, with their capitals; words separated by a space or a hyphen */
    PlaceNames(List<String> places) {
        this.places = Set.copyOf(new HashSet<>(places));
    }

    /** @return the places shipped with the SDK */
    static PlaceNames wordNet() {
        return new PlaceNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @return the regions shipped with the SDK: the instances of WordNet's countries, states, provinces, counties,
     *     principalities, islands and geographical areas ({@code Newfoundland}, {@code Georgia}, {@code Austria}),
     *     and the countries and regions of ISO 3166 ({@code Donegal}, {@code Savoie}, {@code East Sussex})
     */
    static PlaceNames regions() {
        List<String> names = new java.util.ArrayList<>(PolicyConfig.resourceLines(REGIONS));
        names.addAll(FrontCodedWords.decode(ISO_REGIONS, PolicyConfig.resourceLines(ISO_REGIONS)));
        return new PlaceNames(names);
    }

    /**
     * @param text the text
     * @param to the end of a word
     * @return true when a comma or an opening bracket and a known place follow the word
     */
    boolean placeFollows(String text, int to) {
        return placeEnd(text, to) >= 0;
    }

    /**
     * @param text the text
     * @param to the end of a word
     * @return the end of the known place that follows the word after a comma or an opening bracket, or -1
     */
    int placeEnd(String text, int to) {
        int i = to;
        if (i >= text.length() || (text.charAt(i) != ',' && text.charAt(i) != ' ')) {
            return -1;
        }
        boolean comma = text.charAt(i) == ',';
        i++;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (!comma && (i >= text.length() || text.charAt(i) != '(')) {
            return -1;
        }
        if (!comma) {
            i++;
        }
        return nameEnd(text, i);
    }

    /**
     * @param text the text
     * @param from where a name may start
     * @return the end of the longest known name (or county) that starts at {@code from}, or -1
     */
    int nameEnd(String text, int from) {
        int s = from;
        int[] first = word(text, s);
        if (first == null) {
            return -1;
        }
        String w = text.substring(first[0], first[1]);
        if (w.equals("County") || (w.equals("Co") && first[1] < text.length() && text.charAt(first[1]) == '.')) {
            int after = first[1] + (w.equals("Co") ? 1 : 0); // "County Donegal", "Co. Donegal"
            if (after < text.length() && text.charAt(after) == ' ') {
                int e = nameEnd(text, after + 1);
                if (e >= 0) {
                    return e;
                }
            }
        }
        if (DIRECTIONS.contains(w) && first[1] < text.length() && text.charAt(first[1]) == ' ') {
            int e = nameEnd(text, first[1] + 1); // "Upper Austria", "North Yorkshire"
            if (e >= 0) {
                return Math.max(e, longest(text, s, first[1]));
            }
        }
        return longest(text, s, first[1]);
    }

    /** Words of position before a region that leave it a region ("Upper Austria", "West Cork"). */
    private static final Set<String> DIRECTIONS = Set.of("Upper", "Lower", "North", "South", "East", "West",
            "Northern", "Southern", "Eastern", "Western", "Central", "Greater", "Mid", "Inner", "Outer");

    /** @return the end of the longest name in the list that starts at {@code s}, its first word ending at {@code firstEnd} */
    private int longest(String text, int s, int firstEnd) {
        int best = -1;
        int e = firstEnd;
        for (int n = 1; n <= MAX_WORDS; n++) {
            String name = text.substring(s, e);
            if (places.contains(name)) {
                best = e;
            }
            if (Character.isUpperCase(text.charAt(s)) && text.startsWith(" County", e)
                    && (e + 7 == text.length() || !Character.isLetter(text.charAt(e + 7)))) {
                best = Math.max(best, e + 7); // "Forsyth County"
            }
            if (e >= text.length() || (text.charAt(e) != ' ' && text.charAt(e) != '-')) {
                break;
            }
            int[] next = word(text, e + 1);
            if (next == null) {
                break;
            }
            e = next[1];
        }
        return best;
    }

    /** @return the word of letters (an apostrophe inside) that starts at {@code from}, or null */
    private static int[] word(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isLetter(text.charAt(i))
                || (text.charAt(i) == '\'' && i > from && i + 1 < text.length()
                        && Character.isLetter(text.charAt(i + 1))))) {
            i++;
        }
        return i > from ? new int[] {from, i} : null;
    }

    @Override
    public String toString() {
        return "PlaceNames[" + places.size() + " places]";
    }
}
