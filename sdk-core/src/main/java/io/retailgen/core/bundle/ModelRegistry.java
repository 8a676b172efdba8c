package io.retailgen.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A versioned store of {@link ModelBundle}s in a directory, with a "current" version per model name that can be
 * pinned and rolled back.
 *
 * <pre>{@code
 * ModelRegistry registry = ModelRegistry.open(Path.of("/var/retailgen/models"));
 * registry.publish(bundle);                       // stored under <root>/storefront-recs/3/
 * String serving = registry.resolve("storefront-recs");   // "3": the latest, unless a version is pinned
 * registry.rollback("storefront-recs");            // back to the previous current version, now pinned
 * registry.unpin("storefront-recs");               // follow the latest published version again
 * ModelBundle current = registry.load("storefront-recs");
 * }</pre>
 *
 * <p><b>Layout.</b> {@code <root>/<name>/<version>/} holds each published bundle as a bundle directory;
 * {@code <root>/<name>/registry.json} records the published versions in publish order, the pinned version and the
 * history of current versions (the last {@value #HISTORY_LIMIT}). Both are written atomically (temporary sibling,
 * fsync, atomic rename), so a reader never sees a partial bundle or a partial {@code registry.json}. Published
 * versions are never overwritten.
 *
 * <p><b>Current version.</b> {@link #resolve} returns the pinned version when one is pinned, else the latest
 * published. Every change of the current version (publish while unpinned, {@link #pin}, {@link #unpin},
 * {@link #rollback}) is appended to the history; {@link #rollback} drops the newest history entry and pins the one
 * before it, so repeated rollbacks walk further back, and a later publish does not silently move a rolled-back model
 * forward until {@link #unpin} is called.
 *
 * <p><b>Thread-safety.</b> An instance is safe for concurrent use, and all instances opened on the same root in one
 * JVM share one lock. Changes also take an OS file lock on {@code <root>/.lock}, so several processes on one machine
 * may publish to the same root; readers take no lock and rely on the atomic renames. On network file systems
 * (NFS, SMB) file locks and atomic renames may not hold: let a single process write to such a registry.
 *
 * <p>Errors about unknown names or versions, or versions already published, are
 * {@link RetailGenException}s with {@link ErrorCode#REGISTRY} that list what exists.
 */
public final class ModelRegistry {

    /** How many entries of current-version history each model keeps. */
    public static final int HISTORY_LIMIT = 100;

    static final String STATE_FILE = "registry.json";
    private static final String LOCK_FILE = ".lock";
    private static final int STATE_FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final BundleLoadOptions options;
    private final ReentrantLock lock;

    private ModelRegistry(Path root, BundleLoadOptions options) {
        this.root = root;
        this.options = options;
        this.lock = LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    }

    /**
     * Opens the registry in {@code root}, creating the directory if it does not exist.
     *
     * @param root the registry directory
     * @return the registry
     * @throws RetailGenException with {@link ErrorCode#IO} when the directory cannot be created or is a file
     */
    public static ModelRegistry open(Path root) {
        return open(root, BundleLoadOptions.defaults());
    }

    /**
     * Opens the registry in {@code root} with the rules every {@link #load} applies: trusted signing keys, whether
     * unsigned bundles are refused, and size limits. A registry that requires signatures also refuses to publish an
     * unsigned bundle or one signed by an untrusted key, so that its current version always loads.
     *
     * <pre>{@code
     * ModelRegistry registry = ModelRegistry.open(Path.of("/var/retailgen/models"),
     *         BundleLoadOptions.builder().trust(modelsPublicKey).build());
     * registry.publish(bundle.sign(modelsKeyPair));
     * }</pre>
     *
     * @param root the registry directory
     * @param options how bundles are checked when loaded
     * @return the registry
     * @throws RetailGenException with {@link ErrorCode#IO} when the directory cannot be created or is a file
     */
    public static ModelRegistry open(Path root, BundleLoadOptions options) {
        Objects.requireNonNull(root, "root == null");
        Objects.requireNonNull(options, "options == null");
        try {
            Files.createDirectories(root);
            return new ModelRegistry(root.toRealPath(), options);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot open model registry at " + root + ": " + e, e);
        }
    }

    /** @return the registry's root directory (a real, absolute path) */
    public Path root() {
        return root;
    }

    /** @return the rules that {@link #load} applies to every bundle */
    public BundleLoadOptions options() {
        return options;
    }

    /**
     * Stores {@code bundle} under {@code <root>/<name>/<version>/}. When the model is not pinned, the new version
     * becomes its current version.
     *
     * @param bundle the bundle; its manifest's name and version decide where it goes
     * @return the directory the bundle was written to
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when that version is already published, or
     *     {@link ErrorCode#IO} when writing fails
     */
    public Path publish(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle == null");
        String name = bundle.manifest().name();
        String version = bundle.manifest().version();
        checkSigner(bundle);
        return mutate(() -> {
            State state = readState(name).orElseGet(() -> new State(name));
            Path dir = versionDir(name, version);
            if (state.indexOf(version) >= 0) {
                throw new RetailGenException(ErrorCode.REGISTRY, "model '" + name + "' version '" + version
                        + "' is already published in " + root + " (published versions: " + state.versionNames()
                        + "); publish it under a new version");
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new RetailGenException(ErrorCode.REGISTRY, "cannot publish model '" + name + "' version '"
                        + version + "': " + dir + " exists but is not registered (left by an interrupted publish?);"
                        + " delete it and publish again");
            }
            BundleIo.createDirectoryAtomically(dir, bundle::writeInto);
            state.versions.add(new Published(version, bundle.manifest().kind(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            if (state.pinned == null) {
                state.pushHistory(version);
            }
            writeState(state);
            LOG.info("published model {} version {} to {}", name, version, dir);
            return dir;
        });
    }

    /**
     * @return the names of all models with at least one published version, sorted
     * @throws RetailGenException with {@link ErrorCode#IO} when the root cannot be listed
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                String n = d.getFileName().toString();
                if (BundleIo.SAFE_NAME.matcher(n).matches() && Files.isRegularFile(d.resolve(STATE_FILE))) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot list model registry " + root + ": " + e, e);
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /**
     * @param name a model name
     * @return its published versions, oldest publish first
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists
     */
    public List<String> list(String name) {
        return state(name).versionNames();
    }

    /**
     * @param name a model name
     * @return the version to serve: the pinned one if any, else the latest published
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists
     */
    public String resolve(String name) {
        return state(name).current();
    }

    /**
     * @param name a model name
     * @return the pinned version, or empty when the model follows its latest published version
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists
     */
    public Optional<String> pinned(String name) {
        return Optional.ofNullable(state(name).pinned);
    }

    /**
     * @param name a model name
     * @return the versions that have been current, oldest first; the last is {@link #resolve(String)}
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists
     */
    public List<String> history(String name) {
        return List.copyOf(state(name).history);
    }

    /**
     * Makes {@code version} the current version of {@code name} until {@link #unpin} or another pin.
     *
     * @param name a model name
     * @param version a published version of it
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when the model or version does not exist
     */
    public void pin(String name, String version) {
        Objects.requireNonNull(version, "version == null");
        mutate(() -> {
            State state = state(name);
            if (state.indexOf(version) < 0) {
                throw unknownVersion(state, version);
            }
            state.pinned = version;
            state.pushHistory(version);
            writeState(state);
            LOG.info("pinned model {} to version {}", name, version);
            return null;
        });
    }

    /**
     * Removes the pin of {@code name}, so that it follows its latest published version again. Does nothing when it
     * is not pinned.
     *
     * @param name a model name
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists
     */
    public void unpin(String name) {
        mutate(() -> {
            State state = state(name);
            if (state.pinned != null) {
                state.pinned = null;
                state.pushHistory(state.latest());
                writeState(state);
                LOG.info("unpinned model {}; it now follows the latest version {}", name, state.latest());
            }
            return null;
        });
    }

    /**
     * Moves the current version of {@code name} back to the version that was current before it, and pins it there.
     *
     * @param name a model name
     * @return the version that is now current
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when no such model exists or its history holds no
     *     earlier version
     */
    public String rollback(String name) {
        return mutate(() -> {
            State state = state(name);
            if (state.history.size() < 2) {
                throw new RetailGenException(ErrorCode.REGISTRY, "cannot roll back model '" + name
                        + "': no earlier current version in its history " + state.history
                        + " (published versions: " + state.versionNames() + "); use pin(name, version) instead");
            }
            String from = state.history.remove(state.history.size() - 1);
            String to = state.history.get(state.history.size() - 1);
            state.pinned = to;
            writeState(state);
            LOG.info("rolled back model {} from version {} to version {} (pinned)", name, from, to);
            return to;
        });
    }

    /**
     * Loads and verifies a published bundle.
     *
     * @param name a model name
     * @param version a published version of it
     * @return the bundle
     * @throws RetailGenException with {@link ErrorCode#REGISTRY} when the model or version does not exist, or
     *     {@link ErrorCode#INVALID_BUNDLE} when the stored bundle is corrupt or belongs to another name or version
     */
    public ModelBundle load(String name, String version) {
        Objects.requireNonNull(version, "version == null");
        State state = state(name);
        if (state.indexOf(version) < 0) {
            throw unknownVersion(state, version);
        }
        Path dir = versionDir(name, version);
        ModelBundle bundle = ModelBundle.load(dir, options);
        BundleManifest m = bundle.manifest();
        if (!m.name().equals(name) || !m.version().equals(version)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "invalid model bundle " + dir + ": it holds "
                    + m.name() + ":" + m.version() + " but is stored as " + name + ":" + version);
        }
        return bundle;
    }

    /**
     * Loads the current version of {@code name} ({@link #resolve(String)}).
     *
     * @param name a model name
     * @return the bundle
     * @throws RetailGenException as {@link #load(String, String)}
     */
    public ModelBundle load(String name) {
        return load(name, resolve(name));
    }

    @Override
    public String toString() {
        return "ModelRegistry[" + root + "]";
    }

    private void checkSigner(ModelBundle bundle) {
        String what = "cannot publish model '" + bundle.manifest().name() + "' version '" + bundle.manifest().version()
                + "' to " + root + ": ";
        if (options.requireSignature() && !bundle.isSigned()) {
            throw new RetailGenException(ErrorCode.REGISTRY, what + "this registry requires signed bundles; sign it"
                    + " with ModelBundle.sign(keys) first");
        }
        PublicKey signer = bundle.signer().orElse(null);
        if (signer != null && !options.trustedKeys().isEmpty() && options.trustedKeys().stream()
                .noneMatch(k -> Arrays.equals(k.getEncoded(), signer.getEncoded()))) {
            throw new RetailGenException(ErrorCode.REGISTRY, what + "it is signed by key "
                    + bundle.signerKeyId().orElseThrow() + ", which this registry does not trust");
        }
    }

    private Path versionDir(String name, String version) {
        return root.resolve(name).resolve(version);
    }

    private RetailGenException unknownVersion(State state, String version) {
        return new RetailGenException(ErrorCode.REGISTRY, "model '" + state.name + "' has no version '" + version
                + "' in " + root + "; published versions: " + state.versionNames());
    }

    private State state(String name) {
        Objects.requireNonNull(name, "name == null");
        Optional<State> s = BundleIo.SAFE_NAME.matcher(name).matches() ? readState(name) : Optional.empty();
        return s.orElseThrow(() -> new RetailGenException(ErrorCode.REGISTRY, "no model named '" + name
                + "' in registry " + root + "; it holds " + (names().isEmpty() ? "no models" : names())));
    }

    private <T> T mutate(Supplier<T> action) {
        lock.lock();
        try (FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock fileLock = ch.lock();
            try {
                return action.get();
            } finally {
                fileLock.release();
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot lock model registry " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    private Optional<State> readState(String name) {
        Path file = root.resolve(name).resolve(STATE_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read " + file + ": " + e, e);
        }
        try {
            JsonNode n = ManifestJson.MAPPER.readTree(bytes);
            int fv = n.path("formatVersion").asInt(-1);
            if (fv > STATE_FORMAT_VERSION) {
                throw corrupt(file, "its format version " + fv + " is newer than this SDK supports ("
                        + STATE_FORMAT_VERSION + "); upgrade the SDK");
            }
            if (fv < 1) {
                throw corrupt(file, "field 'formatVersion' is missing or invalid");
            }
            State state = new State(name);
            for (JsonNode v : n.path("versions")) {
                state.versions.add(new Published(v.path("version").asText(), v.path("kind").asText(),
                        Instant.parse(v.path("published").asText())));
            }
            for (JsonNode h : n.path("history")) {
                state.history.add(h.asText());
            }
            JsonNode pinned = n.path("pinned");
            state.pinned = pinned.isTextual() ? pinned.textValue() : null;
            if (state.versions.isEmpty()) {
                throw corrupt(file, "it lists no published versions");
            }
            if (state.pinned != null && state.indexOf(state.pinned) < 0) {
                throw corrupt(file, "pinned version '" + state.pinned + "' is not published");
            }
            return Optional.of(state);
        } catch (IOException | DateTimeParseException e) {
            throw corrupt(file, e.getMessage());
        }
    }

    private static RetailGenException corrupt(Path file, String detail) {
        return new RetailGenException(ErrorCode.REGISTRY, "registry file " + file + " is invalid: " + detail);
    }

    private void writeState(State state) {
        ObjectNode n = ManifestJson.MAPPER.createObjectNode();
        n.put("formatVersion", STATE_FORMAT_VERSION);
        n.put("name", state.name);
        if (state.pinned == null) {
            n.putNull("pinned");
        } else {
            n.put("pinned", state.pinned);
        }
        ArrayNode versions = n.putArray("versions");
        for (Published p : state.versions) {
            versions.addObject().put("version", p.version()).put("kind", p.kind())
                    .put("published", p.published().toString());
        }
        ArrayNode history = n.putArray("history");
        state.history.forEach(history::add);
        byte[] bytes = ManifestJson.document(n);
        BundleIo.replaceFileAtomically(root.resolve(state.name).resolve(STATE_FILE),
                temp -> BundleIo.writeSynced(temp, bytes));
    }

    private record Published(String version, String kind, Instant published) {
    }

    /** The mutable content of one {@code registry.json}, only touched under the registry's locks. */
    private static final class State {
        final String name;
        final List<Published> versions = new ArrayList<>();
        final List<String> history = new ArrayList<>();
        String pinned;

        State(String name) {
            this.name = name;
        }

        int indexOf(String version) {
            for (int i = 0; i < versions.size(); i++) {
                if (versions.get(i).version().equals(version)) {
                    return i;
                }
            }
            return -1;
        }

        List<String> versionNames() {
            return versions.stream().map(Published::version).toList();
        }

        String latest() {
            return versions.get(versions.size() - 1).version();
        }

        String current() {
            return pinned != null ? pinned : latest();
        }

        void pushHistory(String version) {
            if (history.isEmpty() || !history.get(history.size() - 1).equals(version)) {
                history.add(version);
            }
            while (history.size() > HISTORY_LIMIT) {
                history.remove(0);
            }
        }
    }
}
