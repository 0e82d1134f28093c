package io.github.datastarspring.sample.dashboard.metrics;

/**
 * Running totals of the simulated shop, one value per update of the business stream.
 *
 * @param orders orders placed since start
 * @param revenueCents revenue since start, in cents
 * @param lastOrderCents the amount of the newest order, in cents
 */
public record BusinessTotals(long orders, long revenueCents, long lastOrderCents) {

	public static final BusinessTotals NONE = new BusinessTotals(0, 0, 0);

}
