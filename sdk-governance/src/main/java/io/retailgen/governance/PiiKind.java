package io.retailgen.governance;

/** The kinds of personal data the content policy redacts. */
public enum PiiKind {
    /** E-mail addresses, also spelled out ({@code name dot surname at domain dot com}, {@code [at]}). */
    EMAIL,
    /**
     * Telephone numbers of every region (validated with libphonenumber): international forms, national forms
     * written like phone numbers or announced by a word such as "call", and numbers spelled as digit words.
     */
    PHONE,
    /** Payment-card numbers of 13 to 19 digits that pass the Luhn check, of any issuer (test ranges too). */
    CARD,
    /** International bank account numbers with a valid mod-97 checksum and their country's length. */
    IBAN,
    /**
     * Street addresses: US and UK forms ("221B Baker Street"), continental forms ("Hauptstraße 5", "12 rue de
     * Rivoli", "Via Roma 25") and UK postcodes ("SW1A 2AA").
     */
    ADDRESS
}
