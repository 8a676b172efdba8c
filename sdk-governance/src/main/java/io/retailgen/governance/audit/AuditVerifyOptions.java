package io.retailgen.governance.audit;

/**
 * What {@link AuditLog#verify(java.nio.file.Path, java.security.PublicKey, AuditVerifyOptions)} accepts beyond an
 * intact chain. {@link #strict()} (what the two-argument {@code verify} uses) fails a log with no signed checkpoint,
 * with records after its last checkpoint, or with a torn last line: the deletion of unsigned records cannot be
 * detected, so a log is only proven whole up to a signed checkpoint.
 *
 * <pre>{@code
 * // a log that is still being written: its newest records are not signed yet
 * AuditVerification v = AuditLog.verify(dir, publicKey, AuditVerifyOptions.strict().allowingUnsignedTail());
 * }</pre>
 *
 * @param allowUnsignedTail accept records after the last checkpoint, a log with no checkpoint yet and a torn last
 *     line (each still counted in {@link AuditVerification#unsignedTail()})
 * @param anchor a receipt kept outside the log that the log must still contain, or null
 */
public record AuditVerifyOptions(boolean allowUnsignedTail, AuditAnchor anchor) {

    /** @return no unsigned records, no anchor */
    public static AuditVerifyOptions strict() {
        return new AuditVerifyOptions(false, null);
    }

    /** @return these options, accepting records after the last checkpoint */
    public AuditVerifyOptions allowingUnsignedTail() {
        return new AuditVerifyOptions(true, anchor);
    }

    /**
     * @param receipt the receipt the log must still contain, or null for none
     * @return these options with the anchor
     */
    public AuditVerifyOptions withAnchor(AuditAnchor receipt) {
        return new AuditVerifyOptions(allowUnsignedTail, receipt);
    }
}
