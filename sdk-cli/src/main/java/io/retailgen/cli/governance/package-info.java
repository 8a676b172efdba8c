/**
 * The {@code retailgen governance} and {@code retailgen audit} commands: content-policy scans of text, and
 * verification and key generation for the tamper-evident audit log of {@code sdk-governance}.
 */
package io.retailgen.cli.governance;
