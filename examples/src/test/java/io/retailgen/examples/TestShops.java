package io.retailgen.examples;

import io.retailgen.core.train.TrainingListener;
import io.retailgen.recommend.RecommendModel;

/** One small shop and its model, trained once per test JVM and shared by the test classes. */
public final class TestShops {

    private static ShopData shop;
    private static RecommendModel model;

    private TestShops() {
    }

    /** @return a generated shop of 600 sessions */
    public static synchronized ShopData shop() {
        if (shop == null) {
            shop = SampleShop.generate(7, 600);
        }
        return shop;
    }

    /** @return a GRU + kNN model trained on {@link #shop()} for 2 epochs */
    public static synchronized RecommendModel model() {
        if (model == null) {
            model = RecommendSetup.train(shop(), RecommendSetup.quickOptions().withEpochs(2),
                    new TrainingListener() { });
        }
        return model;
    }
}
