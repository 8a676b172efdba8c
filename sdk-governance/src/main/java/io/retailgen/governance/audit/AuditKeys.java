package io.retailgen.governance.audit;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes the Ed25519 keys of an {@link AuditLog} as PEM files: a private file holding the
 * {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY} (X.509) blocks, readable by its owner only where the file
 * system supports POSIX permissions, and a public file holding the {@code PUBLIC KEY} block, for auditors.
 *
 * <pre>{@code
 * KeyPair keys = AuditLog.generateKeyPair();
 * AuditKeys.write(keys, Path.of("audit-signing.key"), Path.of("audit-signing.pub"));
 * AuditLog log = AuditLog.builder().directory(dir).signingKey(AuditKeys.readKeyPair(Path.of("audit-signing.key")))
 *         .build();
 * AuditVerification v = AuditLog.verify(dir, AuditKeys.readPublicKey(Path.of("audit-signing.pub")));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class AuditKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private AuditKeys() {
    }

    /**
     * Writes a key pair; refuses to overwrite existing files.
     *
     * @param keys an Ed25519 key pair
     * @param privateFile the file for the private and public key
     * @param publicFile the file for the public key only
     * @throws RetailGenException when a file exists or cannot be written
     */
    public static void write(KeyPair keys, Path privateFile, Path publicFile) {
        Objects.requireNonNull(keys, "keys == null");
        Objects.requireNonNull(privateFile, "privateFile == null");
        Objects.requireNonNull(publicFile, "publicFile == null");
        String pub = pem(PUBLIC, keys.getPublic().getEncoded());
        String both = pem(PRIVATE, keys.getPrivate().getEncoded()) + pub;
        try {
            Path parent = privateFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, both, StandardCharsets.US_ASCII);
            Files.writeString(publicFile, pub, StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RetailGenException(ErrorCode.IO, "key file " + e.getFile() + " already exists; "
                    + "choose another name or remove it first", e);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write audit keys to " + privateFile + " and "
                    + publicFile + ": " + e, e);
        }
    }

    /**
     * Writes a public key only, for the verifier; refuses to overwrite an existing file.
     *
     * @param key an Ed25519 public key
     * @param publicFile the file to create
     * @throws RetailGenException when the file exists or cannot be written
     */
    public static void writePublic(PublicKey key, Path publicFile) {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(publicFile, "publicFile == null");
        try {
            Files.writeString(publicFile, pem(PUBLIC, key.getEncoded()), StandardCharsets.US_ASCII,
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new RetailGenException(ErrorCode.IO, "key file " + publicFile + " already exists; "
                    + "choose another name or remove it first", e);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write public key " + publicFile + ": " + e, e);
        }
    }

    /**
     * Whether a key or receipt file lies inside a log directory, following symbolic links of the parts that exist:
     * a private key there lets whoever can edit the log re-sign it.
     *
     * @param file a file, existing or not
     * @param directory a log directory, existing or not
     * @return true when {@code file} is {@code directory} or below it
     */
    public static boolean isInside(Path file, Path directory) {
        return real(file).startsWith(real(directory));
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Reads the signing key pair from a PKCS#12 key store, such as one made by
     * {@code keytool -genkeypair -keyalg Ed25519 -storetype PKCS12 -keystore audit.p12 -alias audit -dname CN=audit}.
     * The public key is the one in the entry's certificate.
     *
     * @param keyStore the PKCS#12 file
     * @param alias the entry's alias, or null when the store holds exactly one key entry
     * @param password the store's and the entry's password
     * @return the key pair
     * @throws RetailGenException when the store cannot be read (wrong password included) or holds no such Ed25519
     *     key entry; the message names the file and alias
     */
    public static KeyPair readKeyStore(Path keyStore, String alias, char[] password) {
        Objects.requireNonNull(keyStore, "keyStore == null");
        Objects.requireNonNull(password, "password == null");
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String name = alias;
            if (name == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new RetailGenException(ErrorCode.INVALID_DATA, "key store " + keyStore + " holds "
                            + keys.size() + " key entries " + keys + "; name one with its alias");
                }
                name = keys.get(0);
            }
            Key key = ks.isKeyEntry(name) ? ks.getKey(name, password) : null;
            java.security.cert.Certificate cert = ks.getCertificate(name);
            if (!(key instanceof PrivateKey priv) || cert == null) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "key store " + keyStore + " has no private key "
                        + "entry '" + name + "' with a certificate");
            }
            KeyPair pair = new KeyPair(cert.getPublicKey(), priv);
            if (!"Ed25519".equals(priv.getAlgorithm()) && !"EdDSA".equals(priv.getAlgorithm())) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, "key store " + keyStore + " entry '" + name
                        + "' is " + priv.getAlgorithm() + ", not Ed25519");
            }
            return pair;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read key store " + keyStore + " (wrong password?): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot read key store " + keyStore + ": " + e, e);
        }
    }

    /**
     * @param privateFile a file written by {@link #write} (private and public key)
     * @return the key pair
     * @throws RetailGenException when the file cannot be read or holds no Ed25519 key pair
     */
    public static KeyPair readKeyPair(Path privateFile) {
        String text = read(privateFile);
        try {
            KeyFactory f = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(block(text, PRIVATE, privateFile)));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(block(text, PUBLIC, privateFile)));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "no Ed25519 key pair in " + privateFile + ": " + e, e);
        }
    }

    /**
     * @param file a public or private key file written by {@link #write}
     * @return the public key
     * @throws RetailGenException when the file cannot be read or holds no Ed25519 public key
     */
    public static PublicKey readPublicKey(Path file) {
        String text = read(file);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(block(text, PUBLIC, file)));
        } catch (GeneralSecurityException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "no Ed25519 public key in " + file + ": " + e, e);
        }
    }

    private static String read(Path file) {
        Objects.requireNonNull(file, "file == null");
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read key file " + file + ": " + e, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String text, String type, Path file) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = b < 0 ? -1 : text.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "key file " + file + " has no '" + begin
                    + "' ... '" + end + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "key file " + file + " has a malformed " + type
                    + " block: " + ex.getMessage(), ex);
        }
    }
}
