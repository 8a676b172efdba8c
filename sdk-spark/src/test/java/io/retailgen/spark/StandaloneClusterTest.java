package io.retailgen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Forecaster;
import io.retailgen.forecast.Frequency;
import io.retailgen.forecast.TimeSeries;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real standalone cluster on the loopback interface: a master and two workers, each its own JVM started from the
 * Spark jars alone (the workers know nothing of the SDK), and a driver that submits the job with the SDK's jars.
 */
class StandaloneClusterTest {

    static Path dir;
    static final List<Process> PROCESSES = new ArrayList<>();
    static SparkSession spark;

    @BeforeAll
    static void startCluster() throws Exception {
        // the cluster's logs and work folders stay in target/ for a look after a failure
        dir = Files.createDirectories(Path.of("target", "standalone-cluster").toAbsolutePath());
        try (Stream<Path> old = Files.walk(dir)) {
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile()
                    .delete());
        }
        String sparkClassPath = System.getProperty("spark.provided.classpath");
        String runtimeClassPath = System.getProperty("sdk.runtime.classpath");
        Assumptions.assumeTrue(sparkClassPath != null && !sparkClassPath.isBlank() && runtimeClassPath != null,
                "spark.provided.classpath and sdk.runtime.classpath are set by the Maven build; skipping the "
                        + "standalone-cluster test outside it");
        // a Spark home whose jars/ holds Spark and its dependencies, as in a distribution
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        // Maven counts slf4j-api and jackson in the SDK's own scope, but a Spark distribution ships them too
        List<String> entries = new ArrayList<>(Arrays.asList(sparkClassPath.split(File.pathSeparator)));
        Arrays.stream(runtimeClassPath.split(File.pathSeparator)).filter(e -> e.contains("slf4j-api")
                || e.contains("jackson-")).forEach(entries::add);
        for (String entry : entries) {
            Path p = Path.of(entry);
            Path link = jars.resolve(p.getFileName());
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, p.toAbsolutePath());
            }
        }
        LocalSpark.stop();
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        PROCESSES.add(start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        for (int w = 1; w <= 2; w++) {
            Path work = Files.createDirectories(dir.resolve("work-" + w));
            PROCESSES.add(start(home, "worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "768m", "--webui-port", Integer.toString(freePort()), "--work-dir",
                    work.toString(), master));
        }
        spark = SparkSession.builder().master(master).appName("retailgen-standalone-test")
                .config("spark.jars", applicationJars(runtimeClassPath))
                .config("spark.executor.memory", "640m").config("spark.executor.cores", "1")
                .config("spark.cores.max", "2").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) {   // the driver and two
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the two executors did not register within 180 s; logs in " + dir);
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (spark != null) {
            spark.stop();
        }
        for (Process p : PROCESSES) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : PROCESSES) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void twoExecutorJvmsForecastWithTheShippedJarsAsOneJvmDoes() {
        List<TimeSeries> series = SparkForecastsTest.panel(36, 11);
        List<Row> rows = SparkForecasts.builder().hierarchy("region", "store").frequency(Frequency.MONTHLY)
                .horizon(4).paths(100).seed(3).build().forecast(SparkForecastsTest.table(spark, series)
                        .repartition(4)).collectAsList();
        assertThat(rows).hasSize(series.size() * 4);
        Forecaster one = Forecaster.builder().paths(100).seed(3).build();
        Map<String, List<Row>> bySeries = rows.stream().collect(Collectors.groupingBy(r -> r.getString(0)));
        for (TimeSeries s : series) {
            Forecast f = one.forecast(s, 4);
            List<Row> mine = bySeries.get(s.id()).stream().sorted((a, b) -> Integer.compare(a.getInt(3),
                    b.getInt(3))).toList();
            for (int step = 0; step < 4; step++) {
                assertThat(mine.get(step).getDouble(5)).isEqualTo(f.mean()[step]);
                assertThat(mine.get(step).getDouble(8)).isEqualTo(f.scenarios().quantile(0.5)[step]);
            }
        }
        // the executors are other JVMs: the SDK classes reached them through spark.jars only
        Set<String> hosts = Arrays.stream(spark.sparkContext().statusTracker().getExecutorInfos())
                .map(e -> e.host() + ":" + e.port()).collect(Collectors.toSet());
        assertThat(hosts).hasSize(3);
    }

    @Test
    void screeningRunsOnTheCluster() {
        List<Row> out = SparkScreening.builder().textColumn("description").build()
                .screen(SparkScreeningTest.table(spark)).collectAsList();
        assertThat(out).hasSize(SparkScreeningTest.TEXTS.size() + 1);
        assertThat(out.stream().map(r -> r.getString(2)).collect(Collectors.toSet())).contains("ALLOW", "REDACT");
    }

    private static Process start(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(System.getProperty("spark.jvm.options", "").trim().split("\\s+")));
        cmd.add("-Xmx256m");
        cmd.add("-Dspark.master.rest.enabled=false");
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().remove("SPARK_DIST_CLASSPATH");
        return pb.start();
    }

    /** The SDK's jar (from this module's classes) and its runtime dependencies, folders packed as jars. */
    private static String applicationJars(String runtimeClassPath) {
        Set<String> out = new LinkedHashSet<>();
        out.add(jarOf(Path.of("target", "classes"), "sdk-spark.jar"));
        int n = 0;
        for (String entry : runtimeClassPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            out.add(Files.isDirectory(p) ? jarOf(p, "dependency-" + n++ + ".jar") : p.toAbsolutePath().toString());
        }
        return String.join(",", out);
    }

    private static String jarOf(Path classes, String name) {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar.toAbsolutePath().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
