package io.retailgen.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Ed25519 signature of a bundle, stored as {@value #FILE_NAME}. It signs a statement that names the SHA-256 of
 * the exact bytes of {@code manifest.json} and the SHA-256 of every file, so changing any byte of the manifest or of
 * any file, or adding, removing or renaming a file, breaks it.
 *
 * <p>The signed statement, UTF-8, one line each, sorted by path:
 * <pre>
 * retailgen-bundle-signature 1
 * manifest.json &lt;sha256 hex of manifest.json&gt;
 * model.onnx &lt;sha256 hex&gt;
 * vocab.json &lt;sha256 hex&gt;
 * </pre>
 */
record BundleSignature(PublicKey publicKey, byte[] signature) {

    static final String FILE_NAME = "signature.json";
    static final String ALGORITHM = "Ed25519";
    private static final String STATEMENT_HEADER = "retailgen-bundle-signature 1\n";

    BundleSignature {
        publicKey = checkEd25519(publicKey);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    static PublicKey checkEd25519(PublicKey key) {
        if (!(key instanceof EdECKey ec) || !ALGORITHM.equalsIgnoreCase(ec.getParams().getName())) {
            throw new IllegalArgumentException("bundle signing keys must be Ed25519 keys, got a "
                    + key.getAlgorithm() + " key");
        }
        return key;
    }

    static byte[] statement(byte[] manifestBytes, Map<String, String> fileHashes) {
        StringBuilder s = new StringBuilder(STATEMENT_HEADER);
        s.append(BundleManifest.FILE_NAME).append(' ').append(BundleIo.sha256Hex(manifestBytes)).append('\n');
        new TreeMap<>(fileHashes).forEach((path, hash) -> s.append(path).append(' ').append(hash)
                .append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static BundleSignature sign(KeyPair keys, byte[] manifestBytes, Map<String, String> fileHashes) {
        checkEd25519(keys.getPublic());
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(statement(manifestBytes, fileHashes));
            byte[] sig = s.sign();
            BundleSignature result = new BundleSignature(keys.getPublic(), sig);
            if (!result.verifies(manifestBytes, fileHashes)) {
                throw new IllegalArgumentException("the private and public key of the key pair do not belong together");
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with a " + keys.getPrivate().getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }

    /** @return whether the signature is valid for these bytes under {@link #publicKey()} */
    boolean verifies(byte[] manifestBytes, Map<String, String> fileHashes) {
        return verifies(publicKey, manifestBytes, fileHashes);
    }

    /** @return whether the signature is valid for these bytes under {@code key} */
    boolean verifies(PublicKey key, byte[] manifestBytes, Map<String, String> fileHashes) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(statement(manifestBytes, fileHashes));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** @return a short, stable name of a key: the first 16 hex digits of the SHA-256 of its encoding */
    static String keyId(PublicKey key) {
        return BundleIo.sha256Hex(key.getEncoded()).substring(0, 16);
    }

    String keyId() {
        return keyId(publicKey);
    }

    boolean signedBy(PublicKey key) {
        return Arrays.equals(publicKey.getEncoded(), key.getEncoded());
    }

    byte[] toJson() {
        ObjectNode root = ManifestJson.MAPPER.createObjectNode();
        root.put("algorithm", ALGORITHM);
        root.put("keyId", keyId());
        root.put("publicKey", Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        root.put("signature", Base64.getEncoder().encodeToString(signature));
        return ManifestJson.document(root);
    }

    static BundleSignature fromJson(byte[] json, String source) {
        try {
            JsonNode root = ManifestJson.MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw ManifestJson.invalid(source, FILE_NAME + " must hold a JSON object");
            }
            String algorithm = root.path("algorithm").asText("");
            if (!ALGORITHM.equals(algorithm)) {
                throw ManifestJson.invalid(source, FILE_NAME + " field 'algorithm' must be \"" + ALGORITHM
                        + "\", was \"" + algorithm + "\"");
            }
            byte[] encodedKey = base64(root, "publicKey", source);
            PublicKey key;
            try {
                key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encodedKey));
            } catch (GeneralSecurityException e) {
                throw ManifestJson.invalid(source, FILE_NAME + " field 'publicKey' is not an Ed25519 public key ("
                        + e.getMessage() + ")");
            }
            return new BundleSignature(key, base64(root, "signature", source));
        } catch (IOException e) {
            throw ManifestJson.invalid(source, FILE_NAME + " is not valid JSON: " + e.getMessage());
        }
    }

    private static byte[] base64(JsonNode root, String field, String source) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw ManifestJson.invalid(source, FILE_NAME + " field '" + field + "' must be a base64 string, was "
                    + n);
        }
        try {
            return Base64.getDecoder().decode(n.textValue());
        } catch (IllegalArgumentException e) {
            throw ManifestJson.invalid(source, FILE_NAME + " field '" + field + "' is not valid base64 ("
                    + e.getMessage() + ")");
        }
    }
}
