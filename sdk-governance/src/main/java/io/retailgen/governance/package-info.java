/**
 * The content policy: a verdict ({@code ALLOW}, {@code REDACT}, {@code REVIEW}, {@code BLOCK}) and located findings
 * for any generated text, covering profanity, misleading claims, counterfeit offers and personal data. Start with
 * {@link io.retailgen.governance.ContentPolicy} (the shipped defaults, a policy file or a builder), read its
 * {@link io.retailgen.governance.PolicyResult}, pick a {@link io.retailgen.governance.PolicyProfile}, and put it on
 * a generation chain with {@link io.retailgen.governance.PolicyInterceptor}; measure a policy against labelled cases
 * with {@link io.retailgen.governance.PolicyEvaluation}. The detectors, normalizers and word lists behind it are
 * package-private. The audit log, access control, differential privacy, reports and image safeguards live in the
 * sub-packages {@code audit}, {@code access}, {@code privacy}, {@code reports} and {@code image}.
 */
package io.retailgen.governance;
