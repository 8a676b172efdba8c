package io.retailgen.examples;

import io.retailgen.core.train.TrainingListener;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demand planner shared by the samples: a probabilistic forecast of one series from sdk-forecast's statistical
 * ensemble, safety stock from its scenarios, and a discount-depth what-if from the generative (DeepAR-style)
 * scenario model.
 *
 * <p>The shipped data sets have no prices, so the generative model learns the discount effect from promotions
 * simulated on top of the real history: each series gets promotions of 1 to 3 months at 10-40% depth that lift
 * demand by {@code exp(}{@value #SIMULATED_ELASTICITY}{@code  * depth)}. {@link WhatIf#simulatedLift()} is that
 * known effect, so a reader can see how well the model recovered it; a retailer trains on its own promotion history
 * instead.
 *
 * <pre>{@code
 * try (Planner p = Planner.build(PlanningData.sharedOrSample(dir, 42), Planner.Options.defaults(),
 *         ConsoleProgressBar.create())) {
 *     InventoryPolicy stock = p.inventory(2, 0.95);
 *     p.whatIf(0.2).ifPresent(w -> System.out.println("20% off: " + w.lift()));
 * }
 * }</pre>
 *
 * <p>Thread-safe after {@link #build}.
 */
public final class Planner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    /** The driver name of the generative model. */
    public static final String DRIVER = "discount";
    /** The effect of a discount in the simulated promotions: demand x {@code exp(1.2 * depth)}. */
    public static final double SIMULATED_ELASTICITY = 1.2;
    /** The largest discount depth a what-if accepts. */
    public static final double MAX_DEPTH = 0.6;

    private final PlanningData data;
    private final Options options;
    private final Forecast baseline;
    private final DeepArModel generative;
    private final TimeSeries promotedFocus;
    private final String generativeNote;

    /**
     * How a planner is built.
     *
     * @param horizon forecast steps, 1..60
     * @param paths scenario paths, 100..20,000
     * @param generativeEpochs epochs of the generative model; 0 to build without it
     * @param seed the seed of the forecast paths, the simulated promotions and the generative model
     */
    public record Options(int horizon, int paths, int generativeEpochs, long seed) {

        /** Validates. */
        public Options {
            if (horizon < 1 || horizon > 60) {
                throw new IllegalArgumentException("horizon must be in 1..60, was " + horizon);
            }
            if (paths < 100 || paths > 20_000) {
                throw new IllegalArgumentException("paths must be in 100..20000, was " + paths);
            }
            if (generativeEpochs < 0 || generativeEpochs > 1000) {
                throw new IllegalArgumentException("generativeEpochs must be in 0..1000, was " + generativeEpochs);
            }
        }

        /** @return horizon 12, 1,000 paths, 20 generative epochs, seed 42 */
        public static Options defaults() {
            return new Options(12, 1000, 20, 42);
        }
    }

    /**
     * The outcome of a what-if.
     *
     * @param depth the discount depth, {@code 0..}{@value #MAX_DEPTH}
     * @param withoutDiscount the generative model's scenarios with no discount
     * @param withDiscount its scenarios with the discount over the whole horizon
     * @param lift the relative change of mean total demand over the horizon
     * @param simulatedLift the effect built into the simulated promotions, {@code exp(1.2 * depth) - 1}
     */
    public record WhatIf(double depth, ScenarioSet withoutDiscount, ScenarioSet withDiscount, double lift,
            double simulatedLift) {

        /** Validates. */
        public WhatIf {
            Objects.requireNonNull(withoutDiscount, "withoutDiscount == null");
            Objects.requireNonNull(withDiscount, "withDiscount == null");
        }
    }

    private Planner(PlanningData data, Options options, Forecast baseline, DeepArModel generative,
            TimeSeries promotedFocus, String generativeNote) {
        this.data = data;
        this.options = options;
        this.baseline = baseline;
        this.generative = generative;
        this.promotedFocus = promotedFocus;
        this.generativeNote = generativeNote;
    }

    /**
     * Forecasts the focus series with the statistical ensemble and, unless {@code generativeEpochs} is 0, trains
     * the generative model on the panel with simulated promotions. A failure of the generative training is logged
     * and leaves the planner without what-if (see {@link #generativeNote()}).
     *
     * @param data the series
     * @param options the settings
     * @param listener progress of the generative training, such as a console progress bar
     * @return the planner; the caller closes it
     */
    public static Planner build(PlanningData data, Options options, TrainingListener listener) {
        Objects.requireNonNull(data, "data == null");
        Objects.requireNonNull(options, "options == null");
        Objects.requireNonNull(listener, "listener == null");
        Forecaster forecaster = Forecaster.builder().method(Method.AUTO).paths(options.paths()).seed(options.seed())
                .build();
        Forecast baseline = forecaster.forecast(data.focus(), options.horizon());
        if (options.generativeEpochs() == 0) {
            return new Planner(data, options, baseline, null, null,
                    "generative model not trained (0 epochs): no discount what-if");
        }
        List<TimeSeries> promoted = withSimulatedPromotions(data.panel(), options.horizon(), options.seed());
        TimeSeries focus = promoted.get(data.panel().indexOf(data.focus()));
        try {
            LOG.info("training the generative scenario model on {} series with simulated promotions",
                    promoted.size());
            DeepArModel model = DeepArTrainer.builder().drivers(DRIVER).window(12).hidden(16)
                    .epochs(options.generativeEpochs()).batchSize(128).learningRate(0.02f)
                    .seed(options.seed()).listener(listener).build().train(promoted);
            return new Planner(data, options, baseline, model, focus, "discount effect learned by "
                    + model.name() + " from promotions simulated on the history (the data has no prices)");
        } catch (RuntimeException e) {
            LOG.warn("generative scenario model not available: {}", e.toString());
            return new Planner(data, options, baseline, null, null,
                    "generative model unavailable (" + e.getMessage() + "): no discount what-if");
        }
    }

    /**
     * Adds simulated promotions to each series: a {@value #DRIVER} covariate over the history and the horizon
     * (zero in the future) and demand multiplied by {@code exp(1.2 * depth)} in promoted months.
     */
    static List<TimeSeries> withSimulatedPromotions(List<TimeSeries> panel, int horizon, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<TimeSeries> out = new ArrayList<>(panel.size());
        for (TimeSeries s : panel) {
            double[] y = s.values().clone();
            double[] d = new double[y.length + horizon];
            int left = 0;
            double depth = 0;
            for (int t = 0; t < y.length; t++) {
                if (left == 0 && rnd.nextDouble() < 0.1) {
                    left = 1 + rnd.nextInt(3);
                    depth = 0.1 + 0.3 * rnd.nextDouble();
                }
                if (left > 0) {
                    d[t] = depth;
                    left--;
                    if (Double.isFinite(y[t])) {
                        y[t] *= Math.exp(SIMULATED_ELASTICITY * depth);
                    }
                }
            }
            Map<String, double[]> cov = new HashMap<>(s.covariates());
            cov.put(DRIVER, d);
            out.add(new TimeSeries(s.id(), s.path(), s.frequency(), y, cov));
        }
        return out;
    }

    /** @return the series */
    public PlanningData data() {
        return data;
    }

    /** @return the settings */
    public Options options() {
        return options;
    }

    /** @return the statistical forecast of the focus series, with its scenarios */
    public Forecast baseline() {
        return baseline;
    }

    /** @return whether a discount what-if is available */
    public boolean hasGenerativeModel() {
        return generative != null;
    }

    /** @return one sentence on where the what-if comes from, or why there is none */
    public String generativeNote() {
        return generativeNote;
    }

    /**
     * Safety stock and reorder point from the baseline scenarios.
     *
     * @param leadTime replenishment lead time in periods, {@code 1..horizon}
     * @param serviceLevel cycle service level, in {@code (0.5, 1)}
     * @return the policy
     */
    public InventoryPolicy inventory(int leadTime, double serviceLevel) {
        if (leadTime < 1 || leadTime > options.horizon()) {
            throw new IllegalArgumentException("leadTime must be in 1.." + options.horizon() + ", was " + leadTime);
        }
        if (!(serviceLevel > 0.5 && serviceLevel < 1)) {
            throw new IllegalArgumentException("serviceLevel must be in (0.5, 1), was " + serviceLevel);
        }
        return Inventory.forServiceLevel(baseline.scenarios(), leadTime, serviceLevel);
    }

    /**
     * Demand with and without a discount over the whole horizon, from the generative model.
     *
     * @param depth the discount depth, {@code 0..}{@value #MAX_DEPTH} (0.2 = 20% off)
     * @return the what-if, or empty when the planner has no generative model
     */
    public Optional<WhatIf> whatIf(double depth) {
        if (!(depth >= 0 && depth <= MAX_DEPTH)) {
            throw new IllegalArgumentException("depth must be in 0.." + MAX_DEPTH + ", was " + depth);
        }
        if (generative == null) {
            return Optional.empty();
        }
        int h = options.horizon();
        double[] promo = new double[h];
        Arrays.fill(promo, depth);
        int paths = Math.min(options.paths(), 2000);
        ScenarioSet none = generative.sample(promotedFocus, h, Map.of(DRIVER, new double[h]), paths, options.seed());
        ScenarioSet with = generative.sample(promotedFocus, h, Map.of(DRIVER, promo), paths, options.seed());
        double base = Arrays.stream(none.mean()).sum();
        double lifted = Arrays.stream(with.mean()).sum();
        double lift = base > 0 ? lifted / base - 1 : 0;
        return Optional.of(new WhatIf(depth, none, with, lift, Math.exp(SIMULATED_ELASTICITY * depth) - 1));
    }

    /** Closes the generative model. Idempotent. */
    @Override
    public void close() {
        if (generative != null) {
            generative.close();
        }
    }
}
