package io.retailgen.imagegen;

/**
 * One small GAN image model per test JVM, trained on the first 3,000 {@link TestData#train()} images (Fashion-MNIST or
 * the synthetic stand-in): one classifier and one GAN epoch, width 8, latent 16. Tests must not close it.
 */
final class TinyModels {
    private static ImageModel gan;

    private TinyModels() {
    }

    static synchronized ImageModel gan() {
        if (gan == null) {
            gan = ImageTrainer.builder().seed(3L).epochs(1).classifierEpochs(1).width(8).latentDim(16).batchSize(64)
                    .build().train(TestData.train().slice(0, 3000));
        }
        return gan;
    }
}
