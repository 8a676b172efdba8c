package io.retailgen.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.core.Device;
import io.retailgen.core.runtime.BackendSelection;
import io.retailgen.core.runtime.InferenceBackends;
import io.retailgen.core.spi.InferenceBackend;
import io.retailgen.training.TrainingEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen doctor}: what this machine can do. It lists the Java and OS versions, the inference backends found
 * and whether each works, the devices, whether CUDA works, and whether the training engine loads. The exit status is
 * 0 when serving and training both work on at least the CPU, else 1.
 */
@Command(name = "doctor", description = "Check Java, OS, inference backends, devices, CUDA and the training engine.")
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode o = VersionCommand.facts();
        ArrayNode backends = o.putArray("backends");
        List<InferenceBackend> all = InferenceBackends.all();
        boolean cuda = false;
        ArrayNode devices = o.putArray("devices");
        devices.add(Device.cpu().toString());
        for (InferenceBackend b : all) {
            ObjectNode n = backends.addObject();
            n.put("name", b.name());
            n.put("device_type", b.deviceType().name().toLowerCase(java.util.Locale.ROOT));
            n.put("priority", b.priority());
            boolean ok = b.isAvailable();
            n.put("available", ok);
            if (!ok) {
                n.put("reason", b.unavailableReason());
            }
            if (ok && b.deviceType() == Device.Type.CUDA) {
                cuda = true;
            }
        }
        if (cuda) {
            devices.add(Device.cuda(0).toString());
        }
        o.put("cuda_works", cuda);
        String selected;
        boolean serving;
        try {
            BackendSelection s = InferenceBackends.select(null, null, false);
            selected = s.toString();
            serving = true;
        } catch (RuntimeException e) {
            selected = "none: " + e.getMessage();
            serving = false;
        }
        o.put("selected_backend", selected);
        TrainingEngine.Probe probe = TrainingEngine.probe();
        ObjectNode engine = o.putObject("training_engine");
        engine.put("loads", probe.available());
        engine.put("summary", probe.summary());
        o.put("ok", serving && probe.available());

        if (json) {
            Json.print(out, o);
        } else {
            out.println("java      " + o.get("java_version").asText() + " (" + o.get("java_vendor").asText() + ")");
            out.println("os        " + o.get("os").asText() + " " + o.get("arch").asText());
            for (InferenceBackend b : all) {
                out.println("backend   " + b.name() + ": " + (b.isAvailable() ? "available"
                        : "unavailable (" + b.unavailableReason() + ")"));
            }
            out.println("devices   " + devices);
            out.println("cuda      " + (cuda ? "works" : "not available"));
            out.println("serving   " + selected);
            out.println("training  " + probe.summary());
        }
        return serving && probe.available() ? 0 : 1;
    }
}
