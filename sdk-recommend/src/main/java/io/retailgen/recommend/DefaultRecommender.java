package io.retailgen.recommend;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.cache.StateCache;
import io.retailgen.core.onnx.OnnxPruner;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import io.retailgen.core.spi.SessionOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Recommender} built by {@link Recommender.Builder}. */
final class DefaultRecommender implements Recommender {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRecommender.class);
    private static final Set<String> HIDDEN_ONLY = Set.of(GruExport.OUT_HIDDEN);

    private final ModelHandle<RecommendModel> handle;
    /** Whether this recommender made {@link #handle} (from a plain model) and so closes it. */
    private final boolean ownsHandle;
    /** The engine of the handle's current model (held once for being current), or null before the first request. */
    private volatile Engine current;
    /** Guards replacing {@link #current}. */
    private final Object engineLock = new Object();
    /** Engines whose ONNX sessions are open (for tests). */
    private final AtomicInteger openEngines = new AtomicInteger();
    private volatile Catalog catalog;
    private final BusinessRules rules;
    private final HybridWeights weights;
    private final String backend;
    private final Device device;
    private final Executor executor;
    private final RecommendationFilter filter;
    private final StateCache<String, SessionState> sessions;
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    DefaultRecommender(Recommender.Builder b) {
        this.catalog = b.catalog;
        this.rules = b.rules;
        this.weights = b.weights;
        this.backend = b.backend;
        this.device = b.device;
        this.executor = b.executor;
        this.filter = new RecommendationFilter(b.interceptors);
        this.sessions = StateCache.builder().expireAfterAccess(b.sessionIdle).maximumSize(b.maxSessions).build();
        this.ownsHandle = b.handle == null;
        this.handle = b.handle != null ? b.handle : ModelHandle.of(b.model, b.model.version());
        // open the ONNX sessions now, so that a broken model fails here and not at the first request
        handle.apply(m -> {
            release(acquire(m));
            return null;
        });
    }

    /** Everything derived from one model; immutable apart from the online co-occurrence counts. */
    static final class Engine {
        final RecommendModel model;
        final HybridRanker ranker;
        final OnnxModel gru;
        /**
         * The same step cut down to {@code hidden_out} ({@link OnnxPruner}): ONNX Runtime runs every node whatever
         * outputs are asked for, so clicks that only advance the state (catch-up) would otherwise pay the item
         * scoring too.
         */
        final OnnxModel gruHidden;
        final int hidden;
        final boolean context;
        /** Whether the graph returns its top candidates ({@link GruExport#OUT_TOP_ITEMS}). */
        final boolean topK;
        final Set<String> scoreOutputs;
        final float[] boost;
        /**
         * 1 for being the recommender's current engine plus 1 per running request; the ONNX sessions close when it
         * drops to 0, which can only happen after the engine stopped being current.
         */
        final AtomicInteger refs = new AtomicInteger(1);

        Engine(RecommendModel m, BusinessRules rules, String backend, Device device) {
            this.model = m;
            SessionLog log = m.log;
            this.ranker = new HybridRanker(log.vocab, new SessionKnn(log, m.settings.knnParams()),
                    CoOccurrence.of(log), Popularity.of(log, 0));
            if (m.hasSequenceModel()) {
                this.gru = stepSession(m.onnx, "recommend-gru-" + m.version(), backend, device);
                OnnxModel stateOnly;
                try {
                    stateOnly = stepSession(OnnxPruner.keepOutputs(m.onnx, List.of(GruExport.OUT_HIDDEN)),
                            "recommend-gru-state-" + m.version(), backend, device);
                } catch (RuntimeException e) {
                    gru.close();
                    throw e;
                }
                this.gruHidden = stateOnly;
                int h = 0;
                boolean ctx = false;
                for (TensorSpec s : gru.inputs()) {
                    if (s.name().equals(GruExport.IN_HIDDEN)) {
                        long[] shape = s.shape();
                        h = (int) shape[shape.length - 1];
                    }
                    ctx |= s.name().equals(GruExport.IN_DEVICE);
                }
                this.hidden = h;
                this.context = ctx;
                boolean top = false;
                for (TensorSpec s : gru.outputs()) {
                    top |= s.name().equals(GruExport.OUT_TOP_ITEMS);
                }
                this.topK = top;
                this.scoreOutputs = top
                        ? Set.of(GruExport.OUT_HIDDEN, GruExport.OUT_TOP_SCORES, GruExport.OUT_TOP_ITEMS)
                        : Set.of(GruExport.OUT_HIDDEN, GruExport.OUT_SCORES);
            } else {
                this.gru = null;
                this.gruHidden = null;
                this.hidden = 0;
                this.context = false;
                this.topK = false;
                this.scoreOutputs = Set.of();
            }
            if (rules.boosts().isEmpty()) {
                this.boost = null;
            } else {
                float[] bst = new float[log.vocab.size()];
                Arrays.fill(bst, 1f);
                rules.boosts().forEach((id, v) -> {
                    int i = log.vocab.indexOf(id);
                    if (i >= 0) {
                        bst[i] = v.floatValue();
                    }
                });
                this.boost = bst;
            }
        }

        /**
         * A session for a step graph with one intra-op thread: a step is small (one GRU step, one item matmul,
         * TopK), a thread pool only adds hand-over and spinning; concurrency comes from the callers' threads.
         */
        private static OnnxModel stepSession(byte[] model, String name, String backend, Device device) {
            OnnxModel.Builder b = OnnxModel.builder().model(model).name(name).device(device)
                    .options(new SessionOptions(1, 1, true));
            if (backend != null) {
                b.backend(backend);
            }
            return b.build();
        }

        /**
         * Runs one GRU step from hidden state {@code h} and returns the new state; with {@code score} also fetches
         * the top candidates (or, for graphs written before the in-graph TopK, every logit) into {@code s}.
         */
        float[] step(float[] h, int item, int deviceSlot, int hourSlot, boolean score, SessionState s) {
            Map<String, Tensor> feed = new HashMap<>(8);
            feed.put(GruExport.IN_ITEM, Tensor.ofLongs(new long[] {item}, 1));
            feed.put(GruExport.IN_HIDDEN, Tensor.ofFloats(h, 1, hidden));
            if (context) {
                feed.put(GruExport.IN_DEVICE, Tensor.ofLongs(new long[] {deviceSlot}, 1));
                feed.put(GruExport.IN_HOUR, Tensor.ofLongs(new long[] {hourSlot}, 1));
            }
            Map<String, Tensor> out = score ? gru.run(feed, scoreOutputs) : gruHidden.run(feed, HIDDEN_ONLY);
            float[] next = out.get(GruExport.OUT_HIDDEN).toFloatArray();
            if (!score) {
                return next;
            }
            s.topItems = null;
            s.topScores = null;
            s.lastLogits = null;
            if (topK) {
                Tensor items = out.get(GruExport.OUT_TOP_ITEMS);
                int n = items.size();
                int[] ti = new int[n];
                for (int i = 0; i < n; i++) {
                    ti[i] = (int) items.longAt(i);
                }
                s.topItems = ti;
                s.topScores = out.get(GruExport.OUT_TOP_SCORES).toFloatArray();
            } else {
                s.lastLogits = out.get(GruExport.OUT_SCORES).toFloatArray();
            }
            return next;
        }

        void close() {
            if (gru != null) {
                gru.close();
                gruHidden.close();
            }
        }
    }

    /** The cached state of one session; guarded by its own monitor. */
    static final class SessionState {
        int[] items = new int[8];
        int[] device = new int[8];
        int[] hour = new int[8];
        int length;
        Engine engine;
        /** The state after the first {@link #processed} clicks, each in the context it was observed in. */
        float[] hidden;
        /** The state after the first {@code processed - 1} clicks (null before the first). */
        float[] previousHidden;
        int processed;
        /** The top candidates (sorted descending) or, for old graphs, all logits of the last scored step. */
        int[] topItems;
        float[] topScores;
        float[] lastLogits;
        /** What the fields above were scored for: the session length and the context slots of its latest click. */
        int scoredLength = -1;
        int scoredDevice;
        int scoredHour;
        /** The session's id in the live neighbour index of {@link #liveEngine}, -1 when not indexed. */
        int liveId = -1;
        Engine liveEngine;

        void append(int item, EventContext c) {
            if (length == items.length) {
                items = Arrays.copyOf(items, length * 2);
                device = Arrays.copyOf(device, length * 2);
                hour = Arrays.copyOf(hour, length * 2);
            }
            items[length] = item;
            device[length] = c.deviceSlot();
            hour[length] = c.hourSlot();
            length++;
        }

        /**
         * Scores the latest click as made in the request's context (each field the request leaves unknown takes
         * the click's own), after bringing the state up to date with one hidden-only GRU step per earlier new click.
         * Returns whether sequence scores are available.
         */
        boolean advance(Engine e, EventContext request) {
            if (e.gru == null || length == 0) {
                return false;
            }
            if (engine != e) {
                engine = e;
                hidden = new float[e.hidden];
                previousHidden = null;
                processed = 0;
                scoredLength = -1;
            }
            int last = length - 1;
            int dev = request.deviceSlot() != 0 ? request.deviceSlot() : device[last];
            int hr = request.hourSlot() != 0 ? request.hourSlot() : hour[last];
            if (scoredLength == length && scoredDevice == dev && scoredHour == hr) {
                return true;
            }
            while (processed < last) {
                previousHidden = hidden;
                hidden = e.step(hidden, items[processed], device[processed], hour[processed], false, this);
                processed++;
            }
            // processed is last (the latest click is new) or length (it was scored before in another context)
            float[] from = processed == last ? hidden : previousHidden;
            float[] next = e.step(from, items[last], dev, hr, true, this);
            if (processed == last && dev == device[last] && hr == hour[last]) {
                previousHidden = hidden;
                hidden = next;
                processed = length;
            }
            scoredLength = length;
            scoredDevice = dev;
            scoredHour = hr;
            return true;
        }

        /** The sequence model's candidates of the latest click as relative probabilities, or null. */
        Scores sequence(HybridRanker ranker) {
            if (topItems != null) {
                return ranker.sequenceScores(topItems, topScores);
            }
            return lastLogits == null ? null : ranker.sequenceScores(lastLogits);
        }
    }

    @Override
    public void observe(Interaction event) {
        Objects.requireNonNull(event, "event");
        ensureOpen();
        withEngine(e -> {
            int idx = e.ranker.vocab().indexOf(event.itemId());
            if (idx < 0) {
                unknown.incrementAndGet();
                return null;
            }
            SessionState s = sessions.get(event.sessionId(), k -> new SessionState());
            synchronized (s) {
                s.append(idx, event.context());
                e.ranker.coOccurrence().addClick(s.items, 0, s.length - 1);
                if (s.liveEngine != e) {
                    s.liveEngine = e;
                    s.liveId = -1;
                    for (int i = 0; i < s.length - 1; i++) {
                        s.liveId = e.ranker.knn().observe(s.liveId, s.items[i]);
                    }
                }
                s.liveId = e.ranker.knn().observe(s.liveId, idx);
            }
            return null;
        });
    }

    @Override
    public List<Recommendation> recommend(String sessionId, int k, EventContext context) {
        long t0 = System.nanoTime();
        Objects.requireNonNull(sessionId, "sessionId");
        checkK(k);
        ensureOpen();
        EventContext c = EventContext.orNone(context);
        return withEngine(e -> {
            SessionState s = sessions.get(sessionId).orElse(null);
            List<Recommendation> list;
            if (s == null) {
                list = rank(e, new int[0], 0, -1, null, k);
            } else {
                synchronized (s) {
                    boolean scored = s.advance(e, c);
                    list = rank(e, s.items, s.length, s.liveEngine == e ? s.liveId : -1, scored ? s : null, k);
                }
            }
            return filter.apply("recommend", list, e.model, k, c, sessionId, t0);
        });
    }

    @Override
    public List<Recommendation> recommendFor(List<String> viewedItems, int k, EventContext context) {
        long t0 = System.nanoTime();
        Objects.requireNonNull(viewedItems, "viewedItems");
        checkK(k);
        ensureOpen();
        EventContext c = EventContext.orNone(context);
        return withEngine(e -> {
            SessionState s = new SessionState();
            for (String id : viewedItems) {
                int idx = e.ranker.vocab().indexOf(Objects.requireNonNull(id, "item id"));
                if (idx < 0) {
                    unknown.incrementAndGet();
                } else {
                    s.append(idx, c);
                }
            }
            boolean scored = s.advance(e, c);
            List<Recommendation> list = rank(e, s.items, s.length, -1, scored ? s : null, k);
            return filter.apply("recommendFor", list, e.model, k, c, null, t0);
        });
    }

    @Override
    public CompletableFuture<List<Recommendation>> recommendAsync(String sessionId, int k, EventContext context) {
        return CompletableFuture.supplyAsync(() -> recommend(sessionId, k, context), executor);
    }

    /** Runs {@code fn} on the engine of the handle's current model, which stays open until {@code fn} returns. */
    private <R> R withEngine(Function<Engine, R> fn) {
        return handle.apply(m -> {
            Engine e = acquire(m);
            try {
                return fn.apply(e);
            } finally {
                release(e);
            }
        });
    }

    /**
     * The engine of {@code m}, retained until {@link #release}: the current engine when it serves {@code m} (no lock
     * on this path); otherwise a new one, which becomes current when {@code m} is the handle's current model (a swap)
     * and serves only this request when {@code m} is a model the handle already replaced.
     */
    private Engine acquire(RecommendModel m) {
        Engine e = current;
        if (e != null && e.model == m && tryRetain(e)) {
            return e;
        }
        synchronized (engineLock) {
            ensureOpen();
            e = current;
            if (e != null && e.model == m && tryRetain(e)) {
                return e;
            }
            Engine fresh = new Engine(m, rules, backend, device);
            openEngines.incrementAndGet();
            if (handle.apply(Function.identity()) != m) {
                return fresh;                  // a request that started before a swap: refs 1, closed at release
            }
            fresh.refs.incrementAndGet();      // current, plus this request
            current = fresh;
            if (e != null) {
                LOG.info("recommend model now {} (was {})", m.version(), e.model.version());
                release(e);
            }
            return fresh;
        }
    }

    private static boolean tryRetain(Engine e) {
        while (true) {
            int n = e.refs.get();
            if (n == 0) {
                return false;
            }
            if (e.refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Ends a use of {@code e}; the last use of an engine that is no longer current closes it. */
    private void release(Engine e) {
        if (e.refs.decrementAndGet() == 0) {
            e.close();
            openEngines.decrementAndGet();
        }
    }

    private List<Recommendation> rank(Engine e, int[] items, int len, int selfLive, SessionState scored, int k) {
        Catalog cat = catalog;
        ItemVocab vocab = e.ranker.vocab();
        Set<Integer> viewed = new HashSet<>();
        if (rules.dropViewed()) {
            for (int i = 0; i < len; i++) {
                viewed.add(items[i]);
            }
        }
        IntPredicate keep = i -> (!rules.dropOutOfStock() || cat.inStock(vocab.id(i)))
                && (!rules.dropViewed() || !viewed.contains(i)) && !rules.pins().containsKey(vocab.id(i));
        Scores seq = scored == null || weights.sequence() <= 0 ? null : scored.sequence(e.ranker);
        java.util.function.IntFunction<String> category = cat.isEmpty() ? null : i -> cat.category(vocab.id(i));
        List<HybridRanker.Ranked> ranked = e.ranker.rank(items, len, selfLive, seq, weights, k, keep, e.boost, category,
                rules.categoryCap());
        List<Recommendation> out = new ArrayList<>(k);
        String version = e.model.version();
        for (HybridRanker.Ranked r : ranked) {
            out.add(new Recommendation(vocab.id(r.item()), r.score(), r.signal(),
                    explain(r, vocab, cat, len > 0 ? items[len - 1] : -1), version));
        }
        if (!rules.pins().isEmpty()) {
            List<Map.Entry<String, Integer>> pins = new ArrayList<>(rules.pins().entrySet());
            pins.sort(Map.Entry.comparingByValue());
            for (Map.Entry<String, Integer> p : pins) {
                if (rules.dropOutOfStock() && !cat.inStock(p.getKey())) {
                    continue;
                }
                int pos = Math.min(p.getValue(), out.size());
                double score = out.isEmpty() ? 1 : out.get(Math.min(pos, out.size() - 1)).score();
                out.add(pos, new Recommendation(p.getKey(), score, Signal.PINNED, "Featured", version));
            }
            while (out.size() > k) {
                out.remove(out.size() - 1);
            }
        }
        return List.copyOf(out);
    }

    private static String explain(HybridRanker.Ranked r, ItemVocab vocab, Catalog cat, int last) {
        switch (r.signal()) {
            case SEQUENCE:
                return last >= 0 ? "Because you viewed " + name(vocab.id(last), cat) : "Popular right now";
            case SIMILAR_SESSIONS:
                return r.anchor() >= 0 ? "Shoppers who viewed " + name(vocab.id(r.anchor()), cat)
                        + " also viewed this" : "Viewed in sessions like yours";
            case CO_OCCURRENCE:
                return "Often viewed with " + name(vocab.id(r.anchor()), cat);
            case VIEWED_BEFORE:
                return "You viewed this earlier";
            case POPULARITY:
            default:
                String c = cat.category(vocab.id(r.item()));
                return c.isEmpty() ? "Popular right now" : "Popular in " + c;
        }
    }

    private static String name(String id, Catalog cat) {
        return cat.item(id).map(CatalogItem::displayName).orElse(id);
    }

    /** @return the number of models whose ONNX sessions are open (for tests in this package) */
    int openEngines() {
        return openEngines.get();
    }

    /** The engine of the current model (for probes and tests in this package); opened if need be. */
    Engine engineForProbe() {
        return withEngine(e -> e);
    }

    @Override
    public void updateCatalog(Catalog c) {
        this.catalog = Objects.requireNonNull(c, "catalog");
    }

    @Override
    public String modelVersion() {
        ensureOpen();
        return handle.apply(RecommendModel::version);
    }

    @Override
    public long sessionsHeld() {
        return sessions.size();
    }

    @Override
    public long unknownItems() {
        return unknown.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (engineLock) {
                if (current != null) {
                    release(current);
                    current = null;
                }
            }
            sessions.invalidateAll();
            if (ownsHandle) {
                handle.close();
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("recommender is closed");
        }
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
    }
}
