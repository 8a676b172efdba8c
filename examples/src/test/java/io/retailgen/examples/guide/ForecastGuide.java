package io.retailgen.examples.guide;

import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.datasets.MCompetition;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.Evaluation;
import io.retailgen.forecast.FanChart;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.ForecastEvaluation;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.HierarchicalData;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.LabeledSeries;
import io.retailgen.forecast.Method;
import io.retailgen.forecast.Reconciliation;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.forecast.TimeSeriesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The snippets of docs/forecast.md, compiled and run by {@code ForecastGuideTest}. */
final class ForecastGuide {

    private ForecastGuide() {
    }

    static InventoryPolicy quickStart(double[] history) {
        // tag::quickstart[]
        Forecaster forecaster = Forecaster.builder().method(Method.AUTO).paths(1000).seed(42L).build();
        Forecast fc = forecaster.forecast(TimeSeries.of("sku-1", Frequency.MONTHLY, history), 12);
        ScenarioSet.Interval i95 = fc.scenarios().interval(0.95);     // per-step 95% interval of the paths
        InventoryPolicy policy = Inventory.forServiceLevel(fc.scenarios(), 2, 0.95);   // lead time 2 months
        ScenarioSet stressed = fc.scenarios().spike(1.5, 3);          // demand x1.5 from step 3 on
        // end::quickstart[]
        return i95.upper().length == stressed.horizon() ? policy : null;
    }

    static List<Forecast> serving(List<TimeSeries> stores, HierarchicalData regions, ExecutorService pool,
            Interceptor audit) {
        // tag::serving[]
        Forecaster forecaster = Forecaster.builder()
                .executor(pool)                                   // default: Forecaster.defaultExecutor()
                .interceptors(InterceptorChain.of(audit))         // one request per call, module "forecast"
                .build();
        List<Forecast> perStore = forecaster.forecastAll(stores, 8);                           // one request
        List<Forecast> coherent = forecaster.forecastHierarchy(regions, 8, Reconciliation.MINT_SHRINK);
        // end::serving[]
        return perStore.size() == stores.size() ? coherent : List.of();
    }

    static double generative(List<TimeSeries> history, TimeSeries sku, Path registryRoot) {
        // tag::generative[]
        DeepArTrainer trainer = DeepArTrainer.builder().drivers("discount").window(8).epochs(30).seed(7L)
                .threads(1).build();                          // training needs io.retailgen:sdk-training
        try (DeepArModel model = trainer.train(history)) {    // series with a "discount" covariate
            ModelRegistry.open(registryRoot).publish(model.toBundle("weekly-demand", "1"));   // kind forecast.deepar
        }
        // serving (no sdk-training needed): follow the registry; handle.refresh() swaps in a newer version
        ModelHandle<DeepArModel> handle = ModelHandle.fromRegistry(ModelRegistry.open(registryRoot),
                "weekly-demand", DeepArModel::fromBundle);
        Forecaster forecaster = Forecaster.builder().method(Method.GENERATIVE).model(handle).paths(2000).build();
        Forecast base = forecaster.forecast(sku, 8);                     // future drivers from the covariates
        double[] discount = {0.2, 0.2, 0.2, 0.2, 0, 0, 0, 0};          // what-if: 20% off for four weeks
        Forecast promo = forecaster.whatIf(sku, 8, Map.of("discount", discount));   // same seed as base
        // end::generative[]
        try (handle) {
            return sum(promo.mean()) / sum(base.mean()) - 1;
        }
    }

    static ForecastEvaluation evaluate(Path m3) {
        // tag::evaluate[]
        List<LabeledSeries> series = MCompetition.read(m3, DataValidator.lenient()).stream()   // sdk-datasets
                .map(s -> LabeledSeries.of(s.id(), s.path(), s.frequency(), s.train(), s.test())).toList();
        ForecastEvaluation result = Evaluation.evaluate(series, Forecaster.builder().build());
        // result.smape(), result.mase(), result.crps(), result.coverage95(), result.smapeByGroup()
        // end::evaluate[]
        return result;
    }

    static HierarchicalData readOwnData(Path salesCsv) {
        // tag::read[]
        HierarchicalData sales = TimeSeriesReader.readHierarchical(salesCsv, "Month", "Sales",
                List.of("Region", "Store"), DataValidator.strict());   // Total / Region / Store, every node a series
        // end::read[]
        return sales;
    }

    static void chart(TimeSeries series, Forecast fc, List<String> periodLabels, Path png) throws Exception {
        // tag::chart[]
        Files.write(png, FanChart.png(FanChart.render(series.id(), series.values(), periodLabels,
                fc.scenarios(), List.of())));                 // 900 x 420, history + 50/80/95% bands + mean
        // end::chart[]
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
