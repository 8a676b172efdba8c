package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The image trainer's {@code threads} option. */
class ImageTrainerThreadsTest {

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> ImageModelTrainer.builder().threads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be >= 1, was 0");
    }
}
