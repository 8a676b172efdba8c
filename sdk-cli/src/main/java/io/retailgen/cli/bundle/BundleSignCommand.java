package io.retailgen.cli.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.governance.audit.AuditKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code retailgen bundle sign}: adds an Ed25519 signature to a bundle where it lies. */
@Command(name = "sign", description = "Sign a model bundle (directory or zip) in place with an Ed25519 key: the "
        + "signature covers manifest.json byte for byte and the sha256 of every file. The bundle is verified first.")
final class BundleSignCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "PATH", description = "A bundle directory or zip file.")
    Path bundle;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The private key file (PEM, from "
            + "'retailgen audit keygen'). Keep it away from the machines that serve the models.")
    Path key;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelBundle signed = ModelBundle.signInPlace(bundle, AuditKeys.readKeyPair(key));
        PrintWriter out = spec.commandLine().getOut();
        String keyId = signed.signerKeyId().orElseThrow();
        if (json) {
            ObjectNode o = Json.object();
            o.put("bundle", bundle.toString());
            o.put("name", signed.manifest().name());
            o.put("version", signed.manifest().version());
            o.put("signed", true);
            o.put("signer_key_id", keyId);
            Json.print(out, o);
        } else {
            out.println("signed " + bundle + " (" + signed.manifest().name() + ":" + signed.manifest().version()
                    + ") with key " + keyId);
            out.flush();
        }
        return 0;
    }
}
