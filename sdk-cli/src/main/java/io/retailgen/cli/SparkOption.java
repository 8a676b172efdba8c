package io.retailgen.cli;

import picocli.CommandLine;

/**
 * The {@code --spark MASTER} option of the evaluation and scan commands: runs the work through sdk-spark on the
 * given master ({@code local[2]}, {@code spark://host:7077}). Spark is not packaged with the CLI (clusters bring
 * their own), so the check here names what to add when it is missing; it touches no Spark class itself.
 */
public final class SparkOption {

    /** The class whose presence means Spark is on the class path. */
    static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";

    private SparkOption() {
    }

    /**
     * @param cl the command, for the usage error
     * @param master the value of {@code --spark}
     * @throws CommandLine.ParameterException when the master is blank or Spark is not on the class path
     */
    public static void require(CommandLine cl, String master) {
        require(cl, master, SPARK_SESSION);
    }

    static void require(CommandLine cl, String master, String sparkClass) {
        if (master.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--spark needs a master URL, such as local[2] or "
                    + "spark://host:7077");
        }
        if (!sparkPresent(sparkClass)) {
            throw new CommandLine.ParameterException(cl, "--spark " + master + " needs Apache Spark 4 on the class "
                    + "path, which the retailgen jar does not bundle: add org.apache.spark:spark-sql_2.13:4.2.0 "
                    + "with its dependencies (or a Spark 4 distribution's jars), for example java "
                    + "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED ... -cp \"retailgen.jar:lib/*:$SPARK_HOME/jars/*\" "
                    + "io.retailgen.cli.RetailGenCli ... (docs/scale-out.md lists the JVM flags)");
        }
    }

    static boolean sparkPresent(String className) {
        try {
            Class.forName(className, false, SparkOption.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
