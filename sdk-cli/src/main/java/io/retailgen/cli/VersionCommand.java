package io.retailgen.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.bundle.Provenance;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retailgen version}: the SDK, Java and OS versions. */
@Command(name = "version", description = "Print the SDK, Java and OS versions.")
final class VersionCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static ObjectNode facts() {
        ObjectNode o = Json.object();
        o.put("sdk_version", Provenance.currentSdkVersion());
        o.put("java_version", System.getProperty("java.version"));
        o.put("java_vendor", System.getProperty("java.vendor"));
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        o.put("arch", System.getProperty("os.arch"));
        return o;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode o = facts();
        if (json) {
            Json.print(out, o);
        } else {
            out.println("retailgen " + o.get("sdk_version").asText());
            out.println("java " + o.get("java_version").asText() + " (" + o.get("java_vendor").asText() + ")");
            out.println("os " + o.get("os").asText() + " " + o.get("arch").asText());
        }
        return 0;
    }

    /** Answers {@code retailgen --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"retailgen " + Provenance.currentSdkVersion()};
        }
    }
}
