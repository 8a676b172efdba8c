package io.retailgen.recommend;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Next-item recommendations for live shopping sessions: a blend of the GRU sequence model (served through ONNX
 * Runtime), session kNN and co-occurrence, with business rules and an explanation on every item.
 *
 * <pre>{@code
 * try (Recommender rec = Recommender.builder().model(model).catalog(catalog).build()) {
 *     rec.observe(Interaction.view("s1", "sku-1", now));
 *     List<Recommendation> next = rec.recommend("s1", 10, EventContext.NONE);
 *     next.forEach(r -> System.out.println(r.itemId() + ": " + r.explanation()));
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Instances are safe for concurrent use and meant to be shared. Each session's hidden
 * state is cached (expiring after an idle time), so a new click costs one GRU step. {@link #observe} also updates
 * co-occurrence counts online. {@link #swapModel} replaces the model atomically: a request sees the old or the new
 * model, never a mix. {@link #close()} releases the native ONNX sessions.
 */
public interface Recommender extends AutoCloseable {

    /**
     * Records an event of a session: appends the item to the session and updates co-occurrence counts. Events on
     * items the model does not know are counted ({@link #unknownItems()}) and otherwise ignored.
     *
     * @param event the event
     */
    void observe(Interaction event);

    /**
     * Recommends for a session known from {@link #observe}; an unknown or empty session gets popular items.
     *
     * @param sessionId the session
     * @param k the list length, {@code >= 1}
     * @param context the request context
     * @return up to {@code k} items, best first
     */
    List<Recommendation> recommend(String sessionId, int k, EventContext context);

    /**
     * Recommends for an explicit list of viewed items (oldest first) without touching any cached session.
     *
     * @param viewedItems the item ids; unknown ones are skipped and counted
     * @param k the list length, {@code >= 1}
     * @param context the request context
     * @return up to {@code k} items, best first
     */
    List<Recommendation> recommendFor(List<String> viewedItems, int k, EventContext context);

    /**
     * Replaces the model atomically; cached sessions are replayed on the new model at their next request.
     *
     * @param model the new model
     */
    void swapModel(RecommendModel model);

    /**
     * Replaces the catalog (stock, categories) atomically.
     *
     * @param catalog the new catalog
     */
    void updateCatalog(Catalog catalog);

    /** @return the version of the model in use */
    String modelVersion();

    /** @return the number of events or viewed items skipped because the model did not know the item */
    long unknownItems();

    /** Releases native resources; idempotent. Use after close throws {@link IllegalStateException}. */
    @Override
    void close();

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Recommender}; only the model is required. */
    final class Builder {
        RecommendModel model;
        Catalog catalog = Catalog.empty();
        BusinessRules rules = BusinessRules.defaults();
        HybridWeights weights = HybridWeights.DEFAULT;
        Duration sessionIdle = Duration.ofMinutes(30);
        long maxSessions = 100_000;
        String backend;

        Builder() {
        }

        /** @param m the trained model @return this builder */
        public Builder model(RecommendModel m) {
            this.model = Objects.requireNonNull(m, "model == null");
            return this;
        }

        /** @param c the catalog (default: empty, every item in stock) @return this builder */
        public Builder catalog(Catalog c) {
            this.catalog = Objects.requireNonNull(c, "catalog == null");
            return this;
        }

        /** @param r the business rules (default {@link BusinessRules#defaults()}) @return this builder */
        public Builder rules(BusinessRules r) {
            this.rules = Objects.requireNonNull(r, "rules == null");
            return this;
        }

        /** @param w the blend weights and knobs (default {@link HybridWeights#DEFAULT}) @return this builder */
        public Builder weights(HybridWeights w) {
            this.weights = Objects.requireNonNull(w, "weights == null");
            return this;
        }

        /**
         * @param idle how long an untouched session's state is kept (default 30 minutes), {@code > 0}
         * @return this builder
         */
        public Builder sessionIdle(Duration idle) {
            Objects.requireNonNull(idle, "sessionIdle == null");
            if (idle.isNegative() || idle.isZero()) {
                throw new IllegalArgumentException("sessionIdle must be > 0, was " + idle);
            }
            this.sessionIdle = idle;
            return this;
        }

        /** @param max the most sessions kept in the state cache (default 100,000), {@code >= 1} @return this */
        public Builder maxSessions(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxSessions must be >= 1, was " + max);
            }
            this.maxSessions = max;
            return this;
        }

        /**
         * @param name the inference backend of sdk-core for the sequence model (default: sdk-core's selection)
         * @return this builder
         */
        public Builder backend(String name) {
            this.backend = Objects.requireNonNull(name, "backend == null");
            return this;
        }

        /**
         * @return the recommender
         * @throws IllegalStateException when no model was set
         */
        public Recommender build() {
            if (model == null) {
                throw new IllegalStateException("model is required: call model(RecommendModel) before build()");
            }
            return new DefaultRecommender(this);
        }
    }
}
