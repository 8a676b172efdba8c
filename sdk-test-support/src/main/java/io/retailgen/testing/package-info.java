/** Fixtures shared by the tests of every RetailGen SDK module. Test scope only. */
package io.retailgen.testing;
