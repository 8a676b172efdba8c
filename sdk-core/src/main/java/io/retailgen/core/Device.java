package io.retailgen.core;

import java.util.Locale;

/**
 * A compute device: the CPU or one CUDA GPU.
 *
 * <pre>{@code
 * Device gpu = Device.parse("cuda:0");
 * Device cpu = Device.cpu();
 * }</pre>
 *
 * @param type the kind of device
 * @param index the GPU ordinal; always 0 for the CPU
 */
public record Device(Type type, int index) {

    /** Kinds of device. */
    public enum Type {
        /** The host CPU. */
        CPU,
        /** An NVIDIA GPU through CUDA. */
        CUDA
    }

    private static final Device CPU = new Device(Type.CPU, 0);

    /** Validates the device. */
    public Device {
        if (type == null) {
            throw new NullPointerException("type == null");
        }
        if (index < 0) {
            throw new IllegalArgumentException("device index must be >= 0, was " + index);
        }
        if (type == Type.CPU && index != 0) {
            throw new IllegalArgumentException("the CPU device has index 0, was " + index);
        }
    }

    /** @return the CPU device */
    public static Device cpu() {
        return CPU;
    }

    /**
     * @param index the CUDA ordinal
     * @return the CUDA device with that ordinal
     */
    public static Device cuda(int index) {
        return new Device(Type.CUDA, index);
    }

    /**
     * Parses {@code cpu}, {@code cuda}, {@code gpu} or {@code cuda:N}, ignoring case.
     *
     * @param text the device name
     * @return the device
     * @throws IllegalArgumentException when the name is not one of those forms
     */
    public static Device parse(String text) {
        if (text == null) {
            throw new NullPointerException("device == null");
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("cuda") || s.equals("gpu")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:") || s.startsWith("gpu:")) {
            String n = s.substring(s.indexOf(':') + 1);
            try {
                return cuda(Integer.parseInt(n));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad device '" + text + "': expected cpu, cuda or cuda:N", e);
            }
        }
        throw new IllegalArgumentException("bad device '" + text + "': expected cpu, cuda or cuda:N");
    }

    /** @return true for a CUDA device */
    public boolean isGpu() {
        return type == Type.CUDA;
    }

    @Override
    public String toString() {
        return type == Type.CPU ? "cpu" : "cuda:" + index;
    }
}
