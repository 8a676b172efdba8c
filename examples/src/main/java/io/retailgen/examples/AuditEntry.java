package io.retailgen.examples;

import java.util.List;
import java.util.Objects;

/**
 * One audit-log record as the samples show it.
 *
 * @param seq the sequence number
 * @param time the ISO-8601 time stamp
 * @param type the record type ({@code generation} or {@code checkpoint})
 * @param verdict the policy verdict ({@code ALLOW}, {@code REDACT}, {@code BLOCK}, {@code ERROR}); empty for
 *     checkpoints
 * @param module the SDK module that generated the output; empty for checkpoints
 * @param operation the operation; empty for checkpoints
 * @param model the model name and version; empty when unknown
 * @param text the text as shown (PII-redacted by the log); empty when none
 * @param rules the rule ids of the findings (an unmodifiable copy)
 */
public record AuditEntry(long seq, String time, String type, String verdict, String module, String operation,
        String model, String text, List<String> rules) {

    /** Validates and copies. */
    public AuditEntry {
        Objects.requireNonNull(time, "time == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(verdict, "verdict == null");
        Objects.requireNonNull(module, "module == null");
        Objects.requireNonNull(operation, "operation == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(text, "text == null");
        rules = List.copyOf(Objects.requireNonNull(rules, "rules == null"));
    }
}
