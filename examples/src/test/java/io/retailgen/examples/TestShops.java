package io.retailgen.examples;

import io.retailgen.core.train.TrainingListener;
import io.retailgen.examples.storefront.StorefrontApp;
import io.retailgen.recommend.RecommendModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** One small shop, planner and image model, trained once per test JVM and shared by the test classes. */
public final class TestShops {

    private static ShopData shop;
    private static RecommendModel model;
    private static Planner planner;
    private static ImageSetup.Model imageModel;
    private static ShopData lumaShop;
    private static RecommendModel lumaModel;

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
            model = RecommendSetup.train(shop(), RecommendSetup.quickTrainer().epochs(2).build(),
                    new TrainingListener() { });
        }
        return model;
    }

    /** @return a planner on the generated series: 500 paths, generative model trained for 15 epochs (never closed) */
    public static synchronized Planner planner() {
        if (planner == null) {
            planner = Planner.build(PlanningData.generate(7), new Planner.Options(12, 500, 15, 7),
                    new TrainingListener() { });
        }
        return planner;
    }

    /** @return an image model trained for about 4 s on 512 generated silhouettes */
    public static synchronized ImageSetup.Model imageModel() {
        if (imageModel == null) {
            imageModel = ImageSetup.train(ImageSetup.sharedOrSample(null, 512, 7), Duration.ofSeconds(4), 7,
                    new TrainingListener() { });
        }
        return imageModel;
    }

    /** The sign-in code of the reviewers {@code store-reviewer} and {@code maria} of {@link #app(Path)}. */
    public static final String REVIEWER_CODE = "test-sign-in-code";

    /**
     * @param dir a directory for the audit log ({@code dir/audit}) and its signing key ({@code dir/signing.key})
     * @return a storefront builder with the shared shop, model, planner and image model, on any free port, with the
     *     reviewers {@code store-reviewer} and {@code maria} (code {@link #REVIEWER_CODE})
     */
    public static StorefrontApp.Builder app(Path dir) {
        return StorefrontApp.builder().port(0).shop(shop()).model(model()).planner(planner())
                .imageModel(imageModel()).images(6).auditDirectory(dir.resolve("audit"))
                .signingKeyFile(dir.resolve("signing.key"))
                .reviewer("store-reviewer", REVIEWER_CODE).reviewer("maria", REVIEWER_CODE);
    }

    /**
     * @param dir a directory for the Luma-shaped catalog ({@code dir/luma}, written by {@link LumaFixture}), the
     *     audit log and the signing key
     * @return a storefront builder on that catalog (its shop of 600 generated sessions and a model trained on them
     *     once per JVM), with 3 colourway variants, 3 GAN images, the shared planner and image model and the
     *     reviewers of {@link #app(Path)}
     * @throws IOException when the catalog cannot be written
     */
    public static StorefrontApp.Builder lumaApp(Path dir) throws IOException {
        LumaStore luma = LumaStore.open(LumaFixture.write(dir.resolve("luma")));
        synchronized (TestShops.class) {
            if (lumaShop == null) {
                lumaShop = luma.shop(7, 600);
                lumaModel = RecommendSetup.train(lumaShop, RecommendSetup.quickTrainer().epochs(2).build(),
                        new TrainingListener() { });
            }
        }
        return StorefrontApp.builder().port(0).luma(luma).shop(lumaShop).model(lumaModel).planner(planner())
                .imageModel(imageModel()).images(3).colourways(3).auditDirectory(dir.resolve("audit"))
                .signingKeyFile(dir.resolve("signing.key"))
                .reviewer("store-reviewer", REVIEWER_CODE).reviewer("maria", REVIEWER_CODE);
    }
}
