package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.core.intercept.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data of every region and in written-out forms; numbers of other kinds never taken for phones. */
class PersonalDataTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    private static List<String> rules(String text) {
        return POLICY.check(text).findings().stream().map(Finding::ruleId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call us on 020 7946 0958", "Text 07700 900123 for updates", "Call (0)20 7946 0011 today",
        "Phone 0161 496 0455 Monday to Friday", "+44 20 7946 0321 is our showroom", "Tel. 0043 1 234 5678",
        "Phone 00 44 20 7946 0999", "Rufen Sie 030 12345678 an", "Handy 0151 23456789", "Appelez le 01 23 45 67 89",
        "Llama al 912 345 678", "Chiama il 06 1234 5678", "Call 98765 43210 for wholesale",
        "Ring 021 123 4567 in Dublin", "Call 09-123 4567 in Auckland", "+55 11 91234-5678 WhatsApp",
        "Call +81 3-1234-5678 in Tokyo", "+86 139 1234 5678 WeChat", "my number is 07700900789",
        "Call 202-555-0147 for a quote", "call 555-0142 after six", "Ring 02 5550 1234 in Sydney"})
    void phoneNumbersOfManyRegionsAreFound(String text) {
        assertThat(rules(text)).as(text).containsExactly("pii.phone");
        assertThat(POLICY.check(text).redactedText()).contains("[PHONE]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lot 2023-11-0457, best before 12/03/2026", "Batch 20240315 1200, store below 25C",
        "SKU 4006381333931, size 10 1/2", "Price: \u00a31,299.99, was \u00a31,499.99",
        "Dimensions: 120 x 60 x 75 cm, 23.5 kg", "Opening hours 09:00-17:30, Mon-Sat",
        "Order #100-234-5678 shipped on 2024-01-15", "Release date 15.03.2024 at 10:00",
        "Order #112-4476231-9981102 shipped on 2024-05-02",
        "Tracking 1Z 999 AA1 01 2345 6784", "Serial 0491 570 156 printed on the base", "ISBN 978-0-14-143951-8",
        "Part no. 020-7946-0958", "Made 2022 06 14, lot 4491 570", "Size chart: 36 38 40 42 44 46",
        "Best before end 2026 08 15", "Item 123456789012, ships in 3-5 days", "VAT GB 123 4567 89",
        "Our registered office: company no. 01234567", "Pack of 1200 5600 mAh cells", "Model 7946-0958-112"})
    void datesTimesPricesSizesAndCodesAreNotPhones(String text) {
        assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.category().equals("pii"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Write to john dot smith at gmail dot com", "email jane [at] example [dot] com",
        "contact: sales(at)acme(dot)co(dot)uk", "j.doe AT example DOT org",
        "my email is bob underscore lee at yahoo dot com", "reach me at mike {at} proton {dot} me"})
    void spelledOutEmailsAreFound(String text) {
        PolicyResult r = POLICY.check(text);
        assertThat(rules(text)).as(text).contains("pii.email");
        assertThat(r.redactedText()).contains("[EMAIL]").doesNotContain(" dot com").doesNotContain("[dot]");
    }

    @Test
    void ordinaryUsesOfAtAndDotAreNotEmails() {
        for (String text : List.of("Meet us at the store, polka dot dress in stock", "Look at this dot pattern",
                "Available at Target dot", "Save at checkout with code DOT20")) {
            assertThat(POLICY.check(text).findings()).as(text).noneMatch(f -> f.ruleId().equals("pii.email"));
        }
    }

    @Test
    void phonesSpelledAsDigitWordsAreFound() {
        for (String text : List.of("Call zero seven seven zero zero nine zero zero one two three",
                "my number is two zero two five five five zero one four seven",
                "text me on oh seven seven double oh nine hundred four five six")) {
            assertThat(rules(text)).as(text).containsExactly("pii.phone");
        }
        assertThat(POLICY.check("one two three, go! A four-piece set with five colours").findings()).isEmpty();
    }

    /** The scans skip letters and non-digits in tight loops: a number or address at either end is still read. */
    @Test
    void numbersAndAddressesAtEitherEndOfTheText() {
        assertThat(rules("12 Baker Street")).containsExactly("pii.address");
        assertThat(rules("Visit 12 Baker Street")).containsExactly("pii.address");
        assertThat(rules("+44 20 7946 0958")).containsExactly("pii.phone");
        assertThat(rules("call +44 20 7946 0958")).containsExactly("pii.phone");
        assertThat(rules("4242 4242 4242 4242")).containsExactly("pii.card");
        for (String text : List.of("", "a", "7", "abc", "abc 7", " ", "Item 747328, \u00a3126.99.")) {
            assertThat(rules(text)).as(text).isEmpty();
        }
    }

    @Test
    void cardNumbersOfAnyIssuerThatPassLuhn() {
        for (String card : List.of("4242 4242 4242 4242", "5555 5555 5555 4444", "2223 0031 2200 3222",
                "3782 822463 10005", "6011 1111 1111 1117", "3530 1113 3330 0000", "3056 9309 0259 04",
                "6200 0000 0000 0005", "6759 6498 2643 8453", "4000002500003155")) {
            assertThat(rules("card " + card + " exp 12/27")).as(card).containsExactly("pii.card");
        }
        assertThat(rules("card 4242 4242 4242 4241")).doesNotContain("pii.card");
        assertThat(rules("EAN 5012345678900")).isEmpty();
    }

    @Test
    void ibansWithAValidChecksumAreFound() {
        for (String iban : List.of("GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00",
                "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00", "GB29NWBK60161331926819",
                "CH93 0076 2011 6238 5295 7")) {
            PolicyResult r = POLICY.check("Transfer to " + iban + " please");
            assertThat(r.findings()).as(iban).extracting(Finding::ruleId).containsExactly("pii.iban");
            assertThat(r.redactedText()).isEqualTo("Transfer to [IBAN] please");
        }
        assertThat(rules("Transfer to GB82 WEST 1234 5698 7654 33 please")).doesNotContain("pii.iban");
        assertThat(Iban.checksum("gb82west12345698765432".toCharArray())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lieferadresse: Hauptstra\u00dfe 5, 10115 Berlin", "Adresse : 12 rue de Rivoli, 75001 Paris",
        "Env\u00edo a Calle Mayor 10, 28013 Madrid", "Consegna a Via Roma 25, 00184 Roma",
        "Bezorgen op Keizersgracht 123, 1015 CJ Amsterdam", "Send to Kungsgatan 12, 111 43 Stockholm",
        "Pick up at 221B Baker Street, London NW1 6XE", "Return to SW1A 2AA", "Rua Augusta 100, 1100-053 Lisboa"})
    void streetAddressesOfUsUkAndContinentalFormsAreFound(String text) {
        assertThat(rules(text)).as(text).contains("pii.address");
    }

    @Test
    void continentalAddressSpansCoverStreetNumberPostcodeAndTown() {
        assertThat(POLICY.check("Lieferadresse: Hauptstra\u00dfe 5, 10115 Berlin").redactedText())
                .isEqualTo("Lieferadresse: [ADDRESS]");
        assertThat(POLICY.check("Spring 2024 collection, Via Lattea print, Gasse 3 colours").findings())
                .noneMatch(f -> f.ruleId().equals("pii.address"));
    }

    @Test
    void phoneRegionIsValidatedAndConfigurable() {
        assertThatThrownBy(() -> ContentPolicy.builder().phoneRegion("XX")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("'XX'");
        ContentPolicy uk = ContentPolicy.builder().pii(Set.of(PiiKind.PHONE), Severity.MEDIUM).phoneRegion("gb")
                .build();
        assertThat(uk.check("call 020 7946 0958").verdict()).isEqualTo(Verdict.REDACT);
    }

    @Test
    void findingsCarryAConfidence() {
        Finding valid = POLICY.check("Call us on 020 7946 0958").findings().get(0);
        Finding possible = POLICY.check("call 555-0142 after six").findings().get(0);
        assertThat(valid.confidence()).isGreaterThan(possible.confidence());
        assertThat(possible.confidence()).isBetween(0.5, 0.7);
    }
}
