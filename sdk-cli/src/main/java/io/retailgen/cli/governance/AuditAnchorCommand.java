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
 * {@code retailgen audit anchor}: verifies a log and writes a receipt of its last signed checkpoint to a file outside
 * the log, for a later {@code audit verify --anchor}.
 */
@Command(name = "anchor", description = {"Verify an audit log and write a receipt of its last signed checkpoint "
        + "(seq, head hash, file, signature) to RECEIPT, outside the log directory. A later 'audit verify --anchor "
        + "RECEIPT' fails if the log was cut back before that checkpoint, lost its newest file or was re-signed.",
        "Exits 1 when the log does not verify (records after the last checkpoint are allowed: they are not "
                + "covered by the receipt)."})
final class AuditAnchorCommand implements Callable<Integer> {

    @CommandLine.Mixin
    LogDirectoryOption log;

    @Option(names = "--public-key", required = true, paramLabel = "FILE",
            description = "The Ed25519 public key (PEM) the checkpoints must verify under.")
    Path publicKey;

    @Option(names = "--out", required = true, paramLabel = "RECEIPT", description = "The receipt file to write "
            + "(replaced atomically); not inside the log directory.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = log.existing(spec.commandLine());
        if (AuditKeys.isInside(out, dir)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is inside the log "
                    + "directory " + dir + "; keep the receipt where the log's writers cannot rewrite it");
        }
        AuditVerification v = AuditLog.verify(dir, AuditKeys.readPublicKey(publicKey),
                AuditVerifyOptions.strict().allowingUnsignedTail());
        PrintWriter err = spec.commandLine().getErr();
        AuditAnchor last = v.lastCheckpoint();
        if (!v.valid() || last == null) {
            err.println("error: audit log " + dir + (v.valid() ? " has no signed checkpoint to anchor"
                    : " failed verification (" + v.problems().size() + " problems); first: " + v.problems().get(0))
                    + "; no receipt written");
            err.flush();
            return 1;
        }
        last.write(out);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = Json.object();
            n.put("receipt", out.toString());
            n.put("seq", last.seq());
            n.put("file", last.file());
            n.put("unsigned_tail", v.unsignedTail());
            Json.print(o, n);
        } else {
            o.println("receipt " + out + ": checkpoint seq " + last.seq() + " in " + last.file()
                    + (v.unsignedTail() > 0 ? " (" + v.unsignedTail() + " newer records are not signed yet)" : ""));
            o.flush();
        }
        return 0;
    }
}
