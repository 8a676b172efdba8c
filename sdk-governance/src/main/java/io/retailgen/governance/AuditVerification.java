package io.retailgen.governance;

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
 */
public record AuditVerification(boolean valid, long records, long checkpoints, long unsignedTail,
                                List<String> problems) {

    /** Validates and copies. */
    public AuditVerification {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems == null"));
        if (valid != problems.isEmpty()) {
            throw new IllegalArgumentException("valid must be true exactly when there are no problems");
        }
    }
}
