package io.retailgen.governance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link RdpAccountant#noiseMultiplier}: the smallest sigma within a budget. */
class NoiseCalibrationTest {

    private static double spent(double sigma, double q, long steps) {
        return new RdpAccountant().compose(q, sigma, steps).epsilon(1e-5).epsilon();
    }

    @Test
    void theCalibratedNoiseStaysWithinTheBudgetAndASlightlySmallerOneDoesNot() {
        for (double[] c : new double[][] {{8, 0.0376, 27}, {3, 0.0376, 27}, {1, 0.0376, 27}, {8, 1.0, 6},
            {3.0, 256.0 / 60_000, 14_062}}) {
            double sigma = RdpAccountant.noiseMultiplier(c[0], 1e-5, c[1], (long) c[2]);
            assertThat(spent(sigma, c[1], (long) c[2])).as("budget %s", c[0]).isLessThanOrEqualTo(c[0]);
            assertThat(spent(sigma / 1.002, c[1], (long) c[2])).as("budget %s", c[0]).isGreaterThan(c[0]);
        }
        // the TF Privacy tutorial's MNIST setting: sigma 1.1 for 60 epochs spends about 3 (see PrivacyBudget)
        assertThat(RdpAccountant.noiseMultiplier(3.01, 1e-5, 256.0 / 60_000, 14_062)).isBetween(1.05, 1.15);
    }

    @Test
    void anUnreachableBudgetIsRefusedWithTheSettings() {
        assertThatThrownBy(() -> RdpAccountant.noiseMultiplier(1e-4, 1e-5, 1.0, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within epsilon 1.0E-4");
        assertThatThrownBy(() -> RdpAccountant.noiseMultiplier(0, 1e-5, 0.1, 10)).hasMessageContaining("epsilon");
    }
}
