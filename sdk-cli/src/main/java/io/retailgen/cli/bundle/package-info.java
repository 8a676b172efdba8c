/** {@code retailgen bundle}: verify and sign model bundles. */
package io.retailgen.cli.bundle;
