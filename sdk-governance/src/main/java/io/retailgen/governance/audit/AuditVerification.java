package io.retailgen.governance.audit;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link AuditLog#verify}: whether the hash chain and every signed checkpoint are intact.
 *
 * <pre>{@code
 * AuditVerification v = AuditLog.verify(dir, publicKey);
 * if (!v.valid()) {
 *     v.problems().forEach(System.err::println); // "audit-00000001.jsonl:17: hash mismatch (record edited)"
 * }
 * }</pre>
 *
 * @param valid true when no problem was found
 * @param records how many lines were read, checkpoints included
 * @param checkpoints how many signed checkpoints were verified
 * @param unsignedTail how many records follow the last checkpoint (their deletion could not be detected)
 * @param problems what is wrong, each naming the file and line (an unmodifiable copy, empty when valid)
 * @param lastCheckpoint the last checkpoint whose signature verified, as a receipt to keep outside the log
 *     ({@link AuditAnchor#write(java.nio.file.Path)}), or null when there is none
 * @param anchorChecked whether an anchor receipt was checked
 */
public record AuditVerification(boolean valid, long records, long checkpoints, long unsignedTail,
                                List<String> problems, AuditAnchor lastCheckpoint, boolean anchorChecked) {

    /**
     * An outcome without checkpoint details.
     *
     * @param valid true when no problem was found
     * @param records how many lines were read
     * @param checkpoints how many signed checkpoints were verified
     * @param unsignedTail how many records follow the last checkpoint
     * @param problems what is wrong
     */
    public AuditVerification(boolean valid, long records, long checkpoints, long unsignedTail,
                             List<String> problems) {
        this(valid, records, checkpoints, unsignedTail, problems, null, false);
    }

    /** Validates and copies. */
    public AuditVerification {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems == null"));
        if (valid != problems.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no problems");
        }
    }
}
