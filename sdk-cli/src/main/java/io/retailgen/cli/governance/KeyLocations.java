package io.retailgen.cli.governance;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.audit.AuditKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Where the commands find audit keys. The private key is a file the operator names ({@code --signing-key}, made by
 * {@code retailgen audit keygen}), kept outside the log directory: whoever can write the log must not also be able
 * to re-sign it. A key file inside the log directory is refused unless {@code --allow-key-in-log-dir} says otherwise.
 * The public key is pinned beside the log as {@code audit-signing.pub} (public only) where the verifier looks by
 * default; a log whose pinned key differs from the signing key is refused.
 */
final class KeyLocations {
    static final String DEFAULT_NAME = "audit-signing";

    private KeyLocations() {
    }

    /** Where older versions kept the private key, inside the log directory. */
    static Path legacyPrivate(Path logDir) {
        return logDir.resolve(DEFAULT_NAME + ".key");
    }

    static Path defaultPublic(Path logDir) {
        return logDir.resolve(DEFAULT_NAME + ".pub");
    }

    /**
     * @param logDir the log directory
     * @param keyFile the private key file the operator named (PEM, or a PKCS#12 store ending in .p12 or .pfx), or
     *     null
     * @param store the alias and password file of a PKCS#12 store
     * @param allowInside whether a key file inside the log directory is accepted
     * @param cl for usage errors (exit 2)
     * @return the key pair, with its public half pinned beside the log
     */
    static KeyPair signingKeys(Path logDir, Path keyFile, KeyStoreOptions store, boolean allowInside,
                               CommandLine cl) {
        if (keyFile == null) {
            String legacy = Files.exists(legacyPrivate(logDir)) ? " (" + legacyPrivate(logDir) + " is a private key "
                    + "inside the log directory: move it elsewhere and name it with --signing-key)" : "";
            throw new CommandLine.ParameterException(cl, "--audit-log needs --signing-key FILE: a private key kept "
                    + "outside the log directory, made with 'retailgen audit keygen --out DIR'" + legacy);
        }
        if (!allowInside && AuditKeys.isInside(keyFile, logDir)) {
            throw new CommandLine.ParameterException(cl, "--signing-key " + keyFile + " is inside the log directory "
                    + logDir + ": whoever can edit the log could re-sign it. Keep the key elsewhere, or pass "
                    + "--allow-key-in-log-dir to accept that risk");
        }
        KeyPair keys = store.isKeyStore(keyFile) ? store.read(keyFile, cl) : AuditKeys.readKeyPair(keyFile);
        pinPublicKey(logDir, keys);
        return keys;
    }

    private static void pinPublicKey(Path logDir, KeyPair keys) {
        Path pub = defaultPublic(logDir);
        try {
            if (Files.exists(pub)) {
                byte[] pinned = AuditKeys.readPublicKey(pub).getEncoded();
                if (!Arrays.equals(pinned, keys.getPublic().getEncoded())) {
                    throw new RetailGenException(ErrorCode.INVALID_DATA, "the signing key does not match the public "
                            + "key pinned beside the log (" + pub + "): this log is signed with another key");
                }
                return;
            }
            Files.createDirectories(logDir);
            Path tmp = logDir.resolve(DEFAULT_NAME + ".pub.tmp");
            AuditKeys.writePublic(keys.getPublic(), tmp);
            Files.move(tmp, pub);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot pin the public key at " + pub + ": " + e, e);
        }
    }
}
