package io.retailgen.cli.bundle;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.retailgen.cli.CliRun;
import io.retailgen.core.bundle.DataFingerprint;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCommandTest {

    @TempDir
    Path tmp;

    /** y = x + c for x: float[3]; c inline, or stored as external data at {@code location}. */
    static byte[] addModel(String location) {
        OnnxMl.TensorProto.Builder c = OnnxMl.TensorProto.newBuilder().setName("c").addDims(3)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        if (location == null) {
            c.setRawData(ByteString.copyFrom(new byte[12]));
        } else {
            c.setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                    .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("length").setValue("12"));
        }
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("add").addInitializer(c)
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Add").setName("add").addInput("x").addInput("c")
                        .addOutput("y"))
                .addInput(value("x")).addOutput(value("y")).build();
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph).build().toByteArray();
    }

    private static OnnxMl.ValueInfoProto value(String name) {
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(OnnxMl.TensorShapeProto.newBuilder().addDim(
                                OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(3))))).build();
    }

    static ModelBundle bundle(byte[] onnx) {
        return ModelBundle.builder().kind("demo.add").name("adder").version("2").model(onnx)
                .provenance(new Provenance(DataFingerprint.ofBytes(new byte[] {1}), 1, Map.of(), 7L, "0.1.0",
                        "17", "Linux", "amd64", Map.of()))
                .created(Instant.parse("2026-01-31T12:00:00Z")).build();
    }

    private Path keys() throws Exception {
        CliRun k = run("audit", "keygen", "--out", tmp.resolve("keys").toString(), "--name", "models", "--json");
        assertThat(k.code()).as(k.err()).isZero();
        return tmp.resolve("keys");
    }

    @Test
    void aSoundBundleVerifiesAndItsModelsOpen() throws Exception {
        Path dir = tmp.resolve("adder-2");
        bundle(addModel(null)).saveTo(dir);
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("valid").asBoolean()).isTrue();
        assertThat(j.get("bundle").asText()).isEqualTo(dir.toString());
        assertThat(j.get("kind").asText()).isEqualTo("demo.add");
        assertThat(j.get("name").asText()).isEqualTo("adder");
        assertThat(j.get("version").asText()).isEqualTo("2");
        assertThat(j.get("signed").asBoolean()).isFalse();
        assertThat(j.get("signature_valid").isNull()).isTrue();
        assertThat(j.get("problems")).isEmpty();
        JsonNode model = j.get("models").get(0);
        assertThat(model.get("name").asText()).isEqualTo("model.onnx");
        assertThat(model.get("bytes").asInt()).isEqualTo(addModel(null).length);
        assertThat(model.get("opened").asBoolean()).isTrue();
        assertThat(model.get("inputs").get(0).asText()).isEqualTo("x: tensor(float) [3]");
        assertThat(model.get("outputs").get(0).asText()).isEqualTo("y: tensor(float) [3]");
    }

    @Test
    void signsAndVerifiesWithATrustedKey() throws Exception {
        Path keys = keys();
        Path zip = tmp.resolve("adder-2.zip");
        bundle(addModel(null)).saveZip(zip);
        CliRun s = run("bundle", "sign", "--bundle", zip.toString(), "--key", keys.resolve("models.key").toString(),
                "--json");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.json().get("signer_key_id").asText()).hasSize(16);

        CliRun r = run("bundle", "verify", "--bundle", zip.toString(), "--public-key",
                keys.resolve("models.pub").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("signed").asBoolean()).isTrue();
        assertThat(r.json().get("signature_valid").asBoolean()).isTrue();
        assertThat(r.json().get("signer_key_id").asText()).isEqualTo(s.json().get("signer_key_id").asText());
    }

    @Test
    void anUnsignedBundleFailsWhenAKeyIsTrustedOrASignatureRequired() throws Exception {
        Path keys = keys();
        Path dir = tmp.resolve("adder-2");
        bundle(addModel(null)).saveTo(dir);
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--public-key",
                keys.resolve("models.pub").toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("valid").asBoolean()).isFalse();
        assertThat(r.json().get("signature_valid").asBoolean()).isFalse();
        assertThat(r.json().get("problems").get(0).asText()).contains("it is not signed");
        assertThat(r.err()).contains("failed verification").doesNotContain("Exception");

        CliRun required = run("bundle", "verify", "--bundle", dir.toString(), "--require-signature", "--json");
        assertThat(required.code()).isEqualTo(1);

        Path notAKey = Files.writeString(tmp.resolve("not-a-key.pub"), "hello");
        CliRun badKey = run("bundle", "verify", "--bundle", dir.toString(), "--public-key", notAKey.toString(),
                "--json");
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(badKey.json().get("problems").get(0).asText()).startsWith("cannot use --public-key " + notAKey);
    }

    @Test
    void aBundleSignedByAnotherKeyIsNotTrusted() throws Exception {
        Path keys = keys();
        CliRun other = run("audit", "keygen", "--out", keys.toString(), "--name", "other");
        assertThat(other.code()).as(other.err()).isZero();
        Path dir = tmp.resolve("adder-2");
        bundle(addModel(null)).saveTo(dir);
        assertThat(run("bundle", "sign", "--bundle", dir.toString(), "--key", keys.resolve("other.key").toString())
                .code()).isZero();
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--public-key",
                keys.resolve("models.pub").toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("signature_valid").asBoolean()).isFalse();
        assertThat(r.json().get("problems").get(0).asText()).contains("which is not trusted");
    }

    @Test
    void sizeLimitsCanBeSetFromTheCommandLine() throws Exception {
        Path dir = tmp.resolve("adder-2");
        bundle(addModel(null)).saveTo(dir);
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--max-entry-bytes", "64", "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("problems").get(0).asText()).contains("entry 'manifest.json' declares",
                "more than the limit of 64 bytes per file");
        CliRun bad = run("bundle", "verify", "--bundle", dir.toString(), "--max-total-bytes", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("maxTotalBytes must be positive, was 0");
    }

    @Test
    void aFlippedManifestByteFailsVerification() throws Exception {
        Path dir = tmp.resolve("adder-2");
        bundle(addModel(null)).saveTo(dir);
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"seed\" : 7", "\"seed\" : 6"));
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("valid").asBoolean()).isFalse();
        assertThat(j.get("name").isNull()).isTrue();
        assertThat(j.get("problems").get(0).asText()).contains("manifest.json does not match the sha256");
    }

    @Test
    void aModelThatReadsHostFilesFailsVerification() throws Exception {
        Path dir = tmp.resolve("hostile");
        bundle(addModel("../../../../../../../../etc/passwd")).saveTo(dir);
        CliRun r = run("bundle", "verify", "--bundle", dir.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = r.json();
        assertThat(j.get("valid").asBoolean()).isFalse();
        assertThat(j.get("models").get(0).get("opened").asBoolean()).isFalse();
        assertThat(j.get("problems").get(0).asText()).contains("model 'model.onnx' does not open", "external data",
                "etc/passwd");
    }

    @Test
    void aMissingBundleIsAProblemNotAStackTrace() throws Exception {
        Path absent = tmp.resolve("absent.zip");
        CliRun r = run("bundle", "verify", "--bundle", absent.toString(), "--json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("problems").get(0).asText()).contains("no model bundle at");
        assertThat(r.err()).doesNotContain("\tat ");

        CliRun text = run("bundle", "verify", "--bundle", absent.toString());
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).startsWith("INVALID: ");

        CliRun badKey = run("bundle", "sign", "--bundle", absent.toString(), "--key", absent.toString());
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(badKey.err()).startsWith("error: ").doesNotContain("\tat ");
    }
}
