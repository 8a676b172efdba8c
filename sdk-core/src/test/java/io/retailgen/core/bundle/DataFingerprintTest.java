package io.retailgen.core.bundle;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataFingerprintTest {

    /** SHA-256 of "abc" (FIPS 180-2 test vector). */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path tmp;

    @Test
    void matchesTheStandardTestVector() throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(DataFingerprint.ofBytes(abc)).isEqualTo(ABC);
        assertThat(DataFingerprint.ofStream(new ByteArrayInputStream(abc))).isEqualTo(ABC);
        Path f = tmp.resolve("abc.txt");
        Files.write(f, abc);
        assertThat(DataFingerprint.ofFile(f)).isEqualTo(ABC);
    }

    @Test
    void rowsEqualTheFileWithThoseLines() throws IOException {
        List<String> rows = List.of("session,item", "s1,ä-1", "s1,i2");
        Path f = tmp.resolve("rows.csv");
        Files.writeString(f, String.join("\n", rows) + "\n");
        assertThat(DataFingerprint.ofRows(rows)).isEqualTo(DataFingerprint.ofFile(f));
        assertThat(DataFingerprint.ofRows(rows.stream())).isEqualTo(DataFingerprint.ofFile(f));
        assertThat(DataFingerprint.ofRows(Stream.of("s1,i2", "s1,ä-1", "session,item")))
                .isNotEqualTo(DataFingerprint.ofFile(f));
    }

    @Test
    void severalFilesDependOnContentAndOrderNotNames() throws IOException {
        Path a = Files.writeString(tmp.resolve("a"), "first");
        Path b = Files.writeString(tmp.resolve("b"), "second");
        Path a2 = Files.writeString(tmp.resolve("renamed"), "first");
        String ab = DataFingerprint.ofFiles(List.of(a, b));
        assertThat(ab).hasSize(64).isEqualTo(DataFingerprint.ofFiles(List.of(a2, b)));
        assertThat(ab).isNotEqualTo(DataFingerprint.ofFiles(List.of(b, a)));
        // not the same as hashing the concatenation, so "fi"+"rstsecond" differs from "first"+"second"
        Path c = Files.writeString(tmp.resolve("c"), "fi");
        Path d = Files.writeString(tmp.resolve("d"), "rstsecond");
        assertThat(DataFingerprint.ofFiles(List.of(c, d))).isNotEqualTo(ab);
    }

    @Test
    void missingFileIsAnIoError() {
        Path missing = tmp.resolve("missing.csv");
        assertThatThrownBy(() -> DataFingerprint.ofFile(missing)).isInstanceOfSatisfying(RetailGenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.IO)).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> DataFingerprint.ofFiles(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
