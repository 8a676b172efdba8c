package io.retailgen.governance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinds of animals named by a colour, shown on a depiction ({@code colours-wordnet.txt}, made by
 * {@code tools/lexicons/wordnet_extract.py}): a lexicon word whose WordNet animal kinds include one named by a colour
 * ({@code tit}: blue tit; {@code cock}: black cock), written after a colour noun ({@code azure}, {@code purple}) and
 * before a noun of a depiction that is no photograph ({@code print}, {@code figurine}, {@code engraving}), names a
 * kind of that animal on an object: {@code Azure tit print}, {@code Yellow tit figurine}. Before a photograph
 * ({@code pics}, {@code photo}, {@code picture}) or any other noun the colour does not classify: {@code purple cock
 * pics} stays a term. Immutable and thread-safe.
 */
final class ColourKinds {

    static final String RESOURCE = "colours-wordnet.txt";

    private final Set<String> kinds;
    private final Set<String> colours;
    private final Set<String> depictions;

    /** @param lines {@code kind W}, {@code colour C} and {@code depiction D} lines, lower case */
    ColourKinds(List<String> lines) {
        Map<String, Set<String>> byKind = PolicyConfig.taggedLines(RESOURCE, lines, Set.of("kind", "colour",
                "depiction"));
        kinds = byKind.get("kind");
        colours = byKind.get("colour");
        depictions = byKind.get("depiction");
    }

    /** @return the lists shipped with the SDK */
    static ColourKinds wordNet() {
        return new ColourKinds(PolicyConfig.resourceLines(RESOURCE));
    }

    /**
     * @param modifier the word before the animal's name, lower case
     * @param word the animal's name as matched, lower case, singular
     * @param head the word after it, lower case
     * @return true when a colour before a word whose kinds are named by colours is followed by a depiction
     */
    boolean depicted(String modifier, String word, String head) {
        return kinds.contains(word) && colours.contains(modifier)
                && (depictions.contains(head) || (head.endsWith("s") && depictions.contains(
                        head.substring(0, head.length() - 1))));
    }

    @Override
    public String toString() {
        return "ColourKinds[" + kinds + ", " + colours.size() + " colours, " + depictions.size() + " depictions]";
    }
}
