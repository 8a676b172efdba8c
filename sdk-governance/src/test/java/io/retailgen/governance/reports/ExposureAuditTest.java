package io.retailgen.governance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureAuditTest {

    private final ExposureAudit audit = new ExposureAudit(Map.of("a1", "A", "a2", "A", "b1", "B", "b2", "B"));

    @Test
    void exposureFollowsTheLogarithmicPositionBias() {
        assertThat(ExposureAudit.exposure(1)).isEqualTo(1.0);
        assertThat(ExposureAudit.exposure(3)).isCloseTo(0.5, within(1e-12));
        assertThat(ExposureAudit.exposure(7)).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void disparityAcrossGroupsAndSegments() {
        ExposureAudit.Report r = audit.audit(List.of(
                new ExposureAudit.RankedList("new", List.of("a1", "a2", "b1")),
                new ExposureAudit.RankedList("returning", List.of("b1", "b2", "a1", "zz"))));
        double e2 = 1 / (Math.log(3) / Math.log(2));
        assertThat(r.groupExposure().get("A")).isCloseTo(1 + e2 + 0.5, within(1e-12));
        assertThat(r.groupExposure().get("B")).isCloseTo(0.5 + 1 + e2, within(1e-12));
        assertThat(r.groupDisparityRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(r.segmentShares().get("new").get("A")).isCloseTo((1 + e2) / (1 + e2 + 0.5), within(1e-12));
        assertThat(r.segmentDisparityRatio().get("A")).isCloseTo(0.5 / (1 + e2), within(1e-12));
        assertThat(r.unknownItems()).isEqualTo(1);
        assertThat(r.toJson()).contains("\"groupDisparityRatio\"");
        assertThat(r.toMarkdown()).contains("| segment | A | B |", "| new |");
    }

    @Test
    void aGroupNeverShownHasZeroParity() {
        ExposureAudit.Report r = audit.audit(List.of(new ExposureAudit.RankedList("s", List.of("a1", "a2"))));
        assertThat(r.groupDisparityRatio()).isZero();
    }
}
