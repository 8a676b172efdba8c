package io.retailgen.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextLinesTest {

    private static List<String> all(TextLines lines) {
        List<String> out = new ArrayList<>();
        for (String l = lines.next(); l != null; l = lines.next()) {
            out.add(lines.lineNumber() + ":" + l);
        }
        return out;
    }

    @Test
    void splitsOnEveryLineBreakAndDropsALeadingByteOrderMarkOnly() {
        assertThat(all(TextLines.of("\uFEFFa,b\r\nc\rd\n\ne\uFEFF", "s", 10)))
                .containsExactly("1:a,b", "2:c", "3:d", "4:", "5:e\uFEFF");
        assertThat(all(TextLines.of("", "s", 10))).isEmpty();
        assertThat(all(TextLines.of("\uFEFF", "s", 10))).isEmpty();
        assertThat(all(TextLines.of("x\n", "s", 1))).containsExactly("1:x");
    }

    @Test
    void aCarriageReturnAndLineFeedSplitAcrossBuffersIsOneBreak() {
        String text = "a".repeat(8191) + "\r\nb";
        assertThat(all(TextLines.of(text, "s", 10_000))).containsExactly("1:" + "a".repeat(8191), "2:b");
    }

    @Test
    void aLineOverTheLimitFailsNamingSourceLineAndLimitWithAShortEscapedPrefix() {
        String text = "ok\n" + "\u0000\u202E".repeat(50_000) + "\nnever";
        TextLines lines = TextLines.of(text, "in.csv", 1000);
        assertThat(lines.next()).isEqualTo("ok");
        assertThatThrownBy(lines::next).isInstanceOf(RetailGenException.class)
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.INVALID_DATA))
                .hasMessageStartingWith("in.csv:2: line is longer than the limit of 1,000 characters")
                .hasMessageContaining("\\u0000\\u202E")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).doesNotContain("\u0000"));
        assertThat(TextLines.of("x".repeat(1000), "s", 1000).next()).hasSize(1000);
    }

    @Test
    void bytesThatAreNotUtf8FailWithTheLineNumber() {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xC3, (byte) 0x28, '\n'};
        TextLines lines = TextLines.of(new ByteArrayInputStream(bytes), "bin", 100);
        assertThat(lines.next()).isEqualTo("a");
        assertThatThrownBy(lines::next).isInstanceOf(RetailGenException.class)
                .hasMessageStartingWith("bin:2: not UTF-8 text");
    }
}
