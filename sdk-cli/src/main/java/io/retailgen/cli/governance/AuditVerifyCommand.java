package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.governance.audit.AuditAnchor;
import io.retailgen.governance.audit.AuditKeys;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.governance.audit.AuditVerification;
import io.retailgen.governance.audit.AuditVerifyOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code retailgen audit verify}: checks the hash chain, the checkpoint signatures and, with {@code --anchor}, a
 * receipt kept outside the log; exit 1 on any failure.
 */
@Command(name = "verify", description = {"Verify an audit log's hash chain and signed checkpoints. "
        + "Exits 1 when the log was edited, reordered, re-signed, has no signed checkpoint or records after the "
        + "last one (unless --allow-unsigned-tail), or, with --anchor, was cut back to an earlier point or lost its "
        + "newest file.",
        "Without --anchor a log cut back to an earlier checkpoint cannot be detected: keep a receipt "
        + "(retailgen audit anchor, or the log's own anchor option) where the log's writers cannot change it."})
final class AuditVerifyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LogDirectoryOption log;

    @Option(names = "--public-key", paramLabel = "FILE",
            description = "The Ed25519 public key (PEM). Default: audit-signing.pub in the log directory, "
                    + "which whoever can write the log can also replace: pass the key you keep, or --anchor.")
    Path publicKey;

    @Option(names = "--anchor", paramLabel = "RECEIPT", description = "A checkpoint receipt kept outside the log "
            + "(retailgen audit anchor): the log must still hold that checkpoint, unchanged.")
    Path anchor;

    @Option(names = "--allow-unsigned-tail", description = "Accept records after the last signed checkpoint, a log "
            + "with no checkpoint yet, and a torn last line (a log still being written).")
    boolean allowUnsignedTail;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = log.existing(spec.commandLine());
        Path key = publicKey;
        if (key == null) {
            key = KeyLocations.defaultPublic(dir);
            if (!Files.exists(key)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no --public-key given and no "
                        + key.getFileName() + " in " + dir);
            }
            err.println("warning: using the public key stored beside the log (" + key + ")");
        }
        AuditVerifyOptions options = new AuditVerifyOptions(allowUnsignedTail,
                anchor == null ? null : AuditAnchor.read(anchor));
        AuditVerification v = AuditLog.verify(dir, AuditKeys.readPublicKey(key), options);
        String first = v.problems().isEmpty() ? null : v.problems().get(0);
        if (json) {
            ObjectNode o = Json.object();
            o.put("valid", v.valid());
            o.put("records", v.records());
            o.put("checkpoints", v.checkpoints());
            o.put("unsigned_tail", v.unsignedTail());
            o.put("anchor_checked", v.anchorChecked());
            if (v.lastCheckpoint() == null) {
                o.putNull("last_checkpoint_seq");
            } else {
                o.put("last_checkpoint_seq", v.lastCheckpoint().seq());
            }
            o.put("problems", v.problems().size());
            if (first == null) {
                o.putNull("first_problem");
            } else {
                o.put("first_problem", first);
            }
            Json.print(out, o);
        } else {
            out.println((v.valid() ? "valid" : "INVALID") + ": " + v.records() + " records, " + v.checkpoints()
                    + " signed checkpoints, " + v.unsignedTail() + " records after the last checkpoint"
                    + (v.anchorChecked() ? ", anchor checked" : ", no anchor"));
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
