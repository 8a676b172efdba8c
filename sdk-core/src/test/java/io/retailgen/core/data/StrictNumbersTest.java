package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictNumbersTest {

    @Test
    void acceptsPlainDecimalsOnly() {
        assertThat(StrictNumbers.parseDouble("940.66")).isEqualTo(940.66);
        assertThat(StrictNumbers.parseDouble("-1.5e-3")).isEqualTo(-1.5e-3);
        assertThat(StrictNumbers.parseDouble(".5")).isEqualTo(0.5);
        assertThat(StrictNumbers.parseDouble("1e-400")).isZero();
        for (String bad : new String[] {"NaN", "Infinity", "-Infinity", "1d", "2f", "0x1p3", " 1", "1 ", "", "1e400",
            "1e", "e5", "1.2.3"}) {
            assertThatThrownBy(() -> StrictNumbers.parseDouble(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void integersRefuseExponentsHexOctalAndOverflow() {
        assertThat(StrictNumbers.parseInt("010")).isEqualTo(10);
        assertThat(StrictNumbers.parseInt("-7")).isEqualTo(-7);
        assertThat(StrictNumbers.parseLong("9000000000")).isEqualTo(9_000_000_000L);
        assertThatThrownBy(() -> StrictNumbers.parseInt("1e8")).hasMessage("\"1e8\" is not an integer (decimal "
                + "digits with an optional sign; no exponent, point or hexadecimal)");
        assertThatThrownBy(() -> StrictNumbers.parseInt("0x10")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> StrictNumbers.parseInt("3000000000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> StrictNumbers.parseLong("9".repeat(30))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> StrictNumbers.parseInt("\u0000".repeat(1000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(150).contains("\\u0000"));
    }
}
