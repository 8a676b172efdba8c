package io.retailgen.examples.guide;

import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommender;
import io.retailgen.recommend.TrainOptions;
import java.nio.file.Path;
import java.util.List;

/** The guide's section 4 snippets: a recommender model through the registry and into a running recommender. */
final class ModelLifecycle {

    private ModelLifecycle() {
    }

    static String publish(List<Interaction> events, Path registryRoot) {
        // tag::publish[]
        // in the training job
        RecommendModel model = RecommendModel.train(events, TrainOptions.defaults(), new TrainingListener() { });
        ModelRegistry registry = ModelRegistry.open(registryRoot);
        registry.publish(model.toBundle());          // name "recommend", version = the model's content hash
        // end::publish[]
        return model.version();
    }

    static void refresh(Recommender recommender, Path registryRoot) {
        // tag::swap[]
        // in each serving instance, from a scheduled task
        ModelRegistry registry = ModelRegistry.open(registryRoot);
        String current = registry.resolve("recommend");
        if (!current.equals(recommender.modelVersion())) {
            recommender.swapModel(RecommendModel.fromBundle(registry.load("recommend", current)));
        }
        // end::swap[]
    }
}
