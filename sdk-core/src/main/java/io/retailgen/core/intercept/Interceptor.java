package io.retailgen.core.intercept;

/**
 * A hook around the generation of an output: a content policy, an audit writer, a metrics recorder. Interceptors
 * run in the order of an {@link InterceptorChain}; each one either
 * <ul>
 *   <li>calls {@link Chain#proceed(GenerationRequest)} exactly once (passing the request on, possibly rewritten) and
 *       returns the response it got, possibly rewritten; or</li>
 *   <li>does not proceed and returns a {@link Verdict#BLOCK} response (a short circuit: later interceptors and the
 *       generation itself do not run).</li>
 * </ul>
 * The chain enforces this: proceeding twice, returning a non-blocking response without proceeding, or returning
 * null fails with an exception naming the interceptor.
 *
 * <pre>{@code
 * Interceptor noEmptyText = chain -> {
 *     GenerationResponse response = chain.proceed(chain.request());
 *     if (response.text() != null && response.text().isBlank()) {
 *         return GenerationResponse.block(List.of(
 *                 Finding.whole("empty", "quality", Severity.LOW, "empty output")));
 *     }
 *     return response;
 * };
 * }</pre>
 *
 * <p>Interceptors are shared by all requests and must be safe for concurrent use.
 */
@FunctionalInterface
public interface Interceptor {

    /**
     * @param chain the request and the way on to the next interceptor
     * @return the response, never null
     */
    GenerationResponse intercept(Chain chain);

    /**
     * The position of one interceptor in one execution of a chain. A {@code Chain} belongs to one call of
     * {@link Interceptor#intercept(Chain)} and must not be used after that call returned.
     */
    interface Chain {

        /** @return the request as passed to this interceptor */
        GenerationRequest request();

        /**
         * Passes the request on to the next interceptor, or to the generation itself after the last one. May be
         * called at most once per chain.
         *
         * @param request the request to pass on (the same one, or a rewritten copy)
         * @return the response of the rest of the chain, never null
         * @throws IllegalStateException when called a second time, or after the interceptor returned
         */
        GenerationResponse proceed(GenerationRequest request);
    }
}
