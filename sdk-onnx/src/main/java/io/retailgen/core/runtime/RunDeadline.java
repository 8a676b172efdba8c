package io.retailgen.core.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels one ONNX Runtime run after a timeout by setting the terminate flag of its run options from a timer thread;
 * the runtime checks the flag between operators (and between loop iterations) and fails the run.
 */
final class RunDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retailgen-run-deadline");
        t.setDaemon(true);
        return t;
    });

    private final OrtSession.RunOptions options;
    private final long millis;
    private final ScheduledFuture<?> task;
    private boolean fired;
    private boolean closed;

    private RunDeadline(OrtSession.RunOptions options, long millis) {
        this.options = options;
        this.millis = millis;
        this.task = TIMER.schedule(this::terminate, millis, TimeUnit.MILLISECONDS);
    }

    static RunDeadline start(long millis) throws OrtException {
        return new RunDeadline(new OrtSession.RunOptions(), millis);
    }

    OrtSession.RunOptions options() {
        return options;
    }

    long millis() {
        return millis;
    }

    synchronized boolean fired() {
        return fired;
    }

    // Synchronized with close(), so the flag is never set on options that were already released.
    private synchronized void terminate() {
        if (closed) {
            return;
        }
        try {
            options.setTerminate(true);
            fired = true;
        } catch (OrtException e) {
            // the run cannot be stopped; it ends on its own and its result is returned
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        task.cancel(false);
        options.close();
    }
}
