package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.core.data.DataValidationException;
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
}
