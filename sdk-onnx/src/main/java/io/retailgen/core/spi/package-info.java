/**
 * Service-provider interface for inference backends. Most users never touch it: {@link
 * io.retailgen.core.runtime.OnnxModel} picks a backend for them.
 */
package io.retailgen.core.spi;
