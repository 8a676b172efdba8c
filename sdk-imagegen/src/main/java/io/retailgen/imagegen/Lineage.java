package io.retailgen.imagegen;

import java.util.List;
import java.util.Objects;

/**
 * Where an asset came from: the model version and seed that generated it, the request, the parent asset it was
 * derived from, and the post-processing steps. Stored inside the PNG (text chunk {@code retailgen:lineage}) and in
 * the JSON sidecar.
 *
 * @param modelVersion the model bundle {@code name@version}
 * @param seed the generation seed
 * @param request a description of the request (category, count, campaign, region)
 * @param parentAsset the asset this one was derived from, or null
 * @param steps the post-processing steps, in order
 */
public record Lineage(String modelVersion, long seed, String request, String parentAsset, List<String> steps) {
    /** Validates and copies. */
    public Lineage {
        Objects.requireNonNull(modelVersion, "modelVersion == null");
        Objects.requireNonNull(request, "request == null");
        steps = List.copyOf(steps);
    }
}
