package io.retailgen.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeysTest {

    @Test
    void keysRoundTripThroughPemFilesAndSignTheLog(@TempDir Path dir) {
        KeyPair keys = AuditLog.generateKeyPair();
        Path priv = dir.resolve("keys/audit.key");
        Path pub = dir.resolve("keys/audit.pub");
        AuditKeys.write(keys, priv, pub);
        KeyPair read = AuditKeys.readKeyPair(priv);
        assertThat(read.getPrivate().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(AuditKeys.readPublicKey(pub).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(AuditKeys.readPublicKey(priv).getEncoded()).isEqualTo(keys.getPublic().getEncoded());

        Path log = dir.resolve("log");
        try (AuditLog l = AuditLog.builder().directory(log).signingKey(read).build()) {
            l.append("t", Map.of("k", "v"));
        }
        assertThat(AuditLog.verify(log, AuditKeys.readPublicKey(pub)).valid()).isTrue();
        assertThat(AuditLog.verify(log, AuditLog.generateKeyPair().getPublic()).valid()).isFalse();

        assertThatThrownBy(() -> AuditKeys.write(keys, priv, dir.resolve("other.pub")))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("already exists");
    }

    /** Makes an Ed25519 PKCS#12 store with the JDK's keytool, as an operator would. */
    static Path keytoolStore(Path dir, String alias, String password) throws Exception {
        Path store = dir.resolve("audit.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "Ed25519", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-alias", alias, "-dname", "CN=audit", "-validity", "30")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return store;
    }

    @Test
    void aPkcs12KeyStoreMadeByKeytoolSignsTheLog(@TempDir Path dir) throws Exception {
        Path store = keytoolStore(dir, "audit", "store-pass-1");
        KeyPair keys = AuditKeys.readKeyStore(store, null, "store-pass-1".toCharArray());
        assertThat(AuditKeys.readKeyStore(store, "audit", "store-pass-1".toCharArray()).getPublic().getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
        Path log = dir.resolve("log");
        try (AuditLog l = AuditLog.builder().directory(log).signingKey(keys).build()) {
            l.append("t", Map.of("k", "v"));
        }
        assertThat(AuditLog.verify(log, keys.getPublic()).valid()).isTrue();
        assertThatThrownBy(() -> AuditKeys.readKeyStore(store, null, "wrong".toCharArray()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("audit.p12")
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> AuditKeys.readKeyStore(store, "other", "store-pass-1".toCharArray()))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("'other'");
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.pub");
        Files.writeString(f, "hello");
        assertThatThrownBy(() -> AuditKeys.readPublicKey(f)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("bad.pub").hasMessageContaining("BEGIN PUBLIC KEY");
        Files.writeString(f, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> AuditKeys.readPublicKey(f)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> AuditKeys.readKeyPair(dir.resolve("missing.key")))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("missing.key");
    }
}
