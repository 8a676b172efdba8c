package io.retailgen.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import org.junit.jupiter.api.Test;

class TrainingSupportTest {

    @Test
    void theApiCoreAloneCannotTrainAndSaysWhichArtifactToAdd() {
        // sdk-core's own test class path has neither sdk-training nor DJL, like a serving-only application
        assertThat(TrainingSupport.available()).isFalse();
        assertThatThrownBy(() -> TrainingSupport.require("the recommender's sequence model"))
                .isInstanceOf(RetailGenException.class)
                .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.ENGINE_UNAVAILABLE))
                .hasMessageContaining("training the recommender's sequence model needs the artifact "
                        + "io.retailgen:sdk-training")
                .hasMessageContaining(TrainingSupport.ENGINE_CLASS);
    }

    @Test
    void presentClassesPass() {
        TrainingSupport.require("anything", getClass().getClassLoader(), String.class.getName(),
                TrainingSupport.class.getName());
    }

    @Test
    void theFirstAbsentClassIsNamed() {
        assertThatThrownBy(() -> TrainingSupport.require("x", getClass().getClassLoader(), String.class.getName(),
                "com.example.NotThere"))
                .hasMessageContaining("class com.example.NotThere was not found");
    }
}
