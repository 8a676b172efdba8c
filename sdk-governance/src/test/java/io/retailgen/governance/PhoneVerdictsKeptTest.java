package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts {@link Phones} keeps are the library's own, asked again or not, and their number stays bounded. */
class PhoneVerdictsKeptTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static boolean library(String number) {
        try {
            return UTIL.isValidNumber(UTIL.parse(number, "ZZ"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    @Test
    void keptVerdictsAreTheLibrarysOnEveryAsking() {
        Phones phones = new Phones("GB");
        assertThat(phones.validNational("(415) 555-2671")).isTrue();
        assertThat(phones.possibleLocal("79")).isFalse();
        for (int round = 0; round < 3; round++) {
            for (String n : List.of("+44 20 7946 0958", "+44 20 7946 095", "+1 415 555 2671", "+1 555 123 4567",
                    "+49 30 901820", "+33 1 42 68 53 00", "+999 123 4567", "+")) {
                assertThat(Phones.validInternational(n)).as(n).isEqualTo(library(n));
            }
            for (String n : List.of("020 7946 0958", "020 7946 095", "(415) 555-2671", "030 901820", "7946 0958",
                    "79")) {
                // a fresh instance has kept nothing: its verdict is the library's
                assertThat(phones.validNational(n)).as(n).isEqualTo(new Phones("GB").validNational(n));
                assertThat(phones.possibleLocal(n)).as(n).isEqualTo(new Phones("GB").possibleLocal(n));
            }
        }
    }

    @Test
    void atMostKeptVerdictsAreHeld() {
        for (int i = 0; i < Phones.KEPT + 50; i++) {
            String n = "+44 20 7946 " + (1000 + i);
            assertThat(Phones.validInternational(n)).as(n).isEqualTo(library(n));
            assertThat(Phones.keptInternational()).isBetween(1, Phones.KEPT);
        }
    }
}
