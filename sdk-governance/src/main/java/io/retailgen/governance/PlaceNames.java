package io.retailgen.governance;

import java.util.List;
import java.util.Set;

/**
 * Names of places from WordNet ({@code places-wordnet.txt}, made by {@code tools/lexicons/wordnet_extract.py}):
 * countries, regions, counties, towns and islands, and the first word of a longer name when it is no English word
 * ({@code Orkney} of {@code Orkney Islands}). A place named right after a comma or an opening bracket makes the word
 * before it a place too, as addresses are written: {@code Twatt, Orkney}, {@code Penistone (Yorkshire)}.
 * Immutable and thread-safe.
 */
final class PlaceNames {

    static final String RESOURCE = "places-wordnet.txt";
    /** Countries, states, provinces, counties and other regions ({@code regions-wordnet.txt}). */
    static final String REGIONS = "regions-wordnet.txt";

    private final Set<String> places;

    /** @param places the names, with their capitals */
    PlaceNames(List<String> places) {
        this.places = Set.copyOf(new java.util.HashSet<>(places));
    }

    /** @return the places shipped with the SDK */
    static PlaceNames wordNet() {
        return new PlaceNames(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @return the regions shipped with the SDK: the instances of WordNet's countries, states, provinces, counties,
     *     principalities, islands and geographical areas ({@code Newfoundland}, {@code Georgia}, {@code Austria})
     */
    static PlaceNames regions() {
        return new PlaceNames(PolicyConfig.resourceLines(REGIONS));
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
        int s = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i > s && Character.isUpperCase(text.charAt(s)) && places.contains(text.substring(s, i)) ? i : -1;
    }

    @Override
    public String toString() {
        return "PlaceNames[" + places.size() + " places]";
    }
}
