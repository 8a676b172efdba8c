package io.retailgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FanChartTest {

    private static boolean hasColour(BufferedImage img, int rgb, int x0, int x1) {
        for (int x = x0; x < x1; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void drawsBandsOnlyOverTheForecastAndTheOverlayInItsColour() throws Exception {
        double[] history = ForecasterTest.seasonal(60, 12, 100, 1, 0.2, 2, 4);
        history[50] = Double.NaN;
        Forecast fc = Forecaster.builder().paths(300).build().forecast(TimeSeries.of("s", Frequency.MONTHLY,
                history), 12);
        double[] whatIf = fc.mean();
        for (int i = 0; i < whatIf.length; i++) {
            whatIf[i] *= 1.3;
        }
        BufferedImage img = FanChart.render("s", history, List.of(), fc.scenarios(),
                List.of(new FanChart.Overlay("what-if", whatIf, 0x2A9D8F, false)));
        assertThat(img.getWidth()).isEqualTo(FanChart.WIDTH);
        assertThat(img.getHeight()).isEqualTo(FanChart.HEIGHT);
        int split = 70 + (FanChart.WIDTH - 90) * (FanChart.SHOWN_HISTORY - 1) / (FanChart.SHOWN_HISTORY + 12 - 1);
        int bandCount = 0;
        int bandBeforeSplit = 0;
        for (int x = 71; x < FanChart.WIDTH - 20; x++) {
            for (int y = 41; y < FanChart.HEIGHT - 71; y++) {
                int c = img.getRGB(x, y) & 0xffffff;
                boolean blueish = (c & 0xff) > (c >> 16 & 0xff) + 20 && c != 0xffffff;
                if (blueish) {
                    bandCount++;
                    if (x < split - 2) {
                        bandBeforeSplit++;
                    }
                }
            }
        }
        assertThat(bandCount).as("band pixels").isGreaterThan(1000);
        assertThat(bandBeforeSplit).as("band pixels over the history").isLessThan(bandCount / 20);
        assertThat(hasColour(img, 0x2A9D8F, split, FanChart.WIDTH)).as("overlay over the forecast").isTrue();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(FanChart.png(img)));
        assertThat(decoded.getWidth()).isEqualTo(FanChart.WIDTH);
    }

    @Test
    void periodLabelsAndTickFormats() {
        assertThat(FanChart.tick(2_500_000)).isEqualTo("2.5M");
        assertThat(FanChart.tick(35_200)).isEqualTo("35k");
        assertThat(FanChart.tick(812.4)).isEqualTo("812");
        assertThat(FanChart.tick(3.46)).isEqualTo("3.5");
        ScenarioSet flat = new ScenarioSet("m", 1, new double[][] {{5, 5}, {5, 5}});
        assertThat(FanChart.render("flat", new double[] {5}, List.of("2024-01"), flat, List.of()).getWidth())
                .isEqualTo(FanChart.WIDTH);
        assertThatThrownBy(() -> FanChart.render("none", new double[0], List.of(), flat, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one history value");
    }
}
