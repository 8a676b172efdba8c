/**
 * Serving metrics in Micrometer (an optional dependency): {@link io.retailgen.core.metrics.ServingMetrics}.
 */
package io.retailgen.core.metrics;
