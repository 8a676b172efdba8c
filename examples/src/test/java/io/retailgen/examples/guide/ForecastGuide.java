package io.retailgen.examples.guide;

import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.core.data.DataValidator;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.datasets.MCompetition;
import io.retailgen.forecast.AllocationPlan;
import io.retailgen.forecast.AllocationProblem;
import io.retailgen.forecast.ArimaWithDrivers;
import io.retailgen.forecast.DeepArModel;
import io.retailgen.forecast.DeepArTrainer;
import io.retailgen.forecast.DriverSeriesReader;
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
import io.retailgen.forecast.NewProductForecaster;
import io.retailgen.forecast.Reconciliation;
import io.retailgen.forecast.ScenarioAllocator;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.ScenarioVae;
import io.retailgen.forecast.ScenarioVaeTrainer;
import io.retailgen.forecast.StoreStock;
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

    static Forecast scenarioVae(List<TimeSeries> history, TimeSeries sku, double[] discount, Path registryRoot) {
        Forecast fc;
        // tag::vae[]
        ScenarioVaeTrainer trainer = ScenarioVaeTrainer.builder().drivers("discount").context(24).block(12)
                .latent(4).epochs(30).diversityWeight(0.1).seed(7L).build();   // training needs sdk-training
        try (ScenarioVae vae = trainer.train(history)) {                        // kind forecast.scenariovae
            ModelRegistry.open(registryRoot).publish(vae.toBundle("monthly-demand", "1"));
            Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(vae).build();
            fc = f.whatIf(sku, 12, Map.of("discount", discount));                // 12 future discount depths
        }
        // end::vae[]
        return fc;
    }

    static AllocationPlan[] allocation(Forecast north, Forecast south) {
        // tag::allocation[]
        AllocationProblem p = AllocationProblem.builder()
                .store(new StoreStock("north", 40, 120, 0.3, 4.0), north.scenarios())  // stock, capacity, holding, shortage
                .store(new StoreStock("south", 5, 80, 0.3, 4.0), south.scenarios())    // same paths x steps everywhere
                .orderCost(1.0).transferCost(0.2)
                .build();
        AllocationPlan plan = ScenarioAllocator.solve(p);        // order(), allocation(), transfers(), expectedCost()
        AllocationPlan base = ScenarioAllocator.newsvendorPerStore(p);   // each store alone, no transfers
        // end::allocation[]
        return new AllocationPlan[] {plan, base};
    }

    static Forecast[] newProduct(List<NewProductForecaster.Launch> launches, double[] firstThree) {
        // tag::newproduct[]
        NewProductForecaster f = NewProductForecaster.builder().library(launches).analogues(10).paths(1000).build();
        Forecast before = f.forecast("sku-new", Map.of("category", "boots", "region", "south"), new double[0], 12);
        Forecast after3 = f.forecast("sku-new", Map.of("category", "boots", "region", "south"), firstThree, 12);
        // end::newproduct[]
        return new Forecast[] {before, after3};
    }

    static Forecast[] drivers(Path salesCsv) {
        // tag::drivers[]
        List<TimeSeries> series = DriverSeriesReader.read(salesCsv, List.of("store"), "month", "sales",
                List.of("promo", "price"), DataValidator.lenient());    // rows without a value: the planned future
        ArimaWithDrivers arima = ArimaWithDrivers.of("promo", "price");
        Map<String, Double> effects = arima.effects(series.get(0));      // d log(sales) per unit of each driver
        Forecaster f = Forecaster.builder().method(Method.GENERATIVE).generativeModel(arima).build();
        Forecast planned = f.forecast(series.get(0), 3);                 // the planned promo path from the file
        Forecast without = f.whatIf(series.get(0), 3, Map.of("promo", new double[3]));
        // end::drivers[]
        return effects.containsKey("promo") ? new Forecast[] {planned, without} : null;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
