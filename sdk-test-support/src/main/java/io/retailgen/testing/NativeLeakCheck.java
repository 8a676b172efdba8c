package io.retailgen.testing;

import io.retailgen.core.runtime.OnnxModel;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that fails a test which leaves native inference tensors open.
 *
 * <pre>{@code
 * @ExtendWith(NativeLeakCheck.class)
 * class MyModelTest { ... }
 * }</pre>
 *
 * <p>It compares {@link OnnxModel#openNativeTensors()} before and after each test, so tests of one class must not
 * run concurrently with other inference in the same JVM.
 */
public final class NativeLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NativeLeakCheck.class);

    /** Creates the extension; JUnit calls this. */
    public NativeLeakCheck() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("open", OnnxModel.openNativeTensors());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long before = context.getStore(NS).get("open", Long.class);
        long after = OnnxModel.openNativeTensors();
        if (after != before) {
            throw new AssertionError("test " + context.getDisplayName() + " leaked " + (after - before)
                    + " native tensor(s): " + before + " open before, " + after + " after");
        }
    }
}
