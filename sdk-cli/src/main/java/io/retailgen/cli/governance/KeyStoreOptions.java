package io.retailgen.cli.governance;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.governance.audit.AuditKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options for a signing key held in a PKCS#12 key store ({@code --signing-key audit.p12}): the entry's alias and
 * a file holding the password, so that the password never appears on a command line or in a process list.
 */
final class KeyStoreOptions {

    @Option(names = "--key-store-password-file", paramLabel = "FILE", description = "For a PKCS#12 --signing-key "
            + "(.p12, .pfx): the file whose first line is the store's password.")
    Path passwordFile;

    @Option(names = "--key-alias", paramLabel = "ALIAS", description = "For a PKCS#12 --signing-key: the key entry "
            + "(default: the store's only key entry).")
    String alias;

    boolean isKeyStore(Path keyFile) {
        String n = keyFile.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".p12") || n.endsWith(".pfx");
    }

    KeyPair read(Path store, CommandLine cl) {
        if (passwordFile == null) {
            throw new CommandLine.ParameterException(cl, "--signing-key " + store + " is a PKCS#12 key store: "
                    + "give its password with --key-store-password-file FILE");
        }
        char[] password;
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            password = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "").toCharArray();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read --key-store-password-file " + passwordFile
                    + ": " + e.getMessage(), e);
        }
        try {
            return AuditKeys.readKeyStore(store, alias, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
