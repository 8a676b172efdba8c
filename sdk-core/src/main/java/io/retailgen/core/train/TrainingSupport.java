package io.retailgen.core.train;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;

/**
 * Says whether training can run in this JVM. Training lives in the artifact {@value #ARTIFACT} (DJL with the PyTorch
 * engine and the native library of the platform), which a project that only loads saved models leaves out; every
 * trainer of the SDK calls {@link #require(String)} first, so that training without it fails with an error naming
 * the artifact to add instead of a {@link NoClassDefFoundError} from deep inside DJL.
 *
 * <pre>{@code
 * if (TrainingSupport.available()) {
 *     model = trainer.train(data);
 * } else {
 *     model = RecommendModel.fromBundle(ModelBundle.load(savedDir));
 * }
 * }</pre>
 */
public final class TrainingSupport {

    /** The Maven coordinates (without version) of the artifact that brings training. */
    public static final String ARTIFACT = "io.retailgen:sdk-training";

    static final String ENGINE_CLASS = "io.retailgen.training.TrainingEngine";
    static final String DJL_CLASS = "ai.djl.engine.Engine";

    private TrainingSupport() {
    }

    /** @return whether {@value #ARTIFACT} and DJL are on the class path */
    public static boolean available() {
        return missing(TrainingSupport.class.getClassLoader(), ENGINE_CLASS, DJL_CLASS) == null;
    }

    /**
     * Fails unless training can run.
     *
     * @param what what is about to be trained, for the message (for example {@code "the recommender's sequence
     *     model"})
     * @throws RetailGenException {@link ErrorCode#ENGINE_UNAVAILABLE} naming the artifact to add
     */
    public static void require(String what) {
        require(what, TrainingSupport.class.getClassLoader(), ENGINE_CLASS, DJL_CLASS);
    }

    static void require(String what, ClassLoader loader, String... classes) {
        String absent = missing(loader, classes);
        if (absent != null) {
            throw new RetailGenException(ErrorCode.ENGINE_UNAVAILABLE, "training " + what + " needs the artifact "
                    + ARTIFACT + " (same version as the SDK) on the class path, which brings DJL, the PyTorch engine "
                    + "and its native library; class " + absent + " was not found. Add the dependency to train; "
                    + "loading saved models and serving need nothing more");
        }
    }

    private static String missing(ClassLoader loader, String... classes) {
        for (String name : classes) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return name;
            }
        }
        return null;
    }
}
