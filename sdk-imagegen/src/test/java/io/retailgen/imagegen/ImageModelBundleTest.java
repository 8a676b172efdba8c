package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.Device;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.ModelHandle;
import io.retailgen.core.bundle.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading image models: kinds, older bundles, the registry and hot swaps through a model handle. */
class ImageModelBundleTest {
    private static ImageModel trained;

    @BeforeAll
    static void train() {
        trained = TinyModels.gan();
    }

    @Test
    void aBundleKeepsTheCategoryLabelsAndTheKind(@TempDir Path dir) {
        trained.toBundle("fashion", "2").saveTo(dir.resolve("m"));
        ModelBundle bundle = ModelBundle.load(dir.resolve("m"));
        assertThat(bundle.manifest().kind()).isEqualTo("imagegen.gan").isEqualTo(ImageModel.KIND);
        try (ImageModel loaded = ImageModel.fromBundle(bundle, Device.cpu())) {
            assertThat(loaded.spec()).isEqualTo(trained.spec());
            assertThat(loaded.name()).isEqualTo("fashion");
            assertThat(loaded.version()).isEqualTo("2");
            assertThat(loaded.provenance()).isEqualTo(trained.provenance());
            assertThat(loaded.trainSeconds()).isEqualTo(trained.trainSeconds());
        }
    }

    /** A bundle as written before the kinds were renamed and before category labels: kind imagegen.cgan, no labels. */
    @Test
    void anOlderBundleStillLoadsWithNumberedCategories() {
        String oldSpec = "{\"latent_dim\":16,\"categories\":10,\"height\":28,\"width\":28}";
        ModelBundle current = trained.toBundle("fashion", "1");
        ModelBundle old = ModelBundle.builder().kind("imagegen.cgan").name("fashion").version("1")
                .model(trained.generatorOnnx()).file(ImageModel.CLASSIFIER_FILE, trained.classifierOnnx())
                .file(ImageModel.SPEC_FILE, oldSpec.getBytes(StandardCharsets.UTF_8))
                .provenance(trained.provenance()).build();
        try (ImageModel model = ImageModel.fromBundle(old);
                ImageModel same = ImageModel.fromBundle(current);
                ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false).build();
                ImageGenerator now = ImageGenerator.builder().model(same).attributeCheck(false).build()) {
            assertThat(model.kind()).isEqualTo(ImageModel.KIND);
            assertThat(model.spec().categories()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(gen.generate("6", 5, 3L).pixels()).isEqualTo(now.generate("shirt", 5, 3L).pixels());
            assertThat(model.toBundle("fashion", "1").manifest().kind()).isEqualTo(ImageModel.KIND);
        }
        ModelBundle oldVae = current.toBuilder().kind("imagegen.cvae").build();
        assertThatThrownBy(() -> ImageModel.fromBundle(oldVae)).hasMessageContaining("lacks encoder.onnx");
    }

    @Test
    void aRegistryPublishesAndAHandleSwapsWhileTheGeneratorServes(@TempDir Path dir) {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"));
        registry.publish(trained.toBundle("storefront-images", "1"));
        try (ModelHandle<ImageModel> handle = ModelHandle.fromRegistry(registry, "storefront-images",
                ImageModel::fromBundle);
                ImageGenerator gen = ImageGenerator.builder().model(handle).attributeCheck(false).build()) {
            GeneratedImages first = gen.generate("bag", 3, 9L);
            assertThat(first.modelVersion()).isEqualTo("storefront-images@1");
            ImageModel before = handle.apply(m -> m);
            registry.publish(trained.toBundle("storefront-images", "2"));
            assertThat(handle.refresh()).isTrue();
            GeneratedImages second = gen.generate("bag", 3, 9L);
            assertThat(second.modelVersion()).isEqualTo("storefront-images@2");
            assertThat(gen.modelVersion()).isEqualTo("storefront-images@2");
            assertThat(second.pixels()).isEqualTo(first.pixels());
            assertThat(before.isClosed()).as("the swapped-out model is released").isTrue();
        }
    }

    @Test
    void aClosedModelOrGeneratorRefusesWork() {
        ImageModel model = ImageModel.fromBundle(trained.toBundle("t", "1"));
        ImageGenerator gen = ImageGenerator.builder().model(model).attributeCheck(false).build();
        assertThat(gen.generate("trouser", 1, 1L).count()).isEqualTo(1);
        model.close();
        model.close();
        assertThat(model.isClosed()).isTrue();
        assertThatThrownBy(() -> gen.generate("trouser", 1, 1L)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(model.toBundle("t", "1").manifest().kind()).isEqualTo(ImageModel.KIND);
        try (ImageModel again = ImageModel.fromBundle(trained.toBundle("t", "1"))) {
            ImageGenerator g2 = ImageGenerator.builder().model(again).build();
            g2.close();
            assertThatThrownBy(() -> g2.generate("trouser", 1, 1L)).isInstanceOf(IllegalStateException.class);
        }
    }
}
