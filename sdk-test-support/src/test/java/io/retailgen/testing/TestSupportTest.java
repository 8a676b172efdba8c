package io.retailgen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.runtime.ElementType;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import io.retailgen.core.spi.InferenceSession;
import io.retailgen.core.spi.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSupportTest {

    @Test
    void tinySessionsAreDeterministicAndWellFormed(@TempDir Path dir) throws Exception {
        Path a = TinySessions.write(dir.resolve("a.tsv"), 30, 12, 7);
        Path b = TinySessions.write(dir.resolve("b.tsv"), 30, 12, 7);
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines.get(0)).isEqualTo("SessionId\tItemId\tTime");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(3);
            assertThat(Integer.parseInt(f[1])).isBetween(1, 12);
        }
        assertThatThrownBy(() -> TinySessions.write(dir.resolve("c.tsv"), 0, 12, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fakeBackendComputesAndCountsSessions() {
        TensorSpec x = new TensorSpec("x", ElementType.FLOAT, new long[] {-1});
        FakeInferenceBackend fake = new FakeInferenceBackend(List.of(x), List.of(x), in -> Map.of("x", in.get("x")));
        InferenceSession s = fake.open(new byte[1], io.retailgen.core.Device.cpu(), SessionOptions.defaults());
        Tensor t = Tensor.ofFloats(new float[] {1, 2}, 2);
        assertThat(s.run(Map.of("x", t), Set.of("x")).get("x")).isEqualTo(t);
        s.close();
        s.close();
        assertThat(fake.opened()).isEqualTo(1);
        assertThat(fake.closed()).isEqualTo(1);
        assertThatThrownBy(() -> s.run(Map.of("x", t), Set.of("x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sharedDataLookupNeverThrowsForAbsentFiles() {
        assertThat(SharedData.find("no/such/file.txt")).isEmpty();
        assertThat(OnnxModel.openNativeTensors()).isZero();
    }
}
