package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalDriftMonitorTest {

    private static List<String> sample(Object... categoryAndCount) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < categoryAndCount.length; i += 2) {
            out.addAll(Collections.nCopies((Integer) categoryAndCount[i + 1], (String) categoryAndCount[i]));
        }
        return out;
    }

    @Test
    void identicalFrequenciesShowNoDrift() {
        List<String> ref = sample("a", 50, "b", 30, "c", 20);
        List<String> live = new ArrayList<>(sample("c", 2, "b", 3, "a", 5));
        CategoricalDriftReport r = CategoricalDriftMonitor.fit(ref).compare(live);
        assertThat(r.psi()).isCloseTo(0, within(1e-15));
        assertThat(r.drifted()).isFalse();
        assertThat(r.categories()).isEqualTo(3);
        assertThat(r.unseenShare()).isZero();
        assertThat(r.liveSize()).isEqualTo(10);
    }

    @Test
    void psiMatchesTheFormula() {
        CategoricalDriftMonitor<String> monitor = CategoricalDriftMonitor.fit(sample("a", 50, "b", 30, "c", 20));
        assertThat(monitor.categories()).containsExactly("a", "b", "c");
        CategoricalDriftReport r = monitor.compare(sample("a", 20, "b", 30, "c", 50));
        double expected = (0.2 - 0.5) * Math.log(0.2 / 0.5) + (0.5 - 0.2) * Math.log(0.5 / 0.2);
        assertThat(r.psi()).isCloseTo(expected, within(1e-12));
        assertThat(r.drifted()).isTrue();
    }

    @Test
    void unseenCategoriesShareOneBucketAtEpsilon() {
        CategoricalDriftMonitor<String> monitor = CategoricalDriftMonitor.fit(sample("a", 50, "b", 50));
        CategoricalDriftReport r = monitor.compare(sample("a", 45, "b", 50, "x", 3, "y", 2));
        double eps = DriftMonitor.DEFAULT_EPSILON;
        double expected = (0.45 - 0.5) * Math.log(0.45 / 0.5) + (0.05 - eps) * Math.log(0.05 / eps);
        assertThat(r.unseenShare()).isCloseTo(0.05, within(1e-12));
        assertThat(r.psi()).isCloseTo(expected, within(1e-12));
        assertThat(r.drifted()).isTrue();
    }

    @Test
    void rareReferenceCategoriesShareTheOtherBucket() {
        CategoricalDriftMonitor<String> monitor = CategoricalDriftMonitor.builder().maxCategories(2)
                .fit(sample("a", 50, "b", 30, "c", 15, "d", 5));
        assertThat(monitor.categories()).containsExactly("a", "b");
        assertThat(monitor.hasOtherBucket()).isTrue();
        // c and d swap their shares inside "other": no drift visible, and they are not unseen
        CategoricalDriftReport r = monitor.compare(sample("a", 50, "b", 30, "c", 5, "d", 15));
        assertThat(r.psi()).isCloseTo(0, within(1e-15));
        assertThat(r.unseenShare()).isZero();
    }

    @Test
    void worksWithNumericIdsAndRejectsNulls() {
        CategoricalDriftMonitor<Long> monitor = CategoricalDriftMonitor.fit(List.of(1L, 2L, 2L, 3L));
        assertThat(monitor.compare(List.of(2L, 2L, 1L, 3L)).psi()).isCloseTo(0, within(1e-15));
        assertThatThrownBy(() -> monitor.compare(Arrays.asList(1L, null))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("#1");
        assertThatThrownBy(() -> monitor.compare(List.of())).hasMessageContaining("live sample is empty");
        assertThatThrownBy(() -> CategoricalDriftMonitor.fit(List.of())).hasMessageContaining("reference");
        assertThatThrownBy(() -> CategoricalDriftMonitor.builder().maxCategories(0)).hasMessageContaining("was 0");
    }
}
