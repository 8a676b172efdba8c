package io.retailgen.cli.forecast;

import static io.retailgen.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocateAndDriversCommandTest {

    /** Two stores over 2 steps and 60 paths: "full" sells about 5 a step, "empty" about 20. */
    static Path scenarios(Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder("store,path,step,value\n");
        for (String s : new String[] {"full", "empty"}) {
            for (int p = 0; p < 60; p++) {
                for (int t = 1; t <= 2; t++) {
                    double v = (s.equals("full") ? 5 : 20) * (0.5 + r.nextDouble());
                    sb.append(s).append(',').append(p).append(',').append(t).append(',').append(v).append('\n');
                }
            }
        }
        return Files.writeString(dir.resolve("scenarios.csv"), sb.toString());
    }

    static Path stores(Path dir) throws Exception {
        return Files.writeString(dir.resolve("stores.csv"), """
                store,on_hand,capacity,holding_cost,shortage_cost
                full,80,100,0.5,5
                empty,0,100,0.5,5
                """);
    }

    @Test
    void allocatePrintsThePlanAndTheNewsvendorBaseline(@TempDir Path dir) throws Exception {
        CliRun r = run("forecast", "allocate", "--scenarios", scenarios(dir).toString(), "--stores",
                stores(dir).toString(), "--order-cost", "2", "--transfer-cost", "0.1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("stores").asInt()).isEqualTo(2);
        assertThat(j.get("scenarios").asInt()).isEqualTo(60);
        assertThat(j.get("horizon").asInt()).isEqualTo(2);
        assertThat(j.get("transfers").get(0).get("from").asText()).isEqualTo("full");
        assertThat(j.get("expected_cost").asDouble()).isLessThan(j.get("baseline").get("expected_cost").asDouble());
        assertThat(j.get("baseline").get("method").asText()).isEqualTo("newsvendor-per-store");
        assertThat(j.get("allocation").has("empty")).isTrue();
        CliRun late = run("forecast", "allocate", "--scenarios", scenarios(dir).toString(), "--stores",
                stores(dir).toString(), "--delays", "0,1", "--delay-probabilities", "0.5,0.5", "--json");
        assertThat(late.code()).as(late.err()).isZero();
        CliRun text = run("forecast", "allocate", "--scenarios", scenarios(dir).toString(), "--stores",
                stores(dir).toString());
        assertThat(text.out()).contains("2 stores, 60 scenarios x 2 steps").contains("move");
    }

    @Test
    void allocateErrorsAreOneLineWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path sc = scenarios(dir);
        Path st = Files.writeString(dir.resolve("s2.csv"), "store,on_hand,capacity,holding_cost,shortage_cost\n"
                + "full,80,100,0.5,5\n");
        CliRun missing = run("forecast", "allocate", "--scenarios", sc.toString(), "--stores", st.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("error: ").contains("store 'empty' has scenarios but no row")
                .doesNotContain("\tat ");
        assertThat(missing.err().strip().lines().count()).isEqualTo(1);
        Path badCol = Files.writeString(dir.resolve("s3.csv"), "store,onhand\nfull,1\n");
        assertThat(run("forecast", "allocate", "--scenarios", sc.toString(), "--stores", badCol.toString()).err())
                .startsWith("error: ").contains("no column 'on_hand'");
        CliRun neg = run("forecast", "allocate", "--scenarios", sc.toString(), "--stores", stores(dir).toString(),
                "--order-cost", "-1");
        assertThat(neg.code()).isEqualTo(2);
        assertThat(neg.err()).startsWith("error: --order-cost must be finite and >= 0, was -1.0");
        Path hole = Files.writeString(dir.resolve("hole.csv"), "store,path,step,value\nfull,0,1,3\nfull,1,2,4\n"
                + "empty,0,1,3\nempty,0,2,3\nempty,1,1,3\nempty,1,2,3\nfull,0,2,3\n");
        assertThat(run("forecast", "allocate", "--scenarios", hole.toString(), "--stores", stores(dir).toString())
                .err()).contains("store 'full' has no value for path 1 step 1");
    }

    /** Weekly sales of two stores with a promotion flag: promotion lifts sales by exp(0.7); 2 planned future rows. */
    static Path promoCsv(Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(2);
        StringBuilder sb = new StringBuilder("store,week,sales,promo\n");
        for (String s : new String[] {"north", "south"}) {
            double u = 0;
            for (int t = 1; t <= 82; t++) {
                int promo = t > 80 ? 1 : r.nextDouble() < 0.25 ? 1 : 0;
                u = 0.5 * u + 0.05 * r.nextGaussian();
                String sales = t > 80 ? "" : String.valueOf(50 * Math.exp(0.7 * promo + u));
                sb.append(s).append(',').append(t).append(',').append(sales).append(',').append(promo).append('\n');
            }
        }
        return Files.writeString(dir.resolve("promo.csv"), sb.toString());
    }

    @Test
    void runTakesDriversFromTheFileAndFutureValuesFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path f = promoCsv(dir);
        CliRun planned = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column", "week",
                "--value-column", "sales", "--hierarchy", "store", "--drivers", "promo", "--series", "north",
                "--horizon", "2", "--paths", "500", "--out", dir.resolve("a").toString(), "--json");
        assertThat(planned.code()).as(planned.err()).isZero();
        JsonNode a = planned.json();
        assertThat(a.get("model").asText()).isEqualTo("arima-drivers[promo]");
        assertThat(a.get("drivers").get("promo").get("future").get(0).asDouble()).isEqualTo(1.0);
        CliRun none = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column", "week",
                "--value-column", "sales", "--hierarchy", "store", "--drivers", "promo", "--series", "north",
                "--horizon", "2", "--paths", "500", "--future-driver", "promo=0,0", "--out",
                dir.resolve("b").toString(), "--json");
        assertThat(none.code()).as(none.err()).isZero();
        JsonNode b = none.json();
        assertThat(b.get("drivers").get("promo").get("source").asText()).isEqualTo("command line");
        double ratio = a.get("mean").get(0).asDouble() / b.get("mean").get(0).asDouble();
        assertThat(ratio).isBetween(Math.exp(0.7) * 0.8, Math.exp(0.7) * 1.2);
        CliRun generative = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column",
                "week", "--value-column", "sales", "--hierarchy", "store", "--drivers", "promo", "--series", "north",
                "--horizon", "2", "--paths", "200", "--method", "generative", "--epochs", "3", "--window", "4",
                "--out", dir.resolve("g").toString(), "--json");
        assertThat(generative.code()).as(generative.err()).isZero();
        assertThat(generative.json().get("model").asText()).startsWith("deepar-");
        assertThat(generative.err()).contains("drivers [promo]");
        CliRun wrongMethod = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column",
                "week", "--value-column", "sales", "--hierarchy", "store", "--drivers", "promo", "--series", "north",
                "--horizon", "2", "--method", "ets", "--out", dir.resolve("c").toString());
        assertThat(wrongMethod.code()).isEqualTo(2);
        assertThat(wrongMethod.err()).startsWith("error: --drivers applies to --method auto");
        CliRun short1 = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column", "week",
                "--value-column", "sales", "--hierarchy", "store", "--drivers", "promo", "--series", "north",
                "--horizon", "3", "--future-driver", "promo=1", "--out", dir.resolve("d").toString());
        assertThat(short1.err()).startsWith("error: --future-driver promo has 1 values, --horizon needs 3");
        CliRun noCol = run("forecast", "run", "--data", f.toString(), "--format", "csv", "--time-column", "week",
                "--value-column", "sales", "--hierarchy", "store", "--drivers", "price", "--series", "north",
                "--horizon", "2", "--out", dir.resolve("e").toString());
        assertThat(noCol.code()).isEqualTo(1);
        assertThat(noCol.err()).startsWith("error: ").contains("no column 'price'");
    }
}
