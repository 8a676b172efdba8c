package io.retailgen.cli.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Output paths of the photo variant commands, checked before any work is done. */
final class VariantFiles {
    private VariantFiles() {
    }

    /** @throws RetailGenException when {@code file}'s folder does not exist or {@code file} is a folder */
    static void requireWritableParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write " + file + ": its folder does not"
                    + " exist");
        }
        if (Files.isDirectory(file)) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write " + file + ": it is a folder");
        }
    }

    /** Creates {@code dir} (and its parents). */
    static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot create folder " + dir + ": " + e.getMessage(),
                    e);
        }
    }

    /** @return a store key made of the file name's letters and digits: {@code mh01-black_main.jpg -> mh01-black_main} */
    static String keyOf(Path file) {
        String name = file.getFileName() == null ? "photo" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
        stem = stem.replaceAll("^[^A-Za-z0-9]+", "");
        if (stem.isEmpty()) {
            stem = "photo";
        }
        return stem.length() > 96 ? stem.substring(0, 96) : stem;
    }
}
