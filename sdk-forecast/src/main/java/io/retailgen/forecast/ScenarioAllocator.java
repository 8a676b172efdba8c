package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The order and allocation that minimise the expected cost over demand scenarios: a two-stage stochastic linear
 * program solved with ojAlgo's simplex. First stage (decided now, the same in every scenario): the order {@code Q},
 * its split {@code a_i} over the stores, and transfers {@code t_ij} of stock on hand between stores. Second stage (per
 * scenario {@code k}): the sales before the order arrives, from the stock after transfers, and after it, from what is
 * left plus the delivery. Expected cost:
 *
 * <pre>
 *   orderCost * Q + transferCost * sum t_ij
 * + mean over k of sum_i [ holding_i * (left over at the end) + shortage_i * (demand not served) ]
 * </pre>
 *
 * subject to {@code sum a_i = Q <= maxOrder}, {@code sum_j t_ij <= onHand_i} and stock after the delivery
 * {@code <= capacity_i}. Unserved demand is lost. Quantities are continuous (round them to units or packs as the
 * business rounds). The LP grows with stores x scenarios: 20 stores and 200 scenarios are about 8,000 variables.
 *
 * <p>{@link #newsvendorPerStore} is the baseline: each store alone orders up to its own critical-fractile quantile of
 * demand, without transfers; {@link #expectedCost} scores any plan on the same scenarios.
 */
public final class ScenarioAllocator {

    private ScenarioAllocator() {
    }

    /**
     * @param problem the problem
     * @return the plan with the least expected cost over the problem's scenarios
     * @throws RetailGenException {@link ErrorCode#INFERENCE_FAILED} when the solver does not reach an optimum
     */
    public static AllocationPlan solve(AllocationProblem problem) {
        Objects.requireNonNull(problem, "problem == null");
        List<StoreStock> stores = problem.stores();
        int n = stores.size();
        int scenarios = problem.scenarios();
        double w = 1.0 / scenarios;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable order = model.addVariable("order").lower(0).weight(problem.orderCost());
        if (Double.isFinite(problem.maxOrder())) {
            order.upper(problem.maxOrder());
        }
        Variable[] alloc = new Variable[n];
        Expression split = model.addExpression("split").level(0);
        split.set(order, -1);
        for (int i = 0; i < n; i++) {
            alloc[i] = model.addVariable("a_" + i).lower(0).weight(stores.get(i).holdingCost());
            split.set(alloc[i], 1);
        }
        Variable[][] move = new Variable[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    move[i][j] = model.addVariable("t_" + i + "_" + j).lower(0).weight(problem.transferCost()
                            - stores.get(i).holdingCost() + stores.get(j).holdingCost());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            StoreStock s = stores.get(i);
            Expression out = model.addExpression("out_" + i).upper(s.onHand());
            Expression cap = model.addExpression("cap_" + i).upper(s.capacity() - s.onHand());
            cap.set(alloc[i], 1);
            netInflow(cap, move, i);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    out.set(move[i][j], 1);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            StoreStock s = stores.get(i);
            double gain = -(s.shortageCost() + s.holdingCost()) * w;
            for (int k = 0; k < scenarios; k++) {
                double[] d = problem.split(i, k);
                Expression total = model.addExpression("after_" + i + "_" + k).upper(s.onHand());
                total.set(alloc[i], -1);
                netInflow(total, move, i, -1);
                if (d[0] > 0) {
                    Variable early = model.addVariable().lower(0).upper(d[0]).weight(gain);
                    Expression before = model.addExpression("before_" + i + "_" + k).upper(s.onHand());
                    before.set(early, 1);
                    netInflow(before, move, i, -1);
                    total.set(early, 1);
                }
                if (d[1] > 0) {
                    total.set(model.addVariable().lower(0).upper(d[1]).weight(gain), 1);
                }
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isOptimal()) {
            throw new RetailGenException(ErrorCode.INFERENCE_FAILED, "the allocation LP ended " + result.getState() + " for "
                    + problem);
        }
        double q = Math.max(0, order.getValue().doubleValue());
        Map<String, Double> a = new LinkedHashMap<>();
        double[] stock = new double[n];
        List<AllocationPlan.Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            a.put(stores.get(i).id(), Math.max(0, alloc[i].getValue().doubleValue()));
            stock[i] += stores.get(i).onHand();
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double t = Math.max(0, move[i][j].getValue().doubleValue());
                    if (t > 1e-9) {
                        transfers.add(new AllocationPlan.Transfer(stores.get(i).id(), stores.get(j).id(), t));
                        stock[i] -= t;
                        stock[j] += t;
                    }
                }
            }
        }
        return plan("lp", problem, q, a, transfers, stock);
    }

    /** Adds the net inflow of store {@code i} (transfers in minus out) to an expression, times {@code sign}. */
    private static void netInflow(Expression e, Variable[][] move, int i, double sign) {
        for (int j = 0; j < move.length; j++) {
            if (j != i) {
                e.set(move[j][i], sign);
                e.set(move[i][j], -sign);
            }
        }
    }

    private static void netInflow(Expression e, Variable[][] move, int i) {
        netInflow(e, move, i, 1);
    }

    /**
     * The baseline: every store on its own raises its stock to the critical-fractile quantile of its demand over the
     * horizon, {@code (shortage - orderCost) / (shortage + holding)}, within its capacity; no transfers; the order is
     * the sum (cut pro rata when it exceeds {@code maxOrder}).
     *
     * @param problem the problem
     * @return the newsvendor-per-store plan, scored on the problem's scenarios
     */
    public static AllocationPlan newsvendorPerStore(AllocationProblem problem) {
        Objects.requireNonNull(problem, "problem == null");
        List<StoreStock> stores = problem.stores();
        int n = stores.size();
        double[] want = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            StoreStock s = stores.get(i);
            double ratio = (s.shortageCost() - problem.orderCost()) / (s.shortageCost() + s.holdingCost());
            double target = 0;
            if (ratio > 0) {
                double[] sums = problem.demand(i).totals(0, problem.horizon());
                Arrays.sort(sums);
                target = ScenarioSet.sortedQuantile(sums, Math.min(1, ratio));
            }
            want[i] = Math.max(0, Math.min(s.capacity(), target) - s.onHand());
            total += want[i];
        }
        double cut = total > problem.maxOrder() ? problem.maxOrder() / total : 1;
        Map<String, Double> a = new LinkedHashMap<>();
        double[] stock = new double[n];
        for (int i = 0; i < n; i++) {
            a.put(stores.get(i).id(), want[i] * cut);
            stock[i] = stores.get(i).onHand();
        }
        return plan("newsvendor-per-store", problem, total * cut, a, List.of(), stock);
    }

    private static AllocationPlan plan(String method, AllocationProblem p, double order, Map<String, Double> a,
            List<AllocationPlan.Transfer> transfers, double[] stock) {
        Map<String, Double> before = new LinkedHashMap<>();
        for (int i = 0; i < stock.length; i++) {
            before.put(p.stores().get(i).id(), Math.max(0, stock[i]));
        }
        AllocationPlan draft = new AllocationPlan(method, order, a, transfers, before, Double.NaN);
        return new AllocationPlan(method, order, a, transfers, before, expectedCost(p, draft));
    }

    /**
     * Scores a plan on the problem's scenarios: ordering and transfer cost, then per scenario sales from the stock
     * before the delivery until the order arrives and from the rest plus the delivery after, holding cost on what is
     * left at the end and shortage cost on what is not served, averaged over the scenarios.
     *
     * @param problem the problem
     * @param plan a plan for its stores
     * @return the expected cost
     * @throws IllegalArgumentException when the plan lacks a store of the problem
     */
    public static double expectedCost(AllocationProblem problem, AllocationPlan plan) {
        List<StoreStock> stores = problem.stores();
        double first = problem.orderCost() * plan.order() + problem.transferCost() * plan.transferredUnits();
        double recourse = 0;
        for (int i = 0; i < stores.size(); i++) {
            StoreStock s = stores.get(i);
            Double x = plan.stockBeforeDelivery().get(s.id());
            Double a = plan.allocation().get(s.id());
            if (x == null || a == null) {
                throw new IllegalArgumentException("the plan has no stock or allocation for store " + s.id());
            }
            for (int k = 0; k < problem.scenarios(); k++) {
                double[] d = problem.split(i, k);
                double early = Math.min(x, d[0]);
                double late = Math.min(x - early + a, d[1]);
                recourse += s.holdingCost() * (x + a - early - late) + s.shortageCost() * (d[0] + d[1] - early - late);
            }
        }
        return first + recourse / problem.scenarios();
    }
}
