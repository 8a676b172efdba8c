package io.retailgen.examples;

import io.retailgen.examples.storefront.StorefrontApp;
import io.retailgen.training.TrainingEngine;
import java.io.IOException;
import java.util.Arrays;

/**
 * The entry point of {@code retailgen-examples.jar}: {@code demo [options]} runs the end-to-end {@link Demo};
 * {@code storefront [options]} (also the default when the first argument is an option or there is none) starts the
 * {@link StorefrontApp}.
 *
 * <pre>{@code
 * java -jar examples/target/retailgen-examples.jar demo --out retailgen-report
 * java -jar examples/target/retailgen-examples.jar storefront --port 8080
 * }</pre>
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar retailgen-examples.jar <command> [options]
              demo         end-to-end demo: train small models, write a report folder (demo --help)
              storefront   the storefront web app (default; storefront --help)""";

    private Main() {
    }

    /**
     * @param args the sub-command and its options
     * @throws IOException when the storefront cannot bind its port
     */
    public static void main(String[] args) throws IOException {
        // the sample owns its JVM: DJL never downloads, and unpacks PyTorch into ~/.retailgen/djl unless told otherwise
        TrainingEngine.configureJvm(null);
        String command = args.length == 0 || args[0].startsWith("--") ? "storefront" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "demo" -> System.exit(Demo.execute(rest, System.out, System.err));
            case "storefront" -> StorefrontApp.main(rest);
            case "help", "-h" -> System.out.println(USAGE);
            default -> {
                System.err.println("unknown command '" + command + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }
}
