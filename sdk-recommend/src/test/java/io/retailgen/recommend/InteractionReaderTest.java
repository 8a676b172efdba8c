package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataValidationException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionReaderTest {

    private static final String TSV = "SessionId\tItemId\tTime\n"
            + "1\t100\t1396437466.94\n"
            + "1\t101\tNaN\n"
            + "2\t\t1396437467\n"
            + "2\t102\tyesterday\n"
            + "2\t103\t1396437468.5\n";

    @Test
    void lenientSkipsAndReportsBadRowsWithLineNumbers() {
        InteractionData d = InteractionReader.builder().build().readString(TSV);
        assertThat(d.rowsRead()).isEqualTo(5);
        assertThat(d.interactions()).extracting(Interaction::itemId).containsExactly("100", "103");
        assertThat(d.issues()).extracting(DataIssue::row).containsExactly(3L, 4L, 5L);
        assertThat(d.skippedRows()).isEqualTo(3);
        assertThat(d.report().accepted()).isEqualTo(2);
        assertThat(d.issues().get(0).column()).isEqualTo("time");
        assertThat(d.issues().get(0).value()).isEqualTo("NaN");
        assertThat(d.issues().get(0).reason()).contains("finite").contains("NaN");
        assertThat(d.issues().get(1).reason()).contains("missing item id");
        assertThat(d.issues().get(2).reason()).contains("unparsable timestamp 'yesterday'");
    }

    @Test
    void strictThrowsOnFirstBadRowNamingIt() {
        assertThatThrownBy(() -> InteractionReader.builder().strict(true).build().readString(TSV))
                .isInstanceOfSatisfying(DataValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATA);
                    assertThat(e.report().issues()).singleElement()
                            .satisfies(i -> assertThat(i.row()).isEqualTo(3));
                    assertThat(e.report().accepted()).isEqualTo(1);
                })
                .hasMessageContaining("3");
    }

    @Test
    void csvWithQuotesTypesAndContext() {
        String csv = "session_id,item_id,timestamp,event_type,device,hour\n"
                + "\"s,1\",a,2024-01-01T10:00:00Z,cart,Mobile,10\n"
                + "s2,b,1700000000,teleport,desktop,3\n";
        InteractionData d = InteractionReader.builder().format(InteractionReader.Format.CSV).build()
                .readString(csv);
        assertThat(d.interactions()).hasSize(1);
        Interaction i = d.interactions().get(0);
        assertThat(i.sessionId()).isEqualTo("s,1");
        assertThat(i.type()).isEqualTo(EventType.CART);
        assertThat(i.timestamp()).isEqualTo(1704103200.0);
        assertThat(i.context().deviceType()).isEqualTo("mobile");
        assertThat(i.context().hourOfDay()).isEqualTo(10);
        assertThat(d.issues()).singleElement().satisfies(x -> {
            assertThat(x.row()).isEqualTo(3);
            assertThat(x.column()).isEqualTo("type");
        });
    }

    @Test
    void jsonLinesFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, "{\"sessionId\":\"a\",\"itemId\":\"x\",\"time\":12.5,\"hourOfDay\":23}\n"
                + "{not json}\n"
                + "\n"
                + "{\"session\":\"a\",\"item\":7,\"timestamp\":\"13\"}\n");
        InteractionData d = InteractionReader.readLenient(f);
        assertThat(d.interactions()).extracting(Interaction::itemId).containsExactly("x", "7");
        assertThat(d.interactions().get(0).context().hourOfDay()).isEqualTo(23);
        assertThat(d.issues()).singleElement().satisfies(x -> assertThat(x.row()).isEqualTo(2));
    }

    @Test
    void headerWithoutRequiredColumnsIsRejected() {
        assertThatThrownBy(() -> InteractionReader.builder().build().readString("a\tb\n1\t2\n"))
                .isInstanceOf(RetailGenException.class).hasMessageContaining("SessionId, ItemId and Time");
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsAcceptedInEveryFormat(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"e.tsv", "e.csv", "e.jsonl"}) {
            Path f = dir.resolve(name);
            String body = name.endsWith(".tsv") ? "SessionId\tItemId\tTime\n1\t100\t5\n"
                    : name.endsWith(".csv") ? "SessionId,ItemId,Time\r\n1,100,5\r\n"
                    : "{\"sessionId\":\"1\",\"itemId\":\"100\",\"time\":5}\n";
            Files.write(f, ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8));
            InteractionData d = InteractionReader.builder().format(InteractionReader.Format.fromFileName(f))
                    .strict(true).build().read(f);
            assertThat(d.interactions()).as(name).extracting(Interaction::itemId).containsExactly("100");
        }
    }

    @Test
    void timestampsAreStrictDecimals() {
        InteractionData d = InteractionReader.builder().build()
                .readString("SessionId\tItemId\tTime\n1\t1\t5d\n1\t2\t0x1p3\n1\t3\t-Infinity\n1\t4\t7.5\n");
        assertThat(d.interactions()).extracting(Interaction::itemId).containsExactly("4");
        assertThat(d.issues()).extracting(DataIssue::row).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aHugeLineFailsWithAShortMessageInBoundedMemory(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("long.tsv");
        byte[] chunk = "7\u001B".repeat(1 << 19).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("SessionId\tItemId\tTime\n1\t100\t5\n1\t".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> InteractionReader.readLenient(f));
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(e).isInstanceOf(RetailGenException.class).hasMessageContaining(f + ":3")
                .hasMessageContaining("1,048,576 characters");
        assertThat(e.getMessage()).hasSizeLessThan(500).doesNotContain("\u001B");
        assertThat(allocated).as("bytes allocated reading a 20 MiB line").isLessThan(16L << 20);
        assertThatThrownBy(() -> InteractionReader.builder().maxLineLength(10).build()
                .readString("SessionId\tItemId\tTime\n")).hasMessageContaining("<string>:1")
                .hasMessageContaining("limit of 10 characters");
    }

    @Test
    void eventsTakeAndGiveInstants() {
        java.time.Instant t = java.time.Instant.parse("2026-12-07T20:15:30.123456Z");
        Interaction e = Interaction.of("s", "i", t, EventType.CART, new EventContext("mobile", 20, ""));
        assertThat(e.time()).isEqualTo(t);
        assertThat(e.timestamp()).isEqualTo(1796674530.123456, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Interaction.view("s", "i", 1396437466.94).time())
                .isEqualTo(java.time.Instant.parse("2014-04-02T11:17:46.940Z"));
    }
}
