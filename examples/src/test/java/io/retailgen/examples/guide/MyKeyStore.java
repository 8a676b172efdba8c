package io.retailgen.examples.guide;

import java.security.KeyPair;

/** The application's key store, as the guide's Spring snippet assumes one; how keys are kept is the host's choice. */
public interface MyKeyStore {

    /**
     * @param alias the key's name in the store
     * @return the Ed25519 key pair stored under {@code alias}
     */
    static KeyPair loadEd25519(String alias) {
        throw new UnsupportedOperationException("the host application provides its key store; no key named " + alias);
    }
}
