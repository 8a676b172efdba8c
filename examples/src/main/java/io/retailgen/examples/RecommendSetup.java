package io.retailgen.examples;

import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.recommend.BusinessRules;
import io.retailgen.recommend.HybridWeights;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommender;
import io.retailgen.recommend.RecommendTrainer;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommender set-up shared by the samples (the storefront now, an all-modules demo later): small training
 * options that finish in seconds on a laptop CPU, and the serving configuration.
 *
 * <pre>{@code
 * ShopData shop = ShopData.sharedOrSample(Path.of("../shared/data"), 42);
 * RecommendModel model = RecommendSetup.train(shop, RecommendSetup.quickTrainer().build(), ConsoleProgressBar.create());
 * try (Recommender rec = RecommendSetup.serve(model, shop)) {
 *     rec.recommendFor(List.of(shop.featured().get(0)), 5, EventContext.NONE);
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RecommendSetup {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendSetup.class);

    private RecommendSetup() {
    }

    /**
     * A trainer for a sample: a GRU with 48 hidden units trained for 3 epochs, seed 42.
     *
     * @return the trainer's builder, to change more settings
     */
    public static RecommendTrainer.Builder quickTrainer() {
        return RecommendTrainer.builder().hidden(48).batch(64).epochs(3).seed(42L);
    }

    /**
     * Trains a model on the shop's sessions, reporting progress to the listener.
     *
     * @param shop the data
     * @param trainer the trainer
     * @param listener progress events, such as {@link ConsoleProgressBar#create()}
     * @return the trained model
     */
    public static RecommendModel train(ShopData shop, RecommendTrainer trainer, TrainingListener listener) {
        Objects.requireNonNull(shop, "shop == null");
        LOG.info("training the recommender on {} ({} clicks, {} items)", shop.source(), shop.interactions().size(),
                shop.catalog().size());
        return trainer.toBuilder().listener(listener).build().train(shop.interactions());
    }

    /**
     * Opens a recommender for the model and the shop's catalog: out-of-stock items dropped, at most 3 items of one
     * category, a little novelty.
     *
     * @param model the model
     * @param shop the data whose catalog names the items
     * @return the recommender; the caller closes it
     */
    public static Recommender serve(RecommendModel model, ShopData shop) {
        return serve(model, shop, InterceptorChain.empty());
    }

    /**
     * @param model the model
     * @param shop the catalog
     * @param chain the interceptors every recommendation passes (such as serving metrics)
     * @return the recommender of {@link #serve(RecommendModel, ShopData)} with the chain
     */
    public static Recommender serve(RecommendModel model, ShopData shop, InterceptorChain chain) {
        return Recommender.builder()
                .model(model)
                .interceptors(chain)
                .catalog(shop.catalog())
                .rules(BusinessRules.defaults().withCategoryCap(3))
                .weights(HybridWeights.DEFAULT.withNovelty(0.2))
                .build();
    }
}
