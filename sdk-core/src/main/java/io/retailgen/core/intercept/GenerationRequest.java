package io.retailgen.core.intercept;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A generated output on its way to the caller, as seen by {@link Interceptor}s: what produced it, for whom, and the
 * output itself (text, image bytes or a reference to stored media). Immutable; interceptors that rewrite the request
 * build a new one with {@link #toBuilder()} or {@link #withText(String)}.
 *
 * <pre>{@code
 * GenerationRequest request = GenerationRequest.builder()
 *         .module("recommend").operation("explanation")
 *         .text("Because you viewed trail shoes")
 *         .locale(Locale.UK).principal("user-42")
 *         .model("session-gru", "3")
 *         .build();
 * }</pre>
 *
 * <p>Equality compares the image bytes by content.
 *
 * @param module the SDK module that generated the output, such as {@code "recommend"}; not blank
 * @param operation the operation within the module, such as {@code "explanation"}; not blank
 * @param requestId an identifier for correlating logs and audit records; not blank
 * @param text the generated text, or null when the output has no text
 * @param image the generated image bytes (a copy), or null
 * @param mediaRef a reference to stored media (a URI or storage key), or null
 * @param locale the locale the output is meant for
 * @param attributes free-form string attributes (an unmodifiable copy in insertion order)
 * @param modelName the name of the model that produced the output, or null when unknown
 * @param modelVersion the version of that model, or null; only allowed together with {@code modelName}
 * @param principal the user or service the output is for (for access control and audit), or null when anonymous
 */
public record GenerationRequest(
        String module,
        String operation,
        String requestId,
        String text,
        byte[] image,
        String mediaRef,
        Locale locale,
        Map<String, String> attributes,
        String modelName,
        String modelVersion,
        String principal) {

    /**
     * The attribute in which a module may pass the nanoseconds its call spent before the output reached the chain,
     * so that a metrics interceptor can time the whole call (see {@code io.retailgen.core.metrics.ServingMetrics}).
     */
    public static final String ELAPSED_NANOS = "elapsed_nanos";

    /** Validates and copies. */
    public GenerationRequest {
        Finding.requireText(module, "module");
        Finding.requireText(operation, "operation");
        Finding.requireText(requestId, "requestId");
        image = image == null ? null : image.clone();
        Objects.requireNonNull(locale, "locale == null");
        attributes = copyAttributes(attributes);
        if (modelVersion != null && modelName == null) {
            throw new IllegalArgumentException("modelVersion '" + modelVersion + "' given without a modelName");
        }
        if (modelName != null && modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank (use null when unknown)");
        }
    }

    /** @return a builder with a random request id, {@link Locale#ROOT} and no attributes */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding every value of this request */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param newText the replacement text, or null
     * @return a copy of this request with the text replaced
     */
    public GenerationRequest withText(String newText) {
        return toBuilder().text(newText).build();
    }

    /** @return a copy of the image bytes, or null */
    @Override
    public byte[] image() {
        return image == null ? null : image.clone();
    }

    /** @return true when the request carries image bytes or a media reference */
    public boolean hasMedia() {
        return image != null || mediaRef != null;
    }

    /**
     * @param name an attribute name
     * @return the attribute value, or null when absent
     */
    public String attribute(String name) {
        return attributes.get(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenerationRequest r
                && module.equals(r.module)
                && operation.equals(r.operation)
                && requestId.equals(r.requestId)
                && Objects.equals(text, r.text)
                && Arrays.equals(image, r.image)
                && Objects.equals(mediaRef, r.mediaRef)
                && locale.equals(r.locale)
                && attributes.equals(r.attributes)
                && Objects.equals(modelName, r.modelName)
                && Objects.equals(modelVersion, r.modelVersion)
                && Objects.equals(principal, r.principal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(module, operation, requestId, text, Arrays.hashCode(image), mediaRef, locale, attributes,
                modelName, modelVersion, principal);
    }

    /** @return a summary that leaves out the text and image content (they may be long or sensitive) */
    @Override
    public String toString() {
        return "GenerationRequest[" + module + "/" + operation + " id=" + requestId
                + (text == null ? "" : " text=" + text.length() + " chars")
                + (image == null ? "" : " image=" + image.length + " bytes")
                + (mediaRef == null ? "" : " mediaRef=" + mediaRef)
                + " locale=" + locale.toLanguageTag()
                + (modelName == null ? "" : " model=" + modelName + (modelVersion == null ? "" : ":" + modelVersion))
                + (principal == null ? "" : " principal=" + principal)
                + (attributes.isEmpty() ? "" : " attributes=" + attributes.keySet())
                + "]";
    }

    static Map<String, String> copyAttributes(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            Objects.requireNonNull(k, "attribute name == null");
            copy.put(k, Objects.requireNonNull(v, () -> "attribute '" + k + "' has a null value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a {@link GenerationRequest}; setters validate at once. Not thread-safe. */
    public static final class Builder {
        private String module;
        private String operation;
        private String requestId;
        private String text;
        private byte[] image;
        private String mediaRef;
        private Locale locale = Locale.ROOT;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String modelName;
        private String modelVersion;
        private String principal;

        Builder() {
            this.requestId = UUID.randomUUID().toString();
        }

        Builder(GenerationRequest r) {
            module = r.module;
            operation = r.operation;
            requestId = r.requestId;
            text = r.text;
            image = r.image;
            mediaRef = r.mediaRef;
            locale = r.locale;
            attributes.putAll(r.attributes);
            modelName = r.modelName;
            modelVersion = r.modelVersion;
            principal = r.principal;
        }

        /**
         * @param module the SDK module, such as {@code "recommend"}
         * @return this builder
         */
        public Builder module(String module) {
            Finding.requireText(module, "module");
            this.module = module;
            return this;
        }

        /**
         * @param operation the operation, such as {@code "explanation"}
         * @return this builder
         */
        public Builder operation(String operation) {
            Finding.requireText(operation, "operation");
            this.operation = operation;
            return this;
        }

        /**
         * @param requestId the correlation id (a random UUID by default)
         * @return this builder
         */
        public Builder requestId(String requestId) {
            Finding.requireText(requestId, "requestId");
            this.requestId = requestId;
            return this;
        }

        /**
         * @param text the generated text, or null
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * @param image the generated image bytes (copied), or null
         * @return this builder
         */
        public Builder image(byte[] image) {
            this.image = image == null ? null : image.clone();
            return this;
        }

        /**
         * @param mediaRef a reference to stored media, or null
         * @return this builder
         */
        public Builder mediaRef(String mediaRef) {
            this.mediaRef = mediaRef;
            return this;
        }

        /**
         * @param locale the locale the output is for ({@link Locale#ROOT} by default)
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale == null");
            return this;
        }

        /**
         * @param name attribute name
         * @param value attribute value
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            Objects.requireNonNull(name, "attribute name == null");
            attributes.put(name, Objects.requireNonNull(value, () -> "attribute '" + name + "' has a null value"));
            return this;
        }

        /**
         * @param all attributes to add (replacing values of equal names)
         * @return this builder
         */
        public Builder attributes(Map<String, String> all) {
            Objects.requireNonNull(all, "attributes == null");
            all.forEach(this::attribute);
            return this;
        }

        /**
         * @param name the model name, or null when unknown
         * @param version the model version, or null
         * @return this builder
         */
        public Builder model(String name, String version) {
            if (version != null && name == null) {
                throw new IllegalArgumentException("model version '" + version + "' given without a model name");
            }
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("model name must not be blank (use null when unknown)");
            }
            this.modelName = name;
            this.modelVersion = version;
            return this;
        }

        /**
         * @param principal the user or service the output is for, or null
         * @return this builder
         */
        public Builder principal(String principal) {
            this.principal = principal;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException when the module or operation was not set
         */
        public GenerationRequest build() {
            if (module == null || operation == null) {
                throw new IllegalStateException("missing " + (module == null ? "module" : "")
                        + (module == null && operation == null ? " and " : "")
                        + (operation == null ? "operation" : "") + ": call module(...) and operation(...)");
            }
            return new GenerationRequest(module, operation, requestId, text, image, mediaRef, locale, attributes,
                    modelName, modelVersion, principal);
        }
    }
}
