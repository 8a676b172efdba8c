package io.retailgen.spark;

import org.apache.spark.sql.SparkSession;

/** One {@code local[2]} session for all tests of this JVM (starting Spark takes seconds). */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder().master("local[2]").appName("retailgen-spark-tests")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }

    /** Stops this JVM's session, so that another master can be used (one SparkContext per JVM). */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }
}
