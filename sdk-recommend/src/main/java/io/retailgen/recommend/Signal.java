package io.retailgen.recommend;

/** The signal that ranked a recommended item, and so the basis of its explanation. */
public enum Signal {
    /** The generative sequence model (GRU) rated the item a likely next click. */
    SEQUENCE,
    /** Sessions similar to this one (session kNN) contained the item. */
    SIMILAR_SESSIONS,
    /** The item is often viewed together with an item of this session. */
    CO_OCCURRENCE,
    /** The shopper already viewed the item in this session. */
    VIEWED_BEFORE,
    /** The item is popular (used for sessions the models know nothing about). */
    POPULARITY,
    /** A business rule pinned the item to its position. */
    PINNED
}
