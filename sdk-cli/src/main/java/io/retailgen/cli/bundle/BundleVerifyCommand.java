package io.retailgen.cli.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.BundleLoadOptions;
import io.retailgen.core.bundle.BundleManifest;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.TensorSpec;
import io.retailgen.governance.audit.AuditKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code retailgen bundle verify}: everything a load checks (sizes, links, manifest and its hash, file hashes,
 * signature), then opens every {@code .onnx} file of the bundle in an ONNX Runtime session, which refuses external
 * data. Exit 0 when all of it holds, 1 otherwise.
 */
@Command(name = "verify", description = "Check a model bundle as a load would (sizes, symbolic links, manifest and its "
        + "hash, every file's sha256, the signature) and open each ONNX model in it. Exits 0 when the bundle is sound,"
        + " 1 otherwise.")
final class BundleVerifyCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "PATH", description = "A bundle directory or zip file.")
    Path bundle;

    @Option(names = "--public-key", paramLabel = "FILE", description = "A trusted Ed25519 public key (PEM, e.g. from "
            + "'retailgen audit keygen'); the bundle must be signed by it. Repeat to trust several.")
    List<Path> publicKeys = new ArrayList<>();

    @Option(names = "--require-signature", description = "Fail when the bundle is unsigned, even without --public-key.")
    boolean requireSignature;

    @Option(names = "--max-entry-bytes", paramLabel = "N", description = "Largest file a bundle may hold "
            + "(default: ${DEFAULT-VALUE}).")
    long maxEntryBytes = BundleLoadOptions.DEFAULT_MAX_ENTRY_BYTES;

    @Option(names = "--max-total-bytes", paramLabel = "N", description = "Largest sum of a bundle's files "
            + "(default: ${DEFAULT-VALUE}).")
    long maxTotalBytes = BundleLoadOptions.DEFAULT_MAX_TOTAL_BYTES;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        BundleLoadOptions options = options(problems);
        ModelBundle loaded = null;
        if (options != null) {
            try {
                loaded = ModelBundle.load(bundle, options);
            } catch (RetailGenException e) {
                problems.add(e.getMessage());
            }
        }
        ObjectNode o = Json.object();
        o.put("bundle", bundle.toString());
        ArrayNode models = Json.array();
        if (loaded != null) {
            BundleManifest m = loaded.manifest();
            o.put("kind", m.kind());
            o.put("name", m.name());
            o.put("version", m.version());
            o.put("signed", loaded.isSigned());
            if (loaded.isSigned()) {
                o.put("signature_valid", true);
                o.put("signer_key_id", loaded.signerKeyId().orElseThrow());
            } else {
                o.putNull("signature_valid");
                o.putNull("signer_key_id");
            }
            for (String file : loaded.fileNames()) {
                if (file.endsWith(".onnx")) {
                    models.add(open(file, loaded.file(file), problems));
                }
            }
        } else {
            o.putNull("kind");
            o.putNull("name");
            o.putNull("version");
            o.putNull("signed");
            if (problems.stream().anyMatch(p -> p.contains("signature") || p.contains("signed by key"))) {
                o.put("signature_valid", false);
            } else {
                o.putNull("signature_valid");
            }
            o.putNull("signer_key_id");
        }
        o.set("models", models);
        ArrayNode list = o.putArray("problems");
        problems.forEach(list::add);
        boolean valid = problems.isEmpty();
        ObjectNode result = Json.object();
        result.put("valid", valid);
        result.setAll(o);
        if (json) {
            Json.print(out, result);
        } else {
            out.println((valid ? "valid" : "INVALID") + ": " + bundle
                    + (loaded == null ? "" : " (" + loaded.manifest().kind() + " " + loaded.manifest().name() + ":"
                    + loaded.manifest().version() + ", " + (loaded.isSigned() ? "signed by key "
                    + loaded.signerKeyId().orElseThrow() : "unsigned") + ", " + models.size() + " ONNX models)"));
            problems.forEach(p -> out.println("problem: " + p));
            out.flush();
        }
        if (!valid) {
            err.println("error: bundle " + bundle + " failed verification (" + problems.size() + " problems); first: "
                    + problems.get(0));
            err.flush();
            return 1;
        }
        return 0;
    }

    private BundleLoadOptions options(List<String> problems) {
        BundleLoadOptions.Builder b;
        try {
            b = BundleLoadOptions.builder().requireSignature(requireSignature).maxEntryBytes(maxEntryBytes)
                    .maxTotalBytes(maxTotalBytes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        for (Path key : publicKeys) {
            try {
                b.trust(AuditKeys.readPublicKey(key));
            } catch (RuntimeException e) {
                problems.add("cannot use --public-key " + key + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? b.build() : null;
    }

    private static ObjectNode open(String file, byte[] onnx, List<String> problems) {
        ObjectNode n = Json.object();
        n.put("name", file);
        n.put("bytes", onnx.length);
        ArrayNode inputs = n.putArray("inputs");
        ArrayNode outputs = n.putArray("outputs");
        try (OnnxModel model = OnnxModel.builder().model(onnx).name(file).build()) {
            model.inputs().stream().map(TensorSpec::toString).forEach(inputs::add);
            model.outputs().stream().map(TensorSpec::toString).forEach(outputs::add);
            n.put("opened", true);
        } catch (RetailGenException e) {
            n.put("opened", false);
            problems.add("model '" + file + "' does not open: " + e.getMessage());
        }
        return n;
    }
}
