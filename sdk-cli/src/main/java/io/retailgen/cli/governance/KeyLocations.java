package io.retailgen.cli.governance;

import io.retailgen.governance.AuditKeys;
import io.retailgen.governance.AuditLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * Where the commands find audit keys when none is named: {@code audit-signing.key} / {@code audit-signing.pub} in the
 * log directory, created on first use. Convenient, but whoever can write the log can then also re-sign it; a warning
 * says so and {@code retailgen audit keygen} makes keys to keep elsewhere.
 */
final class KeyLocations {
    static final String DEFAULT_NAME = "audit-signing";

    private KeyLocations() {
    }

    static Path defaultPrivate(Path logDir) {
        return logDir.resolve(DEFAULT_NAME + ".key");
    }

    static Path defaultPublic(Path logDir) {
        return logDir.resolve(DEFAULT_NAME + ".pub");
    }

    static KeyPair signingKeys(Path logDir, Path keyFile, PrintWriter err) {
        if (keyFile != null) {
            return AuditKeys.readKeyPair(keyFile);
        }
        Path priv = defaultPrivate(logDir);
        if (!Files.exists(priv)) {
            AuditKeys.write(AuditLog.generateKeyPair(), priv, defaultPublic(logDir));
            err.println("warning: created signing key " + priv + " beside the log; keep keys elsewhere "
                    + "(retailgen audit keygen, --signing-key) so that the log's writers cannot re-sign it");
        } else {
            err.println("warning: using the signing key stored beside the log (" + priv + ")");
        }
        err.flush();
        return AuditKeys.readKeyPair(priv);
    }
}
