package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** File-system helpers shared by bundles and the registry: hashing, path checks and atomic writes. */
final class BundleIo {

    /** Names and versions become directory names in a registry, so they are restricted to a portable set. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Holds the SHA-256 of the exact bytes of {@code manifest.json}, in the format of {@code sha256sum}. */
    static final String MANIFEST_HASH_FILE = "manifest.sha256";

    /** Files the SDK writes itself beside the bundle's own files; the manifest cannot list them. */
    static final Set<String> RESERVED_FILES = Set.of(BundleManifest.FILE_NAME, MANIFEST_HASH_FILE,
            BundleSignature.FILE_NAME);

    /** Prefix of temporary siblings; names starting with a dot are never valid bundle names, so they cannot clash. */
    static final String TEMP_PREFIX = ".tmp-";

    private BundleIo() {
    }

    @FunctionalInterface
    interface IoAction {
        void run(Path path) throws IOException;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform but is missing", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static byte[] manifestHashLine(byte[] manifestBytes) {
        return (sha256Hex(manifestBytes) + "  " + BundleManifest.FILE_NAME + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String checkSafeName(String what, String value) {
        if (value == null) {
            throw new NullPointerException(what + " == null");
        }
        if (!SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' is not valid: use 1 to 128 characters from "
                    + "letters, digits, '.', '_', '+' and '-', starting with a letter or digit");
        }
        return value;
    }

    /**
     * Returns null when {@code path} is a safe relative bundle path ('/'-separated, no '..', '.', empty segments,
     * backslashes, drive letters or leading slash), else the reason it is not.
     */
    static String unsafePathReason(String path) {
        if (path.isEmpty()) {
            return "it is empty";
        }
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0 || path.indexOf('\0') >= 0) {
            return "it is absolute or contains '\\', ':' or NUL";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "it has an empty, '.' or '..' segment";
            }
        }
        return null;
    }

    static String checkRelativePath(String path) {
        if (path == null) {
            throw new NullPointerException("file name == null");
        }
        String reason = unsafePathReason(path);
        if (reason != null) {
            throw new IllegalArgumentException("bundle file name '" + path + "' is not a safe relative path: " + reason
                    + "; use names like 'vocab.json' or 'scalers/price.json'");
        }
        return path;
    }

    static Path tempSibling(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    }

    /** Writes {@code bytes} to {@code file} and forces them to the storage device. */
    static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces a directory's entries to disk; silently skipped where the platform cannot open directories (Windows). */
    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform or file system; the rename is still atomic
        }
    }

    /**
     * Creates directory {@code target} atomically: {@code writer} fills a temporary sibling directory, everything is
     * synced, and the sibling is renamed onto {@code target}. On any failure the sibling is deleted and
     * {@code target} does not exist.
     */
    static void createDirectoryAtomically(Path target, IoAction writer) {
        Path parent = target.toAbsolutePath().getParent();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RetailGenException(ErrorCode.IO, "cannot write bundle to " + target
                    + ": it already exists; choose a new directory or delete the old one first");
        }
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = tempSibling(target);
            Files.createDirectory(temp);
            writer.run(temp);
            fsyncTree(temp);
            // A rename onto an existing empty directory would succeed on POSIX, so check again right before it.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new RetailGenException(ErrorCode.IO, "cannot write bundle to " + target
                        + ": it was created by someone else while this bundle was being written");
            }
            move(temp, target);
            temp = null;
            fsyncDirectory(parent);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write bundle to " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Replaces file {@code target} atomically with what {@code writer} writes into a temporary sibling file. */
    static void replaceFileAtomically(Path target, IoAction writer) {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = tempSibling(target);
            writer.run(temp);
            fsync(temp);
            move(temp, target);
            temp = null;
            fsyncDirectory(parent);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent() + " does not support atomic renames", e);
        }
    }

    private static void fsyncTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                fsync(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                fsyncDirectory(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            // best effort: the temporary name starts with a dot and is ignored by readers
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(path);
    }
}
