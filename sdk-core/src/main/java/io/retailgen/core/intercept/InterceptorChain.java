package io.retailgen.core.intercept;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An ordered, immutable list of {@link Interceptor}s wrapped around a generation. The first interceptor in the list
 * is the outermost: it sees the request first and the response last.
 *
 * <pre>{@code
 * InterceptorChain chain = InterceptorChain.of(List.of(auditInterceptor, contentPolicy));
 * GenerationResponse response = chain.execute(request, r -> GenerationResponse.allow(r.text()));
 * }</pre>
 *
 * <p>Thread-safe: one chain should be shared and may execute many requests concurrently.
 */
public final class InterceptorChain {

    private static final InterceptorChain EMPTY = new InterceptorChain(List.of());

    private final List<Interceptor> interceptors;

    private InterceptorChain(List<Interceptor> interceptors) {
        this.interceptors = interceptors;
    }

    /**
     * @param interceptors the interceptors, outermost first (copied)
     * @return the chain
     * @throws NullPointerException when the list or an element is null
     */
    public static InterceptorChain of(List<? extends Interceptor> interceptors) {
        Objects.requireNonNull(interceptors, "interceptors == null");
        List<Interceptor> copy = new ArrayList<>(interceptors.size());
        for (int i = 0; i < interceptors.size(); i++) {
            copy.add(Objects.requireNonNull(interceptors.get(i), "interceptor #" + i + " is null"));
        }
        return copy.isEmpty() ? EMPTY : new InterceptorChain(List.copyOf(copy));
    }

    /**
     * @param interceptors the interceptors, outermost first
     * @return the chain
     */
    public static InterceptorChain of(Interceptor... interceptors) {
        Objects.requireNonNull(interceptors, "interceptors == null");
        return of(Arrays.asList(interceptors));
    }

    /** @return the chain without interceptors, which calls the generation directly */
    public static InterceptorChain empty() {
        return EMPTY;
    }

    /** @return the interceptors, outermost first (unmodifiable) */
    public List<Interceptor> interceptors() {
        return interceptors;
    }

    /** @return the number of interceptors */
    public int size() {
        return interceptors.size();
    }

    /**
     * @param inner an interceptor to run after (inside) the existing ones
     * @return a new chain; this one is unchanged
     */
    public InterceptorChain plus(Interceptor inner) {
        Objects.requireNonNull(inner, "interceptor == null");
        List<Interceptor> copy = new ArrayList<>(interceptors);
        copy.add(inner);
        return new InterceptorChain(List.copyOf(copy));
    }

    /**
     * Runs the request through every interceptor and, unless one blocks, through {@code terminal}.
     *
     * @param request the request
     * @param terminal the generation itself, called at most once with the request as the last interceptor passed
     *     it on
     * @return the response of the outermost interceptor
     * @throws IllegalStateException when an interceptor breaks the {@link Interceptor} contract
     * @throws NullPointerException when an interceptor or the terminal returns null
     */
    public GenerationResponse execute(GenerationRequest request,
                                      Function<? super GenerationRequest, GenerationResponse> terminal) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(terminal, "terminal == null");
        return call(0, request, terminal);
    }

    private GenerationResponse call(int index, GenerationRequest request,
                                    Function<? super GenerationRequest, GenerationResponse> terminal) {
        if (index == interceptors.size()) {
            return Objects.requireNonNull(terminal.apply(request), "the terminal generation returned null");
        }
        Interceptor interceptor = interceptors.get(index);
        RealChain chain = new RealChain(index, request, terminal);
        GenerationResponse response;
        try {
            response = interceptor.intercept(chain);
        } finally {
            chain.finish();
        }
        if (response == null) {
            throw new NullPointerException(describe(index) + " returned null");
        }
        if (chain.calls() == 0 && response.verdict() != Verdict.BLOCK && response.verdict() != Verdict.REVIEW) {
            throw new IllegalStateException(describe(index) + " returned verdict " + response.verdict()
                    + " without calling proceed(); an interceptor must proceed exactly once or return BLOCK or "
                    + "REVIEW");
        }
        return response;
    }

    private String describe(int index) {
        return "interceptor #" + index + " (" + interceptors.get(index).getClass().getName() + ")";
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("InterceptorChain[");
        for (int i = 0; i < interceptors.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(interceptors.get(i).getClass().getName());
        }
        return b.append(']').toString();
    }

    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final GenerationRequest request;
        private final Function<? super GenerationRequest, GenerationResponse> terminal;
        // Guarded by this chain's monitor; an interceptor may hand the chain to another thread.
        private int calls;
        private boolean finished;

        RealChain(int index, GenerationRequest request,
                  Function<? super GenerationRequest, GenerationResponse> terminal) {
            this.index = index;
            this.request = request;
            this.terminal = terminal;
        }

        synchronized void finish() {
            finished = true;
        }

        synchronized int calls() {
            return calls;
        }

        @Override
        public GenerationRequest request() {
            return request;
        }

        @Override
        public GenerationResponse proceed(GenerationRequest next) {
            Objects.requireNonNull(next, () -> describe(index) + " called proceed(null)");
            synchronized (this) {
                if (finished) {
                    throw new IllegalStateException(describe(index)
                            + " called proceed() after its intercept() returned");
                }
                if (++calls > 1) {
                    throw new IllegalStateException(describe(index)
                            + " called proceed() " + calls + " times; it must be called exactly once");
                }
            }
            return call(index + 1, next, terminal);
        }
    }
}
