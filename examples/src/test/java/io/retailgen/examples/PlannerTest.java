package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.retailgen.core.train.TrainingListener;
import io.retailgen.forecast.TimeSeries;
import io.retailgen.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @Test
    void generatedSeriesAreReproducibleAndFocusOnRainJackets(@TempDir Path empty) {
        PlanningData a = PlanningData.sharedOrSample(empty, 3);
        PlanningData b = PlanningData.generate(3);
        assertThat(a.generated()).isTrue();
        assertThat(a.panel()).hasSize(24);
        assertThat(a.focus().id()).isEqualTo("North/Rain jackets");
        assertThat(a.periods()).hasSize(PlanningData.MONTHS).startsWith("2016-01").endsWith("2025-12");
        assertThat(a.focus().values()).containsExactly(b.focus().values());
        assertThat(PlanningData.generate(4).focus().values()).isNotEqualTo(a.focus().values());
    }

    @Test
    void readsAusRetailWhenPresent() {
        Optional<Path> aus = SharedData.find(PlanningData.SHARED_AUS_RETAIL);
        org.junit.jupiter.api.Assumptions.assumeTrue(aus.isPresent(), "aus-retail.csv not found");
        PlanningData d = PlanningData.sharedOrSample(aus.get().getParent().getParent(), 1);
        assertThat(d.focus().id()).isEqualTo(PlanningData.AUS_FOCUS);
        assertThat(d.panel()).hasSize(PlanningData.MAX_PANEL);
        assertThat(d.focus().values()).hasSize(PlanningData.MONTHS);
        assertThat(java.util.Arrays.stream(d.focus().values()).min().orElseThrow()).isPositive();
        assertThat(d.periods().get(d.periods().size() - 1)).matches("\\d{4}-\\d{2}");
    }

    @Test
    void simulatedPromotionsLiftDemandByTheKnownEffectExactlyWhereTheDiscountIs() {
        List<TimeSeries> panel = PlanningData.generate(5).panel();
        qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
            List<TimeSeries> promoted = Planner.withSimulatedPromotions(panel, 12, seed);
            for (int i = 0; i < panel.size(); i++) {
                double[] y = panel.get(i).values();
                double[] p = promoted.get(i).values();
                double[] d = promoted.get(i).covariates().get(Planner.DRIVER);
                assertThat(d).hasSize(y.length + 12);
                for (int t = 0; t < y.length; t++) {
                    assertThat(d[t] == 0 || (d[t] >= 0.1 && d[t] <= 0.4)).as("depth %s", d[t]).isTrue();
                    assertThat(p[t]).isCloseTo(y[t] * Math.exp(Planner.SIMULATED_ELASTICITY * d[t]),
                            org.assertj.core.data.Offset.offset(1e-9));
                }
                for (int t = y.length; t < d.length; t++) {
                    assertThat(d[t]).isZero();
                }
            }
        });
    }

    @Test
    void whatIfIsNeutralAtZeroRaisesDemandWithADiscountAndInputsAreChecked() {
        Planner p = TestShops.planner();
        assertThat(p.hasGenerativeModel()).isTrue();
        assertThat(p.whatIf(0).orElseThrow().lift()).isZero();
        Planner.WhatIf w = p.whatIf(0.3).orElseThrow();
        assertThat(w.lift()).isPositive();
        assertThat(w.simulatedLift()).isCloseTo(Math.exp(0.36) - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.inventory(2, 0.99).safetyStock()).isGreaterThanOrEqualTo(p.inventory(2, 0.9).safetyStock());
        assertThatThrownBy(() -> p.whatIf(0.7)).hasMessageContaining("depth must be in 0..0.6, was 0.7");
        assertThatThrownBy(() -> p.whatIf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.inventory(0, 0.95)).hasMessageContaining("leadTime must be in 1..12");
        assertThatThrownBy(() -> p.inventory(2, 1.0)).hasMessageContaining("serviceLevel");
    }

    @Test
    void withoutAGenerativeModelThereIsNoWhatIfAndTheNoteSaysWhy() {
        try (Planner p = Planner.build(PlanningData.generate(1), new Planner.Options(6, 200, 0, 1),
                new TrainingListener() { })) {
            assertThat(p.whatIf(0.2)).isEmpty();
            assertThat(p.generativeNote()).contains("no discount what-if");
            assertThat(p.baseline().horizon()).isEqualTo(6);
            assertThat(p.inventory(2, 0.95).safetyStock()).isGreaterThanOrEqualTo(0);
        }
    }
}
