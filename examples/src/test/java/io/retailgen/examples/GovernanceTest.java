package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Verdict;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.audit.AuditVerification;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceTest {

    private static GenerationRequest explanation(String text) {
        return GenerationRequest.builder().module("recommend").operation("explanation").text(text)
                .model("storefront-recs", "v1").build();
    }

    @Test
    void everyTextIsCheckedAndRecordedInAVerifiableChain(@TempDir Path dir) {
        try (Governance gov = Governance.open(dir, ContentPolicy.defaults())) {
            GenerationResponse ok = gov.screen(explanation("Because you viewed Trail Runner"));
            GenerationResponse blocked = gov.screen(explanation("Rolex replica, AAA quality"));
            GenerationResponse pii = gov.screen(explanation("Ask jane.doe@example.com about it"));

            assertThat(ok.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(ok.text()).isEqualTo("Because you viewed Trail Runner");
            assertThat(blocked.verdict()).isEqualTo(Verdict.BLOCK);
            assertThat(blocked.text()).isNull();
            assertThat(pii.verdict()).isEqualTo(Verdict.REDACT);
            assertThat(pii.text()).contains("[EMAIL]").doesNotContain("jane.doe");

            List<AuditEntry> recent = gov.recent(10);
            assertThat(recent).extracting(AuditEntry::seq).containsExactly(3L, 2L, 1L);
            assertThat(recent).extracting(AuditEntry::verdict).containsExactly("REDACT", "BLOCK", "ALLOW");
            assertThat(recent.get(2).text()).isEqualTo("Because you viewed Trail Runner");
            assertThat(recent.get(2).model()).isEqualTo("storefront-recs:v1");
            assertThat(recent.get(1).rules()).isNotEmpty();
            assertThat(recent.get(0).text()).doesNotContain("jane.doe");

            AuditVerification v = gov.verify();
            assertThat(v.valid()).as("problems: %s", v.problems()).isTrue();
            assertThat(v.records()).as("3 records and the checkpoint that verify signs them with").isEqualTo(4);
            assertThat(v.checkpoints()).isEqualTo(1);
            assertThat(v.unsignedTail()).isZero();
            assertThat(gov.recent(2)).extracting(AuditEntry::type).containsExactly("checkpoint", "generation");
            assertThat(gov.verify().records()).as("no new records, no new checkpoint").isEqualTo(4);
            gov.screen(explanation("Because you viewed Rain Jacket"));
            AuditVerification again = gov.verify();
            assertThat(again.records()).isEqualTo(6);
            assertThat(again.checkpoints()).isEqualTo(2);
            assertThat(again.unsignedTail()).isZero();
        }
    }
}
