package io.retailgen.examples;

import io.retailgen.core.data.DataValidator;
import io.retailgen.datasets.AusRetail;
import io.retailgen.datasets.CompetitionSeries;
import io.retailgen.datasets.MCompetition;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.forecast.TimeSeriesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demand series a sample plans with: a panel of related series (to train the generative scenario model
 * across them) and the one series the planner shows.
 *
 * <pre>{@code
 * PlanningData data = PlanningData.sharedOrSample(Path.of("../shared/data"), 42);
 * System.out.println(data.focus().id() + " from " + data.source());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the series came from, such as {@code "../shared/data/timeseries/aus-retail.csv"}
 * @param panel the series, the focus series among them (an unmodifiable copy), not empty
 * @param focus the series the planner shows
 * @param periods the period labels of the focus series, oldest first ({@code YYYY-MM}), or empty when unknown
 */
public record PlanningData(String source, List<TimeSeries> panel, TimeSeries focus, List<String> periods) {

    private static final Logger LOG = LoggerFactory.getLogger(PlanningData.class);

    /** The hierarchical file read from the shared data directory when present. */
    public static final String SHARED_AUS_RETAIL = "timeseries/aus-retail.csv";
    /** The M-competition file read when the hierarchical one is absent. */
    public static final String SHARED_M3 = "timeseries/m3.csv";
    /** The aus-retail series shown when it is present. */
    public static final String AUS_FOCUS = "Victoria/Clothing retailing";
    /** How many recent months of each series are kept: ten years. */
    public static final int MONTHS = 120;
    /** How many series the panel holds at most. */
    public static final int MAX_PANEL = 40;

    private static final String[] REGIONS = {"North", "South", "East"};
    private static final String[] CATEGORIES = {
        "Running shoes", "Socks", "Rain jackets", "Backpacks", "Water bottles", "Tents", "Sleeping bags", "Headlamps"};

    /** Validates and copies. */
    public PlanningData {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(focus, "focus == null");
        panel = List.copyOf(Objects.requireNonNull(panel, "panel == null"));
        periods = List.copyOf(Objects.requireNonNull(periods, "periods == null"));
        if (!panel.contains(focus)) {
            throw new IllegalArgumentException("the focus series " + focus.id() + " must be in the panel ("
                    + panel.size() + " series)");
        }
        if (!periods.isEmpty() && periods.size() != focus.length()) {
            throw new IllegalArgumentException("periods must label every value of " + focus.id() + ": "
                    + periods.size() + " labels for " + focus.length() + " values");
        }
    }

    /**
     * Reads {@value #SHARED_AUS_RETAIL} below {@code sharedDataDir} when present (the last {@value #MONTHS} months of
     * up to {@value #MAX_PANEL} state x industry series with turnover in every month, focus
     * {@value #AUS_FOCUS}), else the monthly series of {@value #SHARED_M3}, else generates a sample with
     * {@link #generate(long)}. A file that cannot be read is logged and skipped.
     *
     * @param sharedDataDir the shared data directory, or null to always generate
     * @param seed the seed of the generated sample
     * @return the data
     */
    public static PlanningData sharedOrSample(Path sharedDataDir, long seed) {
        if (sharedDataDir != null) {
            Path aus = sharedDataDir.resolve(SHARED_AUS_RETAIL);
            if (Files.isRegularFile(aus)) {
                try {
                    return ausRetail(aus);
                } catch (RuntimeException e) {
                    LOG.warn("cannot use {}: {}; trying the next source", aus, e.getMessage());
                }
            }
            Path m3 = sharedDataDir.resolve(SHARED_M3);
            if (Files.isRegularFile(m3)) {
                try {
                    return m3(m3);
                } catch (RuntimeException e) {
                    LOG.warn("cannot use {}: {}; generating a sample instead", m3, e.getMessage());
                }
            }
            LOG.info("no series file under {}; generating sample demand series", sharedDataDir);
        }
        return generate(seed);
    }

    static PlanningData ausRetail(Path file) {
        HierarchicalData data = TimeSeriesReader.readHierarchical(file, AusRetail.TIME_COLUMN, AusRetail.VALUE_COLUMN,
                AusRetail.HIERARCHY, DataValidator.lenient());
        List<String> labels = data.periods();
        int from = Math.max(0, labels.size() - MONTHS);
        List<TimeSeries> panel = new ArrayList<>();
        TimeSeries focus = null;
        for (TimeSeries s : data.series()) {
            if (s.path().size() != 2) {
                continue;
            }
            double[] v = Arrays.copyOfRange(s.values(), from, s.length());
            if (v.length < 36 || Arrays.stream(v).anyMatch(x -> !(x > 0))) {
                continue;
            }
            TimeSeries cut = new TimeSeries(s.id(), s.path(), Frequency.MONTHLY, v, Map.of());
            if (s.id().equals(AUS_FOCUS)) {
                focus = cut;
                panel.add(0, cut);
            } else if (panel.size() < MAX_PANEL) {
                panel.add(cut);
            }
        }
        if (panel.isEmpty()) {
            throw new IllegalArgumentException("no state x industry series with turnover in each of the last "
                    + MONTHS + " months");
        }
        if (focus == null) {
            focus = panel.get(0);
        }
        if (panel.size() > MAX_PANEL) {
            panel = new ArrayList<>(panel.subList(0, MAX_PANEL));
        }
        return new PlanningData(file.toString(), panel, focus, labels.subList(from, labels.size()));
    }

    static PlanningData m3(Path file) {
        List<CompetitionSeries> all = MCompetition.read(file, DataValidator.lenient());
        List<TimeSeries> panel = new ArrayList<>();
        for (CompetitionSeries s : all) {
            double[] train = s.train();
            if (Frequency.parse(s.frequency()) != Frequency.MONTHLY || train.length < 72) {
                continue;
            }
            double[] v = Arrays.copyOfRange(train, Math.max(0, train.length - MONTHS), train.length);
            if (Arrays.stream(v).anyMatch(x -> !(x > 0))) {
                continue;
            }
            panel.add(new TimeSeries(s.id(), List.of(), Frequency.MONTHLY, v, Map.of()));
            if (panel.size() == MAX_PANEL) {
                break;
            }
        }
        if (panel.isEmpty()) {
            throw new IllegalArgumentException("no monthly series of at least 72 positive values");
        }
        return new PlanningData(file + " (monthly series)", panel, panel.get(0), List.of());
    }

    /**
     * Generates 24 monthly series of ten years (8 outdoor-gear categories x 3 regions): a level, a gentle trend,
     * a yearly season with its peak in a category-specific month, and log-normal noise. Focus: {@code North/Rain
     * jackets}. The same seed gives the same series.
     *
     * @param seed the seed
     * @return the data
     */
    public static PlanningData generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TimeSeries> panel = new ArrayList<>();
        TimeSeries focus = null;
        for (String region : REGIONS) {
            for (int c = 0; c < CATEGORIES.length; c++) {
                double level = 50 + rnd.nextDouble() * 450;
                double trend = rnd.nextDouble() * 0.005;
                double amplitude = 0.1 + rnd.nextDouble() * 0.25;
                int peak = (c * 5 + 10) % 12;
                double[] v = new double[MONTHS];
                for (int t = 0; t < MONTHS; t++) {
                    double season = 1 + amplitude * Math.cos(2 * Math.PI * (t - peak) / 12.0);
                    v[t] = Math.round(level * Math.pow(1 + trend, t) * season
                            * Math.exp(0.08 * rnd.nextGaussian()) * 10) / 10.0;
                }
                String id = region + "/" + CATEGORIES[c];
                TimeSeries s = new TimeSeries(id, List.of(region, CATEGORIES[c]), Frequency.MONTHLY, v, Map.of());
                panel.add(s);
                if (id.equals("North/Rain jackets")) {
                    focus = s;
                }
            }
        }
        List<String> labels = new ArrayList<>(MONTHS);
        for (int t = 0; t < MONTHS; t++) {
            labels.add(String.format(Locale.ROOT, "%04d-%02d", 2016 + t / 12, t % 12 + 1));
        }
        return new PlanningData("generated sample (seed " + seed + ", " + panel.size() + " monthly series)", panel,
                focus, labels);
    }

    /** @return whether the series were generated rather than read from a file */
    public boolean generated() {
        return source.startsWith("generated");
    }
}
