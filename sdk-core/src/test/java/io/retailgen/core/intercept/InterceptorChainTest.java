package io.retailgen.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InterceptorChainTest {

    private static final Function<GenerationRequest, GenerationResponse> ECHO = r -> GenerationResponse.allow(r.text());

    private static GenerationRequest request(String text) {
        return GenerationRequest.builder().module("recommend").operation("explanation").requestId("r-1")
                .text(text).locale(Locale.UK).principal("user-42").model("gru", "3").build();
    }

    private static Interceptor recording(String name, List<String> log) {
        return chain -> {
            log.add(name + ">");
            GenerationResponse response = chain.proceed(chain.request());
            log.add("<" + name);
            return response;
        };
    }

    @Test
    void runsInterceptorsOutermostFirstAroundTheTerminal() {
        List<String> log = new ArrayList<>();
        InterceptorChain chain = InterceptorChain.of(recording("a", log), recording("b", log));
        GenerationResponse response = chain.execute(request("hello"), r -> {
            log.add("terminal");
            return GenerationResponse.allow(r.text());
        });
        assertThat(log).containsExactly("a>", "b>", "terminal", "<b", "<a");
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void emptyChainCallsTheTerminalDirectly() {
        assertThat(InterceptorChain.of(List.of()).execute(request("x"), ECHO).text()).isEqualTo("x");
        assertThat(InterceptorChain.empty().size()).isZero();
    }

    @Test
    void interceptorsCanRewriteRequestAndResponse() {
        Interceptor upper = chain -> chain.proceed(chain.request().withText(chain.request().text().toUpperCase(
                Locale.ROOT)));
        Interceptor redact = chain -> {
            GenerationResponse r = chain.proceed(chain.request());
            int at = r.text().indexOf("SECRET");
            if (at < 0) {
                return r;
            }
            String text = r.text().substring(0, at) + "******" + r.text().substring(at + 6);
            return GenerationResponse.redact(text, List.of(
                    new Finding(at, at + 6, "pii.secret", "pii", Severity.MEDIUM, "a secret")));
        };
        GenerationResponse response = InterceptorChain.of(redact, upper).execute(request("my secret!"), ECHO);
        assertThat(response.text()).isEqualTo("MY ******!");
        assertThat(response.verdict()).isEqualTo(Verdict.REDACT);
        assertThat(response.findings()).singleElement()
                .satisfies(f -> assertThat(f.start()).isEqualTo(3))
                .satisfies(f -> assertThat(f.end()).isEqualTo(9));
    }

    @Test
    void blockShortCircuitsLaterInterceptorsAndTheTerminal() {
        AtomicInteger later = new AtomicInteger();
        Interceptor blocker = chain -> GenerationResponse.block(List.of(
                Finding.whole("policy.x", "policy", Severity.HIGH, "blocked")));
        Interceptor counting = chain -> {
            later.incrementAndGet();
            return chain.proceed(chain.request());
        };
        GenerationResponse response = InterceptorChain.of(blocker, counting).execute(request("x"), r -> {
            later.incrementAndGet();
            return GenerationResponse.allow(r.text());
        });
        assertThat(response.blocked()).isTrue();
        assertThat(response.text()).isNull();
        assertThat(later).hasValue(0);
    }

    @Test
    void proceedingTwiceFailsAndNamesTheInterceptor() {
        Interceptor twice = new TwiceInterceptor();
        InterceptorChain chain = InterceptorChain.of(chain1 -> chain1.proceed(chain1.request()), twice);
        assertThatThrownBy(() -> chain.execute(request("x"), ECHO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interceptor #1")
                .hasMessageContaining(TwiceInterceptor.class.getName())
                .hasMessageContaining("2 times");
    }

    @Test
    void allowingWithoutProceedingFails() {
        Interceptor lazy = chain -> GenerationResponse.allow("made up");
        assertThatThrownBy(() -> InterceptorChain.of(lazy).execute(request("x"), ECHO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interceptor #0")
                .hasMessageContaining("ALLOW without calling proceed()");
    }

    @Test
    void redactingWithoutProceedingFails() {
        Interceptor lazy = chain -> GenerationResponse.redact("***", List.of());
        assertThatThrownBy(() -> InterceptorChain.of(lazy).execute(request("x"), ECHO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDACT");
    }

    @Test
    void nullResponsesFailWithTheirSource() {
        Interceptor nothing = chain -> null;
        assertThatThrownBy(() -> InterceptorChain.of(nothing).execute(request("x"), ECHO))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("interceptor #0")
                .hasMessageContaining("returned null");
        assertThatThrownBy(() -> InterceptorChain.empty().execute(request("x"), r -> null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("terminal");
    }

    @Test
    void proceedAfterReturnFails() {
        AtomicReference<Interceptor.Chain> leaked = new AtomicReference<>();
        Interceptor leaking = chain -> {
            leaked.set(chain);
            return chain.proceed(chain.request());
        };
        InterceptorChain.of(leaking).execute(request("x"), ECHO);
        assertThatThrownBy(() -> leaked.get().proceed(request("y")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after its intercept() returned");
    }

    @Test
    void exceptionsFromInterceptorsPropagateUnchanged() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Interceptor failing = chain -> {
            throw boom;
        };
        assertThatThrownBy(() -> InterceptorChain.of(failing).execute(request("x"), ECHO)).isSameAs(boom);
    }

    @Test
    void chainIsImmutable() {
        List<Interceptor> list = new ArrayList<>();
        list.add(chain -> chain.proceed(chain.request()));
        InterceptorChain chain = InterceptorChain.of(list);
        list.add(chain1 -> null);
        assertThat(chain.size()).isEqualTo(1);
        assertThatThrownBy(() -> chain.interceptors().add(c -> null))
                .isInstanceOf(UnsupportedOperationException.class);
        InterceptorChain longer = chain.plus(c -> c.proceed(c.request()));
        assertThat(longer.size()).isEqualTo(2);
        assertThat(chain.size()).isEqualTo(1);
        assertThatThrownBy(() -> InterceptorChain.of(Collections.singletonList(null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("#0");
    }

    @Test
    void oneChainServesConcurrentRequests() throws Exception {
        Interceptor suffix = chain -> {
            GenerationResponse r = chain.proceed(chain.request());
            return GenerationResponse.allow(r.text() + "!");
        };
        InterceptorChain chain = InterceptorChain.of(suffix, suffix);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "t" + i;
                futures.add(pool.submit(() -> chain.execute(request(text), ECHO).text()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("t" + i + "!!");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class TwiceInterceptor implements Interceptor {
        @Override
        public GenerationResponse intercept(Chain chain) {
            chain.proceed(chain.request());
            return chain.proceed(chain.request());
        }
    }
}
