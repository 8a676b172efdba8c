package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Loads a bundle from a directory or zip within the limits of its options and verifies it against its manifest. */
final class BundleReader {

    private BundleReader() {
    }

    static ModelBundle load(Path path, BundleLoadOptions options) {
        if (Files.isDirectory(path)) {
            return verify(path.toString(), readDirectory(path, options), options);
        }
        if (Files.isRegularFile(path)) {
            return verify(path.toString(), readZip(path, options), options);
        }
        throw new RetailGenException(ErrorCode.IO, "no model bundle at " + path.toAbsolutePath()
                + ": the path does not exist (expected a bundle directory or a bundle zip file)");
    }

    /**
     * Reads every regular file below {@code dir} without following symbolic links: a link (to a file or a directory)
     * or any other special file is refused, and sizes are checked against the limits before any file is read.
     */
    private static Map<String, byte[]> readDirectory(Path dir, BundleLoadOptions options) {
        String source = dir.toString();
        EntryLimits limits = new EntryLimits(source, options);
        Map<String, Long> sizes = new LinkedHashMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir)) {
                        limits.countEntry(relative(dir, d));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    String rel = relative(dir, p);
                    if (attrs.isSymbolicLink()) {
                        throw ManifestJson.invalid(source, "'" + rel + "' is a symbolic link; bundles may not contain"
                                + " links (they could point outside the bundle), copy the file in instead");
                    }
                    if (!attrs.isRegularFile()) {
                        throw ManifestJson.invalid(source, "'" + rel + "' is not a regular file");
                    }
                    limits.countEntry(rel);
                    limits.checkDeclared(rel, attrs.size());
                    sizes.put(rel, attrs.size());
                    return FileVisitResult.CONTINUE;
                }
            });
            Map<String, byte[]> files = new TreeMap<>();
            for (Map.Entry<String, Long> e : sizes.entrySet()) {
                Path p = dir.resolve(e.getKey());
                try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(e.getKey(), limits.read(in, e.getKey(), e.getValue()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read model bundle directory " + dir + ": " + e, e);
        }
    }

    private static String relative(Path dir, Path p) {
        List<String> segments = new ArrayList<>();
        for (Path s : dir.relativize(p)) {
            segments.add(s.toString());
        }
        return String.join("/", segments);
    }

    /**
     * Reads a bundle zip. Every entry's name, count and declared size is checked from the central directory before
     * anything is decompressed; then each entry is inflated into a buffer of its declared size and must end exactly
     * there.
     */
    private static Map<String, byte[]> readZip(Path zipPath, BundleLoadOptions options) {
        String source = zipPath.toString();
        EntryLimits limits = new EntryLimits(source, options);
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            List<ZipEntry> fileEntries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                limits.countEntry(name);
                String reason = BundleIo.unsafePathReason(e.isDirectory() ? stripSlash(name) : name);
                if (reason != null && !(e.isDirectory() && name.equals("/"))) {
                    throw ManifestJson.invalid(source, "zip entry '" + name + "' has an unsafe path (" + reason
                            + "); bundle entries must be relative paths inside the bundle");
                }
                if (!e.isDirectory()) {
                    if (!names.add(name)) {
                        throw ManifestJson.invalid(source, "zip entry '" + name + "' appears more than once");
                    }
                    limits.checkDeclared(name, e.getSize());
                    fileEntries.add(e);
                }
            }
            for (ZipEntry e : fileEntries) {
                try (InputStream in = zip.getInputStream(e)) {
                    files.put(e.getName(), limits.read(in, e.getName(), e.getSize()));
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw ManifestJson.invalid(source, "the zip file is truncated or corrupt (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read model bundle zip " + source + ": " + e, e);
        }
        return files;
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static ModelBundle verify(String source, Map<String, byte[]> found, BundleLoadOptions options) {
        byte[] manifestBytes = found.remove(BundleManifest.FILE_NAME);
        if (manifestBytes == null) {
            String hint = found.keySet().stream().filter(n -> n.endsWith("/" + BundleManifest.FILE_NAME)).findFirst()
                    .map(n -> " (found '" + n + "': pack the bundle's contents, not the folder that holds them)")
                    .orElse("");
            throw ManifestJson.invalid(source, BundleManifest.FILE_NAME + " is missing" + hint);
        }
        byte[] manifestHash = found.remove(BundleIo.MANIFEST_HASH_FILE);
        byte[] signatureJson = found.remove(BundleSignature.FILE_NAME);
        BundleManifest manifest = ManifestJson.read(manifestBytes, source);
        if (manifestHash != null) {
            checkManifestHash(source, manifestBytes, manifestHash);
        }
        for (String listed : manifest.files().keySet()) {
            if (!found.containsKey(listed)) {
                throw ManifestJson.invalid(source, "file '" + listed + "' listed in " + BundleManifest.FILE_NAME
                        + " is missing");
            }
        }
        for (String present : found.keySet()) {
            if (!manifest.files().containsKey(present)) {
                throw ManifestJson.invalid(source, "file '" + present + "' is not listed in "
                        + BundleManifest.FILE_NAME + "; a bundle may only contain files whose sha256 the manifest"
                        + " records");
            }
        }
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            String actual = BundleIo.sha256Hex(found.get(e.getKey()));
            if (!actual.equals(e.getValue())) {
                throw ManifestJson.invalid(source, "sha256 mismatch for '" + e.getKey() + "': expected "
                        + e.getValue() + ", actual " + actual + " (the file is corrupt or was modified)");
            }
        }
        BundleSignature signature = signatureJson == null ? null : BundleSignature.fromJson(signatureJson, source);
        checkSignature(source, manifestBytes, manifest, signature, options);
        return new ModelBundle(manifest, manifestBytes, found, signature);
    }

    private static void checkManifestHash(String source, byte[] manifestBytes, byte[] recorded) {
        String line = new String(recorded, StandardCharsets.US_ASCII).trim();
        String expected = line.length() >= 64 ? line.substring(0, 64) : line;
        String actual = BundleIo.sha256Hex(manifestBytes);
        if (!BundleIo.SHA256_HEX.matcher(expected).matches()) {
            throw ManifestJson.invalid(source, BundleIo.MANIFEST_HASH_FILE + " must start with the 64 lower-case hex"
                    + " digits of the sha256 of " + BundleManifest.FILE_NAME + ", was '" + abbreviate(line) + "'");
        }
        if (!expected.equals(actual)) {
            throw ManifestJson.invalid(source, BundleManifest.FILE_NAME + " does not match the sha256 recorded in "
                    + BundleIo.MANIFEST_HASH_FILE + ": expected " + expected + ", actual " + actual
                    + " (the manifest is corrupt or was modified)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static void checkSignature(String source, byte[] manifestBytes, BundleManifest manifest,
            BundleSignature signature, BundleLoadOptions options) {
        if (signature == null) {
            if (options.requireSignature()) {
                throw ManifestJson.invalid(source, "it is not signed, and unsigned bundles are refused here"
                        + trustedKeys(options) + "; sign it with 'retailgen bundle sign' or ModelBundle.sign(keys)");
            }
            return;
        }
        if (!signature.verifies(manifestBytes, manifest.files())) {
            throw ManifestJson.invalid(source, "its signature in " + BundleSignature.FILE_NAME + " (key "
                    + signature.keyId() + ") does not verify: the manifest or a file was changed after signing");
        }
        if (options.trustedKeys().isEmpty()) {
            return;
        }
        for (PublicKey trusted : options.trustedKeys()) {
            if (signature.signedBy(trusted) && signature.verifies(trusted, manifestBytes, manifest.files())) {
                return;
            }
        }
        throw ManifestJson.invalid(source, "it is signed by key " + signature.keyId() + ", which is not trusted"
                + trustedKeys(options));
    }

    private static String trustedKeys(BundleLoadOptions options) {
        if (options.trustedKeys().isEmpty()) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        options.trustedKeys().forEach(k -> ids.add(BundleSignature.keyId(k)));
        return " (trusted keys: " + String.join(", ", ids) + ")";
    }
}
