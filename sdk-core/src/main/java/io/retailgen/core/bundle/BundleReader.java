package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Loads a bundle from a directory or zip and verifies it against its manifest. */
final class BundleReader {

    /** Largest file a bundle can hold: the largest Java array. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private BundleReader() {
    }

    static ModelBundle load(Path path) {
        if (Files.isDirectory(path)) {
            return verify(path.toString(), readDirectory(path));
        }
        if (Files.isRegularFile(path)) {
            return verify(path.toString(), readZip(path));
        }
        throw new RetailGenException(ErrorCode.IO, "no model bundle at " + path.toAbsolutePath()
                + ": the path does not exist (expected a bundle directory or a bundle zip file)");
    }

    private static Map<String, byte[]> readDirectory(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> regular = walk.filter(p -> !Files.isDirectory(p)).toList();
            for (Path p : regular) {
                List<String> segments = new ArrayList<>();
                for (Path s : dir.relativize(p)) {
                    segments.add(s.toString());
                }
                String rel = String.join("/", segments);
                if (!Files.isRegularFile(p)) {
                    throw ManifestJson.invalid(dir.toString(), "'" + rel + "' is not a regular file"
                            + (Files.isSymbolicLink(p) ? " (a broken symbolic link)" : ""));
                }
                long size = Files.size(p);
                if (size > MAX_FILE_BYTES) {
                    throw ManifestJson.invalid(dir.toString(), "file '" + rel + "' has " + size
                            + " bytes, more than a bundle file may hold (" + MAX_FILE_BYTES + ")");
                }
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read model bundle directory " + dir + ": " + e, e);
        }
        return files;
    }

    private static Map<String, byte[]> readZip(Path zipPath) {
        String source = zipPath.toString();
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            List<ZipEntry> fileEntries = new ArrayList<>();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                String reason = BundleIo.unsafePathReason(e.isDirectory() ? stripSlash(name) : name);
                if (reason != null && !(e.isDirectory() && name.equals("/"))) {
                    throw ManifestJson.invalid(source, "zip entry '" + name + "' has an unsafe path (" + reason
                            + "); bundle entries must be relative paths inside the bundle");
                }
                if (!e.isDirectory()) {
                    fileEntries.add(e);
                }
            }
            for (ZipEntry e : fileEntries) {
                if (files.containsKey(e.getName())) {
                    throw ManifestJson.invalid(source, "zip entry '" + e.getName() + "' appears more than once");
                }
                if (e.getSize() > MAX_FILE_BYTES) {
                    throw ManifestJson.invalid(source, "zip entry '" + e.getName() + "' has " + e.getSize()
                            + " bytes, more than a bundle file may hold (" + MAX_FILE_BYTES + ")");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    files.put(e.getName(), in.readNBytes((int) MAX_FILE_BYTES));
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

    private static ModelBundle verify(String source, Map<String, byte[]> found) {
        byte[] manifestBytes = found.remove(BundleManifest.FILE_NAME);
        if (manifestBytes == null) {
            String hint = found.keySet().stream().filter(n -> n.endsWith("/" + BundleManifest.FILE_NAME)).findFirst()
                    .map(n -> " (found '" + n + "': pack the bundle's contents, not the folder that holds them)")
                    .orElse("");
            throw ManifestJson.invalid(source, BundleManifest.FILE_NAME + " is missing" + hint);
        }
        BundleManifest manifest = ManifestJson.read(manifestBytes, source);
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
        return new ModelBundle(manifest, found);
    }
}
