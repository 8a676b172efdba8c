package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.core.intercept.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The approved label of a registered product (a biocide's approval number, a medicine's product licence) and a
 * clinical test described by its participants are no unsubstantiated claims; a bare year or a pending approval
 * vouches for nothing.
 */
class RegisteredProductsTest {

    private static final ContentPolicy POLICY = ContentPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"Kills 99.9% of germs when used as directed; BPR approval number UK-2021-1234",
        "Helps relieve the symptoms of colds and flu (licensed medicine, PL 12345/0001)",
        "Kills 99.9% of bacteria on hard surfaces, EPA reg. no. 777-123",
        "Kills 99.9% of germs, HSE no. 12345", "Clinically tested on 50 women over 4 weeks",
        "Clinically tested on 30 volunteers in a randomised trial"})
    void registeredProductsAndDescribedTestsAreAllowed(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.ALLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kills 99.9% of viruses including COVID-19, approval pending",
        "Cures cancer naturally, registration 2024", "Relieves anxiety and depression, approved formula 2025",
        "Cures arthritis in 2 weeks, clinically tested", "Clinically proven to reverse diabetes, tested on 20 people",
        "Kills 99.9% of germs", "Cures cancer, registration no. 2024", "Treats diabetes, approval number 123",
        "Reverses arthritis, reg. no. 99"})
    void withoutARegistrationNumberTheClaimStands(String text) {
        assertThat(POLICY.check(text).verdict()).as(text).isEqualTo(Verdict.BLOCK);
    }
}
