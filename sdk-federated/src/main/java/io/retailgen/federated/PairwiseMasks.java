package io.retailgen.federated;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pairwise additive masks of secure aggregation (Bonawitz et al. 2017, "Practical Secure Aggregation for
 * Privacy-Preserving Machine Learning", CCS): each pair of stores agrees a seed by X25519 key agreement (the JDK's
 * {@code KeyAgreement "X25519"}, RFC 7748) on fresh keys of the round; the seed expands to a mask with AES-128 in
 * counter mode; the store with the smaller id adds the mask, the other subtracts it, so the masks cancel in the sum
 * and the coordinator learns nothing from one masked update.
 */
final class PairwiseMasks {

    private PairwiseMasks() {
    }

    /** @return a fresh X25519 key pair */
    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks X25519 key agreement", e);
        }
    }

    /** @return the public key as X.509 bytes */
    static byte[] encode(PublicKey key) {
        return key.getEncoded();
    }

    /**
     * The seed two stores share in a round: SHA-256 over the X25519 secret, the round and both ids (smaller first).
     */
    static byte[] seed(KeyPair mine, byte[] theirPublicKey, int round, String idA, String idB) {
        try {
            PublicKey theirs = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(theirPublicKey));
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(mine.getPrivate());
            ka.doPhase(theirs, true);
            byte[] secret = ka.generateSecret();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(secret);
            md.update(ByteBuffer.allocate(4).putInt(round).array());
            String lo = idA.compareTo(idB) < 0 ? idA : idB;
            String hi = idA.compareTo(idB) < 0 ? idB : idA;
            md.update((lo + "\u0000" + hi).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot agree a mask seed with a public key of " + theirPublicKey.length
                    + " bytes: " + e.getMessage(), e);
        }
    }

    /** Adds ({@code sign} = 1) or subtracts ({@code -1}) the mask expanded from {@code seed}, in place. */
    static void apply(long[] values, byte[] seed, int sign) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, 0, 16, "AES"), new IvParameterSpec(seed, 16, 16));
            byte[] stream = aes.doFinal(new byte[values.length * 8]);
            ByteBuffer b = ByteBuffer.wrap(stream);
            for (int i = 0; i < values.length; i++) {
                values[i] += sign * b.getLong();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is missing from the JDK", e);
        }
    }

    /** @return +1 when {@code me} adds the mask it shares with {@code other}, -1 when it subtracts it */
    static int sign(String me, String other) {
        return me.compareTo(other) < 0 ? 1 : -1;
    }
}
