package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retailgen.core.metrics.ServingMetrics;
import org.junit.jupiter.api.Test;

class MeteredPolicyTest {

    @Test
    void everyCheckIsTimedAndItsVerdictCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ContentPolicy metered = MeteredPolicy.of(ContentPolicy.defaults(), ServingMetrics.of(registry), "default");
        PolicyResult clean = metered.check("A soft cotton shirt.");
        PolicyResult pii = metered.check("mail jo@example.com");
        assertThat(clean).isEqualTo(ContentPolicy.defaults().check("A soft cotton shirt."));
        assertThat(pii.redactedText()).doesNotContain("jo@example.com");
        assertThat(registry.get(ServingMetrics.TIMER).tags("module", "governance", "operation", "check", "model",
                "default").timer().count()).isEqualTo(2);
        assertThat(registry.get(ServingMetrics.VERDICTS).tags("verdict", "allow").counter().count()).isEqualTo(1);
        ContentPolicy broken = MeteredPolicy.of(text -> {
            throw new IllegalStateException("lexicon gone");
        }, ServingMetrics.of(registry), "broken");
        assertThatThrownBy(() -> broken.check("x")).hasMessage("lexicon gone");
        assertThat(registry.get(ServingMetrics.ERRORS).tags("model", "broken").counter().count()).isEqualTo(1);
    }
}
