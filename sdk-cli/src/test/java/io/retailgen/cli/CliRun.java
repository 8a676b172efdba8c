package io.retailgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process run of the {@code retailgen} command line, for the tests of every command.
 *
 * @param code the exit status
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int code, String out, String err) {

    /**
     * @param args the command line
     * @return what the run printed and returned
     */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetailGenCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** @return the JSON object on the last line of standard output */
    public JsonNode json() throws IOException {
        List<String> lines = out.lines().toList();
        return Json.MAPPER.readTree(lines.get(lines.size() - 1));
    }

    /** @return every line of standard output read as JSON */
    public List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.lines().toList()) {
            nodes.add(Json.MAPPER.readTree(l));
        }
        return nodes;
    }
}
