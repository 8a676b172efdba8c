package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.governance.AuditKeys;
import io.retailgen.governance.AuditLog;
import io.retailgen.governance.AuditVerification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen audit verify}: checks the hash chain and checkpoint signatures; exit 1 when tampered with. */
@Command(name = "verify", description = "Verify an audit log's hash chain and signed checkpoints. "
        + "Exits 1 when the log was edited, truncated, reordered or re-signed.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = {"--dir", "--log"}, required = true, paramLabel = "DIR", description = "The log directory.")
    Path dir;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "The Ed25519 public key (PEM). Default: audit-signing.pub in the log directory.")
    Path publicKey;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dir " + dir + " is not a directory");
        }
        Path key = publicKey;
        if (key == null) {
            key = KeyLocations.defaultPublic(dir);
            if (!Files.exists(key)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no --public-key given and no "
                        + key.getFileName() + " in " + dir);
            }
            err.println("warning: using the public key stored beside the log (" + key + ")");
        }
        AuditVerification v = AuditLog.verify(dir, AuditKeys.readPublicKey(key));
        String first = v.problems().isEmpty() ? null : v.problems().get(0);
        if (json) {
            ObjectNode o = Json.object();
            o.put("valid", v.valid());
            o.put("records", v.records());
            o.put("checkpoints", v.checkpoints());
            o.put("unsigned_tail", v.unsignedTail());
            o.put("problems", v.problems().size());
            if (first == null) {
                o.putNull("first_problem");
            } else {
                o.put("first_problem", first);
            }
            Json.print(out, o);
        } else {
            out.println((v.valid() ? "valid" : "INVALID") + ": " + v.records() + " records, " + v.checkpoints()
                    + " signed checkpoints, " + v.unsignedTail() + " records after the last checkpoint");
            v.problems().forEach(out::println);
            out.flush();
        }
        if (!v.valid()) {
            err.println("error: audit log " + dir + " failed verification (" + v.problems().size()
                    + " problems); first: " + first);
            err.flush();
            return 1;
        }
        return 0;
    }
}
