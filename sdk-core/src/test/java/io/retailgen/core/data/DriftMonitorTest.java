package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

    private static double[] range(int from, int toExclusive) {
        return IntStream.range(from, toExclusive).asDoubleStream().toArray();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void identicalSamplesShowNoDrift() {
        double[] sample = new Random(7).doubles(1000).toArray();
        DriftReport r = DriftMonitor.fit(sample).compare(sample.clone());
        assertThat(r.psi()).isZero();
        assertThat(r.ksStatistic()).isZero();
        assertThat(r.ksPValue()).isEqualTo(1.0);
        assertThat(r.drifted()).isFalse();
        assertThat(r.referenceSize()).isEqualTo(1000);
        assertThat(r.liveSize()).isEqualTo(1000);
    }

    @Test
    void ksMatchesAHandComputedShift() {
        // reference 1..10, live 4..13: at x = 3 the reference CDF is 0.3 and the live one 0
        DriftReport r = DriftMonitor.fit(range(1, 11)).compare(range(4, 14));
        assertThat(r.ksStatistic()).isCloseTo(0.3, within(1e-12));
        // Kolmogorov survival at sqrt(10 * 10 / 20) * 0.3, from scipy.stats.kstwobign.sf
        assertThat(r.ksPValue()).isCloseTo(0.7590978384203948, within(1e-9));
    }

    @Test
    void shiftedNormalSamplesDrift() {
        Random random = new Random(42);
        double[] reference = new double[20_000];
        double[] live = new double[20_000];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = random.nextGaussian();
            live[i] = random.nextGaussian() + 0.5;
        }
        DriftReport r = DriftMonitor.fit(reference).compare(live);
        // for two unit normals half a standard deviation apart, D = 2 * Phi(0.25) - 1 = 0.19741
        assertThat(r.ksStatistic()).isCloseTo(0.19741, within(0.015));
        assertThat(r.ksPValue()).isLessThan(1e-10);
        // PSI of a small normal shift is about delta^2 = 0.25
        assertThat(r.psi()).isBetween(0.2, 0.3);
        assertThat(r.drifted()).isTrue();
        DriftReport same = DriftMonitor.fit(reference).compare(sameDistribution());
        assertThat(same.drifted()).isFalse();
        assertThat(same.psi()).isLessThan(0.01);
    }

    private static double[] sameDistribution() {
        Random random = new Random(44);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    @Test
    void psiMatchesTheFormulaOnAHandBuiltHistogram() {
        DriftMonitor monitor = DriftMonitor.builder().bins(4).fit(range(0, 100));
        assertThat(monitor.edges()).containsExactly(25, 50, 75);
        assertThat(monitor.referenceProportions()).containsExactly(0.25, 0.25, 0.25, 0.25);
        double[] live = new double[100];
        int k = 0;
        int[] perBin = {10, 20, 30, 40};
        for (int bin = 0; bin < 4; bin++) {
            for (int i = 0; i < perBin[bin]; i++) {
                live[k++] = bin * 25 + 0.5;
            }
        }
        double expected = 0;
        for (int count : perBin) {
            double a = count / 100.0;
            expected += (a - 0.25) * Math.log(a / 0.25);
        }
        assertThat(monitor.compare(live).psi()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void emptyBinsUseEpsilon() {
        DriftMonitor monitor = DriftMonitor.builder().bins(4).epsilon(1e-3).fit(range(0, 100));
        DriftReport r = monitor.compare(new double[] {1, 2, 3});
        double expected = (1 - 0.25) * Math.log(1 / 0.25) + 3 * (1e-3 - 0.25) * Math.log(1e-3 / 0.25);
        assertThat(r.psi()).isCloseTo(expected, within(1e-12));
        assertThat(r.drifted()).isTrue();
    }

    @Test
    void valuesOnAnEdgeFallInTheBinAbove() {
        DriftMonitor monitor = DriftMonitor.builder().bins(4).fit(range(0, 100));
        DriftReport onEdge = monitor.compare(new double[] {25, 50, 75, 0});
        assertThat(onEdge.psi()).isZero();
    }

    @Test
    void tiesAndTinyReferencesGetFewerBins() {
        DriftMonitor constant = DriftMonitor.fit(new double[] {3, 3, 3, 3});
        assertThat(constant.bins()).isEqualTo(1);
        DriftReport shifted = constant.compare(new double[] {4, 4, 4, 4});
        assertThat(shifted.psi()).isZero();
        assertThat(shifted.ksStatistic()).isEqualTo(1.0);
        DriftMonitor tiny = DriftMonitor.fit(new double[] {1, 2, 3});
        assertThat(tiny.edges()).containsExactly(2, 3);
        assertThat(tiny.referenceProportions()).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
        DriftMonitor ties = DriftMonitor.fit(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 2});
        assertThat(ties.edges()).containsExactly(1, 2);
    }

    @Test
    void rejectsNaNAndEmptySamples() {
        assertThatThrownBy(() -> DriftMonitor.fit(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference[1] is NaN");
        DriftMonitor monitor = DriftMonitor.fit(new double[] {1, 2, 3});
        assertThatThrownBy(() -> monitor.compare(new double[] {1, 2, 3, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("live[3] is NaN");
        assertThatThrownBy(() -> monitor.compare(new double[0])).hasMessageContaining("live sample is empty");
        assertThatThrownBy(() -> DriftMonitor.fit(new double[0])).hasMessageContaining("reference sample is empty");
        DriftReport inf = monitor.compare(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        assertThat(inf.ksStatistic()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void thresholdsAreConfigurable() {
        double[] reference = range(0, 100);
        double[] live = range(5, 105);
        DriftReport loose = DriftMonitor.fit(reference).compare(live);
        assertThat(loose.drifted()).isFalse();
        DriftReport tight = DriftMonitor.builder().psiThreshold(0.01).fit(reference).compare(live);
        assertThat(tight.drifted()).isTrue();
        DriftReport byKs = DriftMonitor.builder().psiThreshold(Double.POSITIVE_INFINITY).ksPValueThreshold(1.0)
                .fit(reference).compare(live);
        assertThat(byKs.drifted()).isTrue();
        assertThatThrownBy(() -> DriftMonitor.builder().ksPValueThreshold(1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> DriftMonitor.builder().bins(1)).hasMessageContaining("2..1000, was 1");
        assertThatThrownBy(() -> DriftMonitor.builder().epsilon(0)).hasMessageContaining("epsilon");
    }

    @Test
    void kolmogorovSurvivalMatchesKnownValues() {
        // scipy.stats.kstwobign.sf
        assertThat(Drift.kolmogorovSurvival(0.3)).isCloseTo(0.9999906941986655, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(0.5)).isCloseTo(0.9639452436648751, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(1.0)).isCloseTo(0.26999967167735456, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(1.17)).isCloseTo(0.12939004218561884, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(1.19)).isCloseTo(0.11774229287977166, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(1.3581)).isCloseTo(0.0499996304316674, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(1.6276)).isCloseTo(0.010001537333060776, within(1e-12));
        assertThat(Drift.kolmogorovSurvival(2.0)).isCloseTo(0.0006709252557796953, within(1e-14));
        assertThat(Drift.kolmogorovSurvival(3.0)).isCloseTo(3.045995948942526e-08, within(1e-16));
        assertThat(Drift.kolmogorovSurvival(0)).isEqualTo(1.0);
        assertThat(Drift.kolmogorovSurvival(40)).isZero();
    }

    @Test
    void statisticsStayInRangeForAnySamples() {
        qt().withExamples(200).forAll(
                lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 60),
                lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 60))
                .checkAssert((ref, live) -> {
                    DriftMonitor monitor = DriftMonitor.fit(toArray(ref));
                    DriftReport r = monitor.compare(toArray(live));
                    assertThat(r.psi()).isGreaterThanOrEqualTo(0);
                    assertThat(r.ksStatistic()).isBetween(0.0, 1.0);
                    assertThat(r.ksPValue()).isBetween(0.0, 1.0);
                    DriftReport reverse = DriftMonitor.fit(toArray(live)).compare(toArray(ref));
                    assertThat(reverse.ksStatistic()).isCloseTo(r.ksStatistic(), within(1e-12));
                    assertThat(monitor.compare(toArray(ref)).psi()).isZero();
                    assertThat(monitor.compare(toArray(ref)).ksStatistic()).isZero();
                    double sum = 0;
                    for (double p : monitor.referenceProportions()) {
                        assertThat(p).isPositive();
                        sum += p;
                    }
                    assertThat(sum).isCloseTo(1.0, within(1e-9));
                });
    }
}
