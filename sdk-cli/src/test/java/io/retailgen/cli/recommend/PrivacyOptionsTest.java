package io.retailgen.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.recommend.RecommendTrainer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PrivacyOptionsTest {

    @Test
    void epsilonTrainsWithTheSettingsTunedForPrivateTrainingAndKeepsTheOthers() {
        RecommendTrainer given = RecommendTrainer.builder().epochs(3).seed(5).build();
        PrivacyOptions none = new PrivacyOptions();
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create());
        assertThat(none.apply(cl, given, false, true)).isSameAs(given);

        PrivacyOptions dp = new PrivacyOptions();
        dp.epsilon = 8.0;
        String trainer = dp.apply(cl, given, false, true).toString();
        assertThat(trainer).contains("h=32,").contains("opt=ADAGRAD,lr=0.3,drop=0.0,")
                .contains("ep=3,").contains("seed=5").contains("sessionsPerStep=8192,")
                .contains("averagingDecay=0.7,itemTableClipShare=0.8]");
        assertThat(given.toString()).contains("h=64,").contains("drop=0.5");
    }

    /** Without {@code --epochs}, private training runs its own tuned epochs (48), not the non-private default. */
    @Test
    void epsilonWithoutEpochsTrainsThePrivateEpochs() {
        RecommendTrainer defaults = RecommendTrainer.builder().seed(5).build();
        PrivacyOptions dp = new PrivacyOptions();
        dp.epsilon = 8.0;
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create());
        assertThat(dp.apply(cl, defaults, false, false).epochs()).isEqualTo(48);
        assertThat(defaults.epochs()).isEqualTo(12);
    }
}
