package io.retailgen.governance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

    /**
     * The improved conversion (Canonne, Kamath and Steinke 2020, Proposition 12; Balle et al. 2020, Theorem 21),
     * {@code eps = rdp + log((alpha - 1) / alpha) - (log(delta) + log(alpha)) / (alpha - 1)}, pinned against values
     * computed independently in plain Python from that formula: the Gaussian mechanism (q = 1, whose RDP is
     * {@code alpha / (2 sigma^2)} per step, Mironov 2017) over the default orders, and the sampled Gaussian mechanism
     * over the integer orders 2..63 from its binomial sum (Mironov, Talwar and Zhang 2019, Section 3.3).
     */
    @Test
    void theImprovedConversionMatchesIndependentlyComputedValues() {
        RdpAccountant gauss = new RdpAccountant().compose(1.0, 2.0, 10);
        assertThat(gauss.epsilon(1e-5, RdpAccountant.Conversion.IMPROVED).epsilon()).isCloseTo(8.07941, within(1e-4));
        assertThat(gauss.epsilon(1e-5, RdpAccountant.Conversion.IMPROVED).order()).isEqualTo(3.9);
        assertThat(gauss.epsilon(1e-5).epsilon()).isCloseTo(8.83764, within(1e-4));

        double[] integers = new double[62];
        for (int i = 0; i < integers.length; i++) {
            integers[i] = i + 2;
        }
        RdpAccountant sampled = new RdpAccountant(integers).compose(0.6, 3.0, 60);
        assertThat(sampled.epsilon(1e-5, RdpAccountant.Conversion.IMPROVED).epsilon())
                .isCloseTo(8.33768, within(1e-4));
        assertThat(sampled.epsilon(1e-5, RdpAccountant.Conversion.CLASSIC).epsilon()).isCloseTo(9.08746, within(1e-4));
    }

    @Test
    void underTheImprovedConversionTheCalibratedNoiseIsSmallerAndStillWithinTheBudget() {
        for (double[] c : new double[][] {{8, 0.6011, 60}, {3, 0.6011, 60}, {1, 0.6011, 60}, {8, 0.0376, 27}}) {
            double q = c[1];
            long steps = (long) c[2];
            double sigma = RdpAccountant.noiseMultiplier(c[0], 1e-5, q, steps, RdpAccountant.Conversion.IMPROVED);
            RdpAccountant.Conversion improved = RdpAccountant.Conversion.IMPROVED;
            assertThat(new RdpAccountant().compose(q, sigma, steps).epsilon(1e-5, improved).epsilon())
                    .as("budget %s", c[0]).isLessThanOrEqualTo(c[0]);
            assertThat(new RdpAccountant().compose(q, sigma / 1.002, steps).epsilon(1e-5, improved).epsilon())
                    .as("budget %s", c[0]).isGreaterThan(c[0]);
            assertThat(sigma).as("budget %s", c[0])
                    .isLessThan(0.97 * RdpAccountant.noiseMultiplier(c[0], 1e-5, q, steps));
        }
    }

    @Test
    void anUnreachableBudgetIsRefusedWithTheSettings() {
        assertThatThrownBy(() -> RdpAccountant.noiseMultiplier(1e-4, 1e-5, 1.0, 1_000_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("within epsilon 1.0E-4");
        assertThatThrownBy(() -> RdpAccountant.noiseMultiplier(0, 1e-5, 0.1, 10)).hasMessageContaining("epsilon");
    }
}
