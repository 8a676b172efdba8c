package io.retailgen.core.runtime;

import io.retailgen.core.Device;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.spi.InferenceBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds inference backends with {@link ServiceLoader} and chooses one.
 *
 * <p>The choice, in order: an explicit name (builder option), then the system property {@value #PROPERTY}, then the
 * environment variable {@value #ENVIRONMENT}, then the requested device, then the available backend of highest
 * priority. An unknown name fails and lists the known ones. A GPU backend or device that is asked for but unavailable
 * falls back to the CPU with one WARN line per reason, or fails with {@link ErrorCode#BACKEND_UNAVAILABLE} in strict
 * mode. The name {@code auto} means "no explicit choice".
 *
 * <pre>{@code
 * BackendSelection s = InferenceBackends.select(null, Device.cuda(0), false);
 * // onnxruntime-cuda on cuda:0, or onnxruntime-cpu on cpu with a WARN when CUDA is missing
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class InferenceBackends {
    /** System property naming the backend. */
    public static final String PROPERTY = "retailgen.backend";
    /** Environment variable naming the backend. */
    public static final String ENVIRONMENT = "RETAILGEN_BACKEND";

    private static final Logger LOG = LoggerFactory.getLogger(InferenceBackends.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private InferenceBackends() {
    }

    /** @return every backend on the classpath, highest priority first */
    public static List<InferenceBackend> all() {
        List<InferenceBackend> list = new ArrayList<>();
        for (InferenceBackend b : ServiceLoader.load(InferenceBackend.class, InferenceBackends.class.getClassLoader())) {
            list.add(b);
        }
        list.sort(Comparator.comparingInt(InferenceBackend::priority).reversed()
                .thenComparing(InferenceBackend::name));
        return List.copyOf(list);
    }

    /**
     * @param name a backend name
     * @return the backend of that name
     * @throws IllegalArgumentException when no backend has that name; the message lists the known ones
     */
    public static InferenceBackend find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<InferenceBackend> all = all();
        for (InferenceBackend b : all) {
            if (b.name().equals(wanted)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown inference backend '" + name + "'; known backends: "
                + all.stream().map(InferenceBackend::name).toList() + " (or 'auto')");
    }

    /**
     * Chooses a backend, reading the system property and environment variable of this process.
     *
     * @param explicitName a backend name from a builder option, or null
     * @param device the requested device, or null for any
     * @param strict whether an unavailable GPU is an error instead of a fallback to the CPU
     * @return the selection
     */
    public static BackendSelection select(String explicitName, Device device, boolean strict) {
        return select(explicitName, device, strict, System::getProperty, System::getenv);
    }

    static BackendSelection select(String explicitName, Device device, boolean strict,
            UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String name = blankToNull(explicitName);
        BackendSelection.Source source = BackendSelection.Source.BUILDER;
        if (name == null) {
            name = blankToNull(properties.apply(PROPERTY));
            source = BackendSelection.Source.SYSTEM_PROPERTY;
        }
        if (name == null) {
            name = blankToNull(environment.apply(ENVIRONMENT));
            source = BackendSelection.Source.ENVIRONMENT;
        }
        if (name != null && name.equalsIgnoreCase("auto")) {
            name = null;
        }
        if (name == null) {
            return chooseByDevice(device, strict);
        }
        InferenceBackend backend = find(name);
        if (device != null && device.type() != backend.deviceType()) {
            throw new IllegalArgumentException("backend " + backend.name() + " (from " + describe(source)
                    + ") runs on " + backend.deviceType() + " but device " + device + " was requested");
        }
        if (backend.isAvailable()) {
            return new BackendSelection(backend, deviceFor(backend, device), source, "");
        }
        return fallBack(backend.name() + " is not available: " + backend.unavailableReason(), backend.deviceType(),
                strict, source);
    }

    private static BackendSelection chooseByDevice(Device device, boolean strict) {
        List<InferenceBackend> all = all();
        for (InferenceBackend b : all) {
            if ((device == null || b.deviceType() == device.type()) && b.isAvailable()) {
                return new BackendSelection(b, deviceFor(b, device), BackendSelection.Source.AUTO, "");
            }
        }
        if (device != null && device.isGpu()) {
            String why = all.stream().filter(b -> b.deviceType() == Device.Type.CUDA)
                    .map(b -> b.name() + ": " + b.unavailableReason()).findFirst()
                    .orElse("no CUDA backend on the classpath; add com.microsoft.onnxruntime:onnxruntime_gpu");
            return fallBack(device + " was requested but " + why, Device.Type.CUDA, strict,
                    BackendSelection.Source.AUTO);
        }
        throw new RetailGenException(ErrorCode.BACKEND_UNAVAILABLE, "no inference backend is available for "
                + (device == null ? "any device" : device) + "; found " + describeAll(all));
    }

    private static BackendSelection fallBack(String why, Device.Type wanted, boolean strict,
            BackendSelection.Source source) {
        if (wanted != Device.Type.CUDA || strict) {
            throw new RetailGenException(ErrorCode.BACKEND_UNAVAILABLE, why
                    + (strict ? " (strict mode: no fallback to the CPU)" : ""));
        }
        for (InferenceBackend b : all()) {
            if (b.deviceType() == Device.Type.CPU && b.isAvailable()) {
                if (WARNED.add(why)) {
                    LOG.warn("{}; falling back to {} on the CPU", why, b.name());
                }
                return new BackendSelection(b, Device.cpu(), source, why);
            }
        }
        throw new RetailGenException(ErrorCode.BACKEND_UNAVAILABLE, why + ", and no CPU backend is available either");
    }

    private static Device deviceFor(InferenceBackend b, Device requested) {
        if (b.deviceType() == Device.Type.CPU) {
            return Device.cpu();
        }
        return requested != null ? requested : Device.cuda(0);
    }

    private static String describe(BackendSelection.Source source) {
        return switch (source) {
            case BUILDER -> "the builder";
            case SYSTEM_PROPERTY -> "system property " + PROPERTY;
            case ENVIRONMENT -> "environment variable " + ENVIRONMENT;
            case AUTO -> "automatic choice";
        };
    }

    private static String describeAll(List<InferenceBackend> all) {
        if (all.isEmpty()) {
            return "no backends on the classpath (add com.microsoft.onnxruntime:onnxruntime)";
        }
        List<String> parts = new ArrayList<>();
        for (InferenceBackend b : all) {
            parts.add(b.name() + (b.isAvailable() ? " (available)" : " (unavailable: " + b.unavailableReason() + ")"));
        }
        return String.join(", ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
