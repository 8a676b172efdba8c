package io.retailgen.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/forecast.md honest: every Java snippet there is a tagged region of {@link ForecastGuide} (compiled with
 * the tests), and each snippet runs here on small data.
 */
class ForecastGuideTest {
    private static final Path GUIDE = Path.of("..", "docs", "forecast.md");
    private static final String MARK = "<!-- compiled: ";

    @Test
    void everyJavaSnippetOfTheForecastGuideIsACompiledRegion() throws Exception {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        int snippets = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```java")) {
                continue;
            }
            String mark = i > 0 ? lines.get(i - 1) : "";
            assertThat(mark).as("line %d of %s: a Java snippet needs '%sFILE#TAG -->' above it", i + 1, GUIDE,
                    MARK).startsWith(MARK).endsWith(" -->");
            String[] ref = mark.substring(MARK.length(), mark.length() - 4).split("#");
            StringBuilder body = new StringBuilder();
            for (int k = i + 1; !lines.get(k).equals("```"); k++) {
                body.append(lines.get(k)).append('\n');
            }
            assertThat(body.toString()).as("snippet %s#%s at line %d", ref[0], ref[1], i + 1)
                    .isEqualTo(IntegrationGuideTest.taggedRegion(Path.of("..").resolve(ref[0]), ref[1]));
            snippets++;
        }
        assertThat(snippets).as("Java snippets in %s", GUIDE).isGreaterThanOrEqualTo(6);
    }

    static double[] monthly(int n, double level, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12)) + 0.05 * level * r.nextGaussian();
        }
        return y;
    }

    @Test
    void quickStartAndServingRun() throws Exception {
        InventoryPolicy p = ForecastGuide.quickStart(monthly(60, 100, 1));
        assertThat(p).isNotNull();
        assertThat(p.safetyStock()).isPositive();

        List<GenerationRequest> audit = Collections.synchronizedList(new ArrayList<>());
        Interceptor record = chain -> {
            audit.add(chain.request());
            return chain.proceed(chain.request());
        };
        List<TimeSeries> stores = List.of(TimeSeries.of("s1", Frequency.MONTHLY, monthly(48, 50, 2)),
                TimeSeries.of("s2", Frequency.MONTHLY, monthly(48, 70, 3)));
        Path csv = Files.writeString(Files.createTempDirectory("guide").resolve("sales.csv"), salesCsv());
        HierarchicalData regions = ForecastGuide.readOwnData(csv);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Forecast> coherent = ForecastGuide.serving(stores, regions, pool, record);
            assertThat(coherent).hasSize(regions.hierarchy().size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(audit).extracting(GenerationRequest::operation).containsExactly("forecastAll",
                "forecastHierarchy");
    }

    private static String salesCsv() {
        StringBuilder sb = new StringBuilder("Region,Store,Month,Sales\n");
        String[][] stores = {{"north", "n1"}, {"north", "n2"}, {"south", "s1"}};
        for (int s = 0; s < stores.length; s++) {
            double[] y = monthly(36, 40 + 10 * s, 10 + s);
            for (int t = 0; t < y.length; t++) {
                sb.append(stores[s][0]).append(',').append(stores[s][1]).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%04d-%02d,%.2f%n", 2020 + t / 12, t % 12 + 1,
                                y[t]));
            }
        }
        return sb.toString();
    }

    @Test
    void theGenerativeSnippetLearnsADiscountEffect(@TempDir Path dir) {
        SplittableRandom r = new SplittableRandom(5);
        List<TimeSeries> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double[] d = new double[80 + 8];
            double[] y = new double[80];
            for (int t = 0; t < y.length; t++) {
                d[t] = (t / 6 + i) % 4 == 0 ? 0.2 : 0;
                y[t] = (30 + 5 * i) * Math.exp(1.5 * d[t] + 0.1 * r.nextGaussian());
            }
            history.add(new TimeSeries("w" + i, List.of(), Frequency.WEEKLY, y, Map.of("discount", d)));
        }
        double lift = ForecastGuide.generative(history, history.get(0), dir.resolve("registry"));
        assertThat(lift).as("4 of 8 weeks at 20%% off, true lift %.3f", (Math.exp(0.3) - 1) / 2)
                .isBetween(0.05, 0.35);
    }

    @Test
    void scenarioVaeAllocationNewProductAndDriverSnippetsRun(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(8);
        List<TimeSeries> history = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] d = new double[60 + 12];
            double[] y = new double[60];
            for (int t = 0; t < y.length; t++) {
                d[t] = (t / 5 + i) % 3 == 0 ? 0.3 : 0;
                y[t] = (40 + 10 * i) * Math.exp(1.2 * d[t] + 0.1 * r.nextGaussian());
            }
            history.add(new TimeSeries("m" + i, List.of(), Frequency.MONTHLY, y, Map.of("discount", d)));
        }
        double[] discount = new double[12];
        java.util.Arrays.fill(discount, 0.3);
        Forecast vae = ForecastGuide.scenarioVae(history, history.get(0), discount, dir.resolve("registry"));
        assertThat(vae.horizon()).isEqualTo(12);
        assertThat(vae.model()).startsWith("scenariovae-");

        io.retailgen.forecast.Forecaster f = io.retailgen.forecast.Forecaster.builder().paths(100).build();
        var plans = ForecastGuide.allocation(f.forecast(TimeSeries.of("n", Frequency.MONTHLY, monthly(48, 30, 5)), 3),
                f.forecast(TimeSeries.of("s", Frequency.MONTHLY, monthly(48, 20, 6)), 3));
        assertThat(plans[0].expectedCost()).isLessThanOrEqualTo(plans[1].expectedCost() + 1e-6);

        List<io.retailgen.forecast.NewProductForecaster.Launch> launches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] v = monthly(24, i % 2 == 0 ? 100 : 10, 20 + i);
            launches.add(new io.retailgen.forecast.NewProductForecaster.Launch("l" + i, Map.of("category",
                    i % 2 == 0 ? "boots" : "socks", "region", i % 4 < 2 ? "north" : "south"), v));
        }
        Forecast[] np = ForecastGuide.newProduct(launches, new double[] {50, 52, 49});
        assertThat(np[0].mean()[0]).isGreaterThan(30);
        assertThat(np[1].mean()[0]).isBetween(25.0, 100.0);

        StringBuilder csv = new StringBuilder("store,month,sales,promo,price\n");
        for (int t = 0; t < 39; t++) {
            int promo = t >= 36 || t % 5 == 0 ? 1 : 0;
            String sales = t >= 36 ? "" : String.valueOf(100 * Math.exp(0.5 * promo + 0.05 * r.nextGaussian()));
            csv.append(String.format(java.util.Locale.ROOT, "north,%04d-%02d,%s,%d,9.99%n", 2020 + t / 12,
                    t % 12 + 1, sales, promo));
        }
        Forecast[] drivers = ForecastGuide.drivers(Files.writeString(dir.resolve("sales.csv"), csv.toString()));
        assertThat(drivers[0].mean()[0]).isGreaterThan(drivers[1].mean()[0] * 1.3);
    }

    @Test
    void evaluationAndChartSnippetsRun(@TempDir Path dir) throws Exception {
        StringBuilder m = new StringBuilder("series,period,type,split,t,value\n");
        double[] y = monthly(60, 80, 4);
        for (int t = 0; t < y.length; t++) {
            m.append(String.format(java.util.Locale.ROOT, "A,monthly,MICRO,%s,%d,%.3f%n", t < 54 ? "train" : "test",
                    t + 1, y[t]));
        }
        Path m3 = Files.writeString(dir.resolve("m.csv"), m.toString());
        assertThat(ForecastGuide.evaluate(m3).series()).isEqualTo(1);
        TimeSeries s = TimeSeries.of("A", Frequency.MONTHLY, y);
        Forecast fc = io.retailgen.forecast.Forecaster.builder().paths(200).build().forecast(s, 6);
        Path png = dir.resolve("fan.png");
        ForecastGuide.chart(s, fc, List.of(), png);
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(420);
    }
}
