package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers of retail text that are shaped like personal data: barcodes that pass the Luhn check, SIM and handset
 * serials, carrier waybills, national numbers written without their region's trunk prefix. Each class both ways:
 * the barcode is left alone, the card, phone or IBAN of the same shape is still found.
 */
class NumberKindsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    private static List<String> pii(String text) {
        return POLICY.check(text).findings().stream().map(Finding::ruleId).filter(r -> r.startsWith("pii."))
                .toList();
    }

    /** Each of these 13-digit barcodes passes both the GS1 and the Luhn check. */
    @ParameterizedTest
    @ValueSource(strings = {"9781961145931 hardback, 352 pages", "5057117777412 oak chopping board, 45 x 30 cm",
        "4008057889148 - stainless steel grater", "8060443668443 Italian espresso beans 1 kg",
        "3032316284512 linen tea towel, set of 2", "5449000000996 cola, 330 ml"})
    void barcodesThatPassLuhnAreNotCards(String text) {
        assertThat(pii(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paid by Visa 4222222222222, an old 13-digit card", "Diners 3056 9309 0259 04",
        "Amex 3782 822463 10005", "card number: 3714 496353 98431", "use 5555 5555 5555 4444 at checkout",
        "My card 4556 7375 8689 9855, please refund it", "UnionPay 6200000000000005"})
    void cardsOfEveryLengthAreStillFound(String text) {
        assertThat(pii(text)).as(text).containsExactly("pii.card");
    }

    @Test
    void aCardWordBeforeABarcodeShapedNumberMakesItACard() {
        // 4008057889148 passes both checks: bare it is a barcode, after "card" a 13-digit Visa number
        assertThat(pii("4008057889148 grater")).isEmpty();
        assertThat(pii("my card 4008057889148")).containsExactly("pii.card");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIM card 8944 1100 0012 3456 780 (ICCID), pay-as-you-go",
        "356938035643809 unlocked handset, IMEI on the label", "GTIN 01181557792170 outer carton of 12",
        "01181557792170 outer carton of 12"})
    void simSerialsHandsetNumbersAndPaddedBarcodesAreNotCards(String text) {
        assertThat(pii(text)).as(text).isEmpty();
    }

    @Test
    void issuerPrefixesAndLengths() {
        assertThat(plausible("4111111111111111", false)).isTrue();
        assertThat(plausible("378282246310005", false)).isTrue();
        assertThat(plausible("356938035643809", false)).as("15 digits that no issuer of that length uses").isFalse();
        assertThat(plausible("0049000050103", true)).as("no card starts with 0").isFalse();
        assertThat(plausible("8944110000123456780", false)).as("ICCID").isFalse();
        assertThat(plausible("5057117777412", true)).as("13 digits: Visa only").isFalse();
        assertThat(plausible("4008057889148", false)).as("GTIN-13 check digit").isFalse();
        assertThat(plausible("4008057889148", true)).isTrue();
        assertThat(CardNumbers.gtin(new int[] {4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3, 1}, 13)).isTrue();
        assertThat(CardNumbers.gtin(new int[] {4, 0, 0, 6, 3, 8, 1, 3, 3, 3, 9, 3, 2}, 13)).isFalse();
    }

    private static boolean plausible(String digits, boolean cardWord) {
        char[] c = digits.toCharArray();
        return CardNumbers.plausible(c, 0, c.length, cardWord);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DHL Express waybill 5839 274 610, delivered Tue 14 May",
        "FedEx 7712 3456 7890, estimated delivery Friday", "S/N 0123 4567 8910", "P/N 0161 496 0753",
        "Consignment 0507 1234 5678 handed to the courier at 14:05"})
    void carrierWaybillsAndSerialNumbersAreNotPhones(String text) {
        assertThat(pii(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Box 5839 274 610", "Item 7712 3456 7890 arrived", "5839 274 610 ships today"})
    void aNationalNumberWithoutItsTrunkPrefixIsNoPhoneUnannounced(String text) {
        // valid in Germany and India only as 05839 274610 and 07712 34567890: written without the 0, no phone
        assertThat(pii(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123 456 789 views on our channel", "Over 250 000 000 downloads",
        "Trusted by 912 345 678 shoppers", "Sold 2 345 678 910 pairs since 1964", "Year 2024 2025 2026 collection"})
    void countsOfThingsInThousandsAreNotPhones(String text) {
        assertThat(pii(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call 912 345 678 operators", "912 345 678 Madrid", "612 345 678, pregunta por Ana"})
    void aNumberGroupedInThreesWithoutAPluralAfterItOrAnnouncedIsStillAPhone(String text) {
        assertThat(pii(text)).as(text).containsExactly("pii.phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Questions? 020 7946 0018", "07700 900123 - text me after six",
        "98765 43210 for wholesale orders", "612 345 678, pregunta por Ana", "(11) 91234-5678 no WhatsApp",
        "06 12 34 56 78 le soir", "(415) 867-5309 after 5pm", "call 5839 274 610 tonight"})
    void phoneNumbersWrittenAsTheirRegionWritesThemAreStillFound(String text) {
        assertThat(pii(text)).as(text).containsExactly("pii.phone");
    }
}
