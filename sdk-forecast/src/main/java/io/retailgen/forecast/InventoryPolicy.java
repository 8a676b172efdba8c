package io.retailgen.forecast;

/**
 * A reorder policy derived from scenarios.
 *
 * @param reorderPoint stock level at which to reorder: the target quantile of lead-time demand
 * @param safetyStock the reorder point minus the mean lead-time demand
 * @param meanLeadTimeDemand the mean demand over the lead time
 * @param target the cycle service level or fill rate aimed at
 */
public record InventoryPolicy(double reorderPoint, double safetyStock, double meanLeadTimeDemand, double target) {
}
