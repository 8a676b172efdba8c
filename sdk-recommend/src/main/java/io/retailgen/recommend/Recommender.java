package io.retailgen.recommend;

import io.retailgen.core.Device;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.intercept.InterceptorChain;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Next-item recommendations for live shopping sessions: a blend of the GRU sequence model (served through ONNX
 * Runtime), session kNN and co-occurrence, with business rules and an explanation on every item.
 *
 * <pre>{@code
 * try (Recommender rec = Recommender.builder().model(model).catalog(catalog)
 *         .interceptors(InterceptorChain.of(audit, contentPolicy)).build()) {
 *     rec.observe(Interaction.view("s1", "sku-1", now));
 *     List<Recommendation> next = rec.recommend("s1", 10, new EventContext("mobile", 20, "en-GB"));
 *     next.forEach(r -> System.out.println(r.itemId() + ": " + r.explanation()));
 * }
 * }</pre>
 *
 * <p><b>Context.</b> The context of a request (device type, hour of day) reaches the sequence model's context
 * embeddings: the latest click of the session is scored as if made in the request's context (fields the request
 * leaves unknown keep the click's own). Earlier clicks keep the context they were observed with. Models trained on
 * events without context ignore it ({@link RecommendModel#hasContextEmbeddings()}).
 *
 * <p><b>Interceptors.</b> Every list returned by {@link #recommend}, {@link #recommendFor} and
 * {@link #recommendAsync} passes the interceptor chain once, as one request of module {@code recommend} whose text
 * has one line per item, {@code <itemId>: <explanation>}. A BLOCK (or REVIEW) verdict throws a
 * {@link RetailGenException} with code {@link io.retailgen.core.ErrorCode#GENERATION_BLOCKED} naming the rules;
 * REDACT replaces the explanations with the rewritten lines.
 *
 * <p><b>Thread safety.</b> Instances are safe for concurrent use and meant to be shared. Each session's hidden
 * state is cached (expiring after an idle time), so a new click costs one GRU step. {@link #observe} also updates
 * co-occurrence counts online. To replace the model while serving, build the recommender on a
 * {@link ModelHandle} and swap the handle's model: a request sees the old or the new model, never a mix, and cached
 * sessions are replayed on the new model at their next request. {@link #close()} releases the native ONNX sessions.
 */
public interface Recommender extends AutoCloseable {

    /**
     * Records an event of a session: appends the item (with the event's context) to the session and updates
     * co-occurrence counts. Events on items the model does not know are counted ({@link #unknownItems()}) and
     * otherwise ignored.
     *
     * @param event the event
     */
    void observe(Interaction event);

    /**
     * Recommends for a session known from {@link #observe}; an unknown or empty session gets popular items.
     *
     * @param sessionId the session
     * @param k the list length, {@code >= 1}
     * @param context the request's context ({@link EventContext#NONE} when unknown)
     * @return up to {@code k} items, best first
     * @throws RetailGenException when an interceptor blocks the list
     */
    List<Recommendation> recommend(String sessionId, int k, EventContext context);

    /**
     * Recommends for an explicit list of viewed items (oldest first) without touching any cached session; every item
     * is taken as viewed in {@code context}.
     *
     * @param viewedItems the item ids; unknown ones are skipped and counted
     * @param k the list length, {@code >= 1}
     * @param context the request's context ({@link EventContext#NONE} when unknown)
     * @return up to {@code k} items, best first
     * @throws RetailGenException when an interceptor blocks the list
     */
    List<Recommendation> recommendFor(List<String> viewedItems, int k, EventContext context);

    /**
     * {@link #recommend} run on the recommender's executor ({@link Builder#executor(Executor)}).
     *
     * @param sessionId the session
     * @param k the list length, {@code >= 1}
     * @param context the request's context
     * @return the list, or the failure of {@link #recommend}
     */
    CompletableFuture<List<Recommendation>> recommendAsync(String sessionId, int k, EventContext context);

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

    /**
     * @return the number of live sessions whose state is held (an estimate: idle sessions are dropped lazily), for a
     *     cache-size gauge such as {@code ServingMetrics.cacheSize}
     */
    long sessionsHeld();

    /**
     * Releases native resources; idempotent. Use after close throws {@link IllegalStateException}. A handle given to
     * {@link Builder#model(ModelHandle)} stays open (its owner closes it).
     */
    @Override
    void close();

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Recommender}; only the model is required. Setters validate at once. */
    final class Builder {
        RecommendModel model;
        ModelHandle<RecommendModel> handle;
        Catalog catalog = Catalog.empty();
        BusinessRules rules = BusinessRules.defaults();
        HybridWeights weights = HybridWeights.DEFAULT;
        Duration sessionIdle = Duration.ofMinutes(30);
        long maxSessions = 100_000;
        String backend;
        Device device = Device.cpu();
        Executor executor = Runnable::run;
        InterceptorChain interceptors = InterceptorChain.empty();

        Builder() {
        }

        /**
         * Serves one fixed model (for hot swaps use {@link #model(ModelHandle)}).
         *
         * @param m the trained or loaded model
         * @return this builder
         */
        public Builder model(RecommendModel m) {
            this.model = Objects.requireNonNull(m, "model == null");
            this.handle = null;
            return this;
        }

        /**
         * Serves whatever model the handle holds at each request, so that {@code handle.swap(...)} or
         * {@code handle.refresh()} replaces the model while serving. The recommender does not close the handle.
         *
         * @param h the handle, e.g. {@code ModelHandle.fromRegistry(registry, "recs", RecommendModel::fromBundle)}
         * @return this builder
         */
        public Builder model(ModelHandle<RecommendModel> h) {
            this.handle = Objects.requireNonNull(h, "model handle == null");
            this.model = null;
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
         * @param d the device the sequence model runs on (default the CPU; a GPU falls back to the CPU with a
         *     warning when no CUDA backend is available)
         * @return this builder
         */
        public Builder device(Device d) {
            this.device = Objects.requireNonNull(d, "device == null");
            return this;
        }

        /**
         * @param name the inference backend for the sequence model (default: chosen by {@link #device(Device)})
         * @return this builder
         */
        public Builder backend(String name) {
            this.backend = Objects.requireNonNull(name, "backend == null");
            return this;
        }

        /**
         * @param e runs {@link Recommender#recommendAsync} (default: the calling thread, so the returned future is
         *     already complete)
         * @return this builder
         */
        public Builder executor(Executor e) {
            this.executor = Objects.requireNonNull(e, "executor == null");
            return this;
        }

        /**
         * @param chain the interceptors every recommendation list passes (default {@link InterceptorChain#empty()})
         * @return this builder
         */
        public Builder interceptors(InterceptorChain chain) {
            this.interceptors = Objects.requireNonNull(chain, "interceptors == null");
            return this;
        }

        /**
         * @return the recommender
         * @throws IllegalStateException when no model was set
         */
        public Recommender build() {
            if (model == null && handle == null) {
                throw new IllegalStateException("model is required: call model(RecommendModel) or "
                        + "model(ModelHandle) before build()");
            }
            return new DefaultRecommender(this);
        }
    }
}
