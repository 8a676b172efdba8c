/**
 * Small helpers that several modules need in exactly the same form: {@link io.retailgen.core.util.Shuffle}, the one
 * Fisher-Yates shuffle behind every seeded training order, and {@link io.retailgen.core.util.JsonText}, writing JSON
 * text without a checked exception. Nothing here depends on a domain module.
 */
package io.retailgen.core.util;
