package io.retailgen.cli.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.governance.audit.AuditKeys;
import io.retailgen.governance.audit.AuditLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code retailgen audit keygen}: a new Ed25519 key pair for signing audit checkpoints. */
@Command(name = "keygen", description = "Create an Ed25519 key pair for audit-log checkpoints: NAME.key (private, "
        + "owner-only) and NAME.pub (for auditors). Keep DIR outside every log directory: whoever can read the "
        + "private key can re-sign a log.")
final class AuditKeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the key files.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = KeyLocations.DEFAULT_NAME,
            description = "Base name of the files (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--name '" + name
                    + "' must use only letters, digits, '.', '_' and '-'");
        }
        if (Files.exists(out.resolve("audit.lock")) || Files.exists(out.resolve("audit-00000001.jsonl"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is an audit log "
                    + "directory; keep the private key elsewhere so that the log's writers cannot re-sign it");
        }
        Path priv = out.resolve(name + ".key");
        Path pub = out.resolve(name + ".pub");
        AuditKeys.write(AuditLog.generateKeyPair(), priv, pub);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = Json.object();
            n.put("algorithm", "Ed25519");
            n.put("private_key", priv.toString());
            n.put("public_key", pub.toString());
            Json.print(o, n);
        } else {
            o.println("private key (keep secret): " + priv);
            o.println("public key (for auditors): " + pub);
            o.flush();
        }
        return 0;
    }
}
