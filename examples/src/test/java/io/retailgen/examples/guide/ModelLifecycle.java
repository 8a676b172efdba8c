package io.retailgen.examples.guide;

import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommender;
import io.retailgen.recommend.RecommendTrainer;
import java.nio.file.Path;
import java.util.List;

/** The guide's section 4 snippets: a recommender model through the registry and into a running recommender. */
final class ModelLifecycle {

    private ModelLifecycle() {
    }

    static String publish(List<Interaction> events, Path registryRoot) {
        // tag::publish[]
        // in the training job
        RecommendModel model = RecommendTrainer.builder().seed(42L).build().train(events);
        ModelRegistry registry = ModelRegistry.open(registryRoot);
        registry.publish(model.toBundle("recommend", model.version()));   // version: the model's content hash
        // end::publish[]
        return model.version();
    }

    static Recommender serve(Path registryRoot) {
        // tag::swap[]
        // in each serving instance: the recommender serves whatever the handle holds
        ModelRegistry registry = ModelRegistry.open(registryRoot);
        ModelHandle<RecommendModel> handle = ModelHandle.fromRegistry(registry, "recommend",
                RecommendModel::fromBundle);
        Recommender recommender = Recommender.builder().model(handle).build();
        // ... and from a scheduled task: swaps when a new version was published, pinned or rolled back
        handle.refresh();
        // end::swap[]
        return recommender;
    }
}
