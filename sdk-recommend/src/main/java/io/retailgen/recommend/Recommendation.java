package io.retailgen.recommend;

import java.util.Objects;

/**
 * One recommended item with its score and the reason it was recommended.
 *
 * @param itemId the item id
 * @param score the blended score (higher is better; comparable only within one list)
 * @param signal the signal that contributed most to the item's score
 * @param explanation a sentence for the shopper derived from that signal, such as "Because you viewed 123"
 * @param modelVersion the version of the model that produced the list
 */
public record Recommendation(String itemId, double score, Signal signal, String explanation, String modelVersion) {

    /** Validates the fields. */
    public Recommendation {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }
}
