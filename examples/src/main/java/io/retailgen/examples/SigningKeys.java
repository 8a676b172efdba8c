package io.retailgen.examples;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.audit.AuditKeys;
import io.retailgen.governance.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit-log signing key of a long-running sample (the storefront): kept in a key file outside the log directory,
 * created there on first start (readable by its owner only), so that the log written before a restart still
 * verifies after it. The public key is written beside the log as {@value #PUBLIC_FILE}, where
 * {@code retailgen audit verify --dir DIR} looks for it.
 *
 * <pre>{@code
 * KeyPair keys = SigningKeys.loadOrCreate(Path.of("keys", "storefront.key"), auditDir);
 * Governance gov = Governance.open(auditDir, ContentPolicy.defaults(), keys);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SigningKeys {

    /** The public key's file name in the audit log directory. */
    public static final String PUBLIC_FILE = "audit-signing.pub";

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SigningKeys() {
    }

    /** @return {@code ~/.retailgen/storefront-signing.key}, the key file used when none is named */
    public static Path defaultKeyFile() {
        return Path.of(System.getProperty("user.home"), ".retailgen", "storefront-signing.key");
    }

    /**
     * Reads the key pair in {@code keyFile}, or creates one there (with {@code keyFile + ".pub"}) when the file does
     * not exist; then makes sure {@code auditDir/}{@value #PUBLIC_FILE} holds its public key.
     *
     * @param keyFile the private key file (PEM as written by {@link AuditKeys}); must not be inside
     *     {@code auditDir}, since whoever can edit the log could then also re-sign it
     * @param auditDir the audit log directory, created when missing
     * @return the key pair
     * @throws IllegalArgumentException when the key file lies inside the log directory
     * @throws IllegalStateException when the log directory's public key belongs to another key pair (the log was
     *     signed with another key: name that key, or use a new log directory)
     * @throws RetailGenException when a file cannot be read or written
     */
    public static KeyPair loadOrCreate(Path keyFile, Path auditDir) {
        Objects.requireNonNull(keyFile, "keyFile == null");
        Objects.requireNonNull(auditDir, "auditDir == null");
        Path key = keyFile.toAbsolutePath().normalize();
        Path dir = auditDir.toAbsolutePath().normalize();
        if (key.startsWith(dir)) {
            throw new IllegalArgumentException("the signing key " + keyFile + " must not be inside the audit log"
                    + " directory " + auditDir + ": whoever can edit the log could then also re-sign it");
        }
        KeyPair keys = readOrCreate(keyFile);
        pinPublicKey(keys.getPublic(), auditDir);
        return keys;
    }

    private static KeyPair readOrCreate(Path keyFile) {
        if (!Files.exists(keyFile)) {
            try {
                AuditKeys.write(AuditLog.generateKeyPair(), keyFile, keyFile.resolveSibling(keyFile.getFileName()
                        + ".pub"));
                LOG.info("created audit signing key {} (owner-only); keep it to verify this log later", keyFile);
            } catch (RetailGenException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException) || !Files.exists(keyFile)) {
                    throw e;
                }
                // another process created it at the same moment: use theirs
            }
        } else {
            warnIfShared(keyFile);
        }
        return AuditKeys.readKeyPair(keyFile);
    }

    private static void warnIfShared(Path keyFile) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
            perms.retainAll(SHARED);
            if (!perms.isEmpty()) {
                LOG.warn("signing key {} can be read or written by others ({}); chmod 600 it", keyFile, perms);
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("cannot read the permissions of {}: {}", keyFile, e.toString());
        }
    }

    private static void pinPublicKey(PublicKey key, Path auditDir) {
        Path pub = auditDir.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(auditDir);
            if (Files.exists(pub)) {
                PublicKey pinned = AuditKeys.readPublicKey(pub);
                if (!Arrays.equals(pinned.getEncoded(), key.getEncoded())) {
                    throw new IllegalStateException("the audit log in " + auditDir + " is pinned to another signing"
                            + " key (" + pub + "); start with the key that signed it, or use a new audit directory");
                }
                return;
            }
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(pub, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write the public key " + pub + ": " + e, e);
        }
    }
}
