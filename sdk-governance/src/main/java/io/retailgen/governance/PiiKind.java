package io.retailgen.governance;

/** The kinds of personal data the content policy redacts. */
public enum PiiKind {
    /** E-mail addresses. */
    EMAIL,
    /** Telephone numbers with international or grouped formatting. */
    PHONE,
    /** Payment-card numbers of 13 to 19 digits that pass the Luhn check. */
    CARD,
    /** Street addresses: a house number, capitalized street name and a street type ("221B Baker Street"). */
    ADDRESS
}
