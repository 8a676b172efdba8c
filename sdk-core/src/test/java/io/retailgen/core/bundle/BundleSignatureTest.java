package io.retailgen.core.bundle;

import static io.retailgen.core.bundle.Bundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSignatureTest {
    private static final KeyPair KEYS = ed25519();
    private static final KeyPair OTHER = ed25519();
    private static final BundleLoadOptions TRUSTED = BundleLoadOptions.builder().trust(KEYS.getPublic()).build();

    @TempDir
    Path tmp;

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertInvalid(Path bundle, BundleLoadOptions options, String... parts) {
        assertThatThrownBy(() -> ModelBundle.load(bundle, options)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_BUNDLE)).hasMessageContainingAll(parts);
    }

    private static void editManifest(Path dir, UnaryOperator<String> edit, boolean rehash) throws IOException {
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, edit.apply(Files.readString(m)));
        if (rehash) {
            Files.write(dir.resolve("manifest.sha256"), BundleIo.manifestHashLine(Files.readAllBytes(m)));
        }
    }

    @Test
    void aFlippedByteInAnUnsignedManifestIsDetected() throws IOException {
        Path dir = tmp.resolve("b");
        Bundles.demo().saveTo(dir);
        Path m = dir.resolve("manifest.json");
        byte[] bytes = Files.readAllBytes(m);
        String text = utf8(bytes);
        int at = text.indexOf("\"seed\" : 42") + "\"seed\" : 4".length();
        bytes[at] ^= 0x01; // 42 -> 43: still a valid manifest
        Files.write(m, bytes);
        assertInvalid(dir, BundleLoadOptions.defaults(),
                "manifest.json does not match the sha256 recorded in manifest.sha256");

        Path zip = tmp.resolve("b.zip");
        Bundles.demo().saveZip(zip);
        Path flipped = tmp.resolve("flipped.zip");
        Bundles.rewriteZip(zip, flipped, Map.of("manifest.json", b -> utf8(utf8(b).replace("\"seed\" : 42",
                "\"seed\" : 43"))), Map.of());
        assertInvalid(flipped, BundleLoadOptions.defaults(), "manifest.json does not match the sha256");
    }

    @Test
    void signedBundlesRoundTripAndNameTheirSigner() {
        ModelBundle signed = Bundles.demo().sign(KEYS);
        assertThat(signed.isSigned()).isTrue();
        assertThat(Bundles.demo().isSigned()).isFalse();
        assertThat(signed.sign(KEYS).signerKeyId()).isEqualTo(signed.signerKeyId());

        Path dir = tmp.resolve("d");
        signed.saveTo(dir);
        Path zip = tmp.resolve("z.zip");
        signed.saveZip(zip);
        for (Path p : new Path[] {dir, zip}) {
            ModelBundle loaded = ModelBundle.load(p, TRUSTED);
            assertThat(loaded).isEqualTo(signed);
            assertThat(loaded.signer()).contains(KEYS.getPublic());
            assertThat(loaded.signerKeyId()).hasValueSatisfying(id -> assertThat(id).hasSize(16));
            // the default options still verify a signature that is present
            assertThat(ModelBundle.load(p).isSigned()).isTrue();
        }
    }

    @Test
    void aManifestEditedAfterSigningFailsEvenWithItsHashRecomputed() throws IOException {
        Path dir = tmp.resolve("d");
        Bundles.demo().sign(KEYS).saveTo(dir);
        editManifest(dir, s -> s.replace("\"recall@20\" : 0.5", "\"recall@20\" : 0.9"), true);
        assertInvalid(dir, BundleLoadOptions.defaults(), "signature", "does not verify");
        assertInvalid(dir, TRUSTED, "does not verify");
    }

    @Test
    void aFileReplacedAfterSigningFailsEvenWithTheManifestRewritten() throws IOException {
        Path dir = tmp.resolve("d");
        Bundles.demo().sign(KEYS).saveTo(dir);
        byte[] evil = utf8("{\"items\":[\"evil\"]}");
        Files.write(dir.resolve("vocab.json"), evil);
        editManifest(dir, s -> s.replace(DataFingerprint.ofBytes(Bundles.VOCAB), DataFingerprint.ofBytes(evil)), true);
        assertInvalid(dir, TRUSTED, "does not verify");
    }

    @Test
    void trustedKeysRefuseUnsignedBundlesAndOtherSigners() throws IOException {
        Path unsigned = tmp.resolve("u");
        Bundles.demo().saveTo(unsigned);
        assertInvalid(unsigned, TRUSTED, "it is not signed", "trusted keys: " + BundleSignature.keyId(KEYS.getPublic()),
                "retailgen bundle sign");
        assertThat(ModelBundle.load(unsigned).isSigned()).as("unsigned bundles still load by default").isFalse();
        assertInvalid(unsigned, BundleLoadOptions.builder().requireSignature(true).build(), "it is not signed");

        Path other = tmp.resolve("o");
        Bundles.demo().sign(OTHER).saveTo(other);
        assertInvalid(other, TRUSTED, "signed by key " + BundleSignature.keyId(OTHER.getPublic()), "not trusted");

        Path stripped = tmp.resolve("s");
        Bundles.demo().sign(KEYS).saveTo(stripped);
        Files.delete(stripped.resolve("signature.json"));
        assertInvalid(stripped, TRUSTED, "it is not signed");
    }

    @Test
    void signaturesFromAnotherBundleDoNotTransfer() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Bundles.demo("demo", "1").build().sign(KEYS).saveTo(a);
        Bundles.demo("demo", "2").build().saveTo(b);
        Files.copy(a.resolve("signature.json"), b.resolve("signature.json"));
        assertInvalid(b, TRUSTED, "does not verify");
    }

    @Test
    void signsDirectoriesAndZipsInPlace() throws IOException {
        Path dir = tmp.resolve("d");
        Bundles.demo().saveTo(dir);
        Files.delete(dir.resolve("manifest.sha256")); // as written by an earlier release
        ModelBundle.signInPlace(dir, KEYS);
        assertThat(ModelBundle.load(dir, TRUSTED).isSigned()).isTrue();
        assertThat(dir.resolve("manifest.sha256")).exists();

        Path zip = tmp.resolve("z.zip");
        Bundles.demo().saveZip(zip);
        ModelBundle.signInPlace(zip, KEYS);
        assertThat(ModelBundle.load(zip, TRUSTED).signer()).contains(KEYS.getPublic());
    }

    @Test
    void rejectsKeysThatAreNotEd25519() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        assertThatThrownBy(() -> Bundles.demo().sign(rsa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> BundleLoadOptions.builder().trust(rsa.getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
        KeyPair mixed = new KeyPair(KEYS.getPublic(), OTHER.getPrivate());
        assertThatThrownBy(() -> Bundles.demo().sign(mixed)).hasMessageContaining("do not belong together");
    }

    @Test
    void aRegistryThatTrustsAKeyPublishesAndLoadsOnlyItsBundles() throws IOException {
        ModelRegistry registry = ModelRegistry.open(tmp.resolve("reg"), TRUSTED);
        assertThatThrownBy(() -> registry.publish(Bundles.demo("m", "1").build()))
                .isInstanceOfSatisfying(RetailGenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY))
                .hasMessageContaining("requires signed bundles");
        assertThatThrownBy(() -> registry.publish(Bundles.demo("m", "1").build().sign(OTHER)))
                .hasMessageContaining("does not trust");
        Path dir = registry.publish(Bundles.demo("m", "1").build().sign(KEYS));
        assertThat(registry.load("m").isSigned()).isTrue();

        editManifest(dir, s -> s.replace("\"seed\" : 42", "\"seed\" : 7"), true);
        assertThatThrownBy(() -> registry.load("m")).hasMessageContaining("does not verify");
        // a registry opened with the defaults still checks the signature that is present
        assertThatThrownBy(() -> ModelHandle.fromRegistry(ModelRegistry.open(tmp.resolve("reg")), "m",
                bundle -> () -> { })).hasMessageContaining("does not verify");
    }
}
