/**
 * Differential privacy: {@link io.retailgen.governance.privacy.RdpAccountant} tracks the privacy cost of DP-SGD
 * training as a {@link io.retailgen.governance.privacy.PrivacyBudget},
 * {@link io.retailgen.governance.privacy.DpSgd} clips and noises per-example gradients for any training loop, and
 * {@link io.retailgen.governance.privacy.DpMechanisms} releases aggregates with the Laplace or Gaussian mechanism.
 */
package io.retailgen.governance.privacy;
