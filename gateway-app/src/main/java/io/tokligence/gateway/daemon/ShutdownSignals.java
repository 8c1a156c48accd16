package io.tokligence.gateway.daemon;

import java.util.logging.Logger;

/**
 * SIGTERM and SIGINT run the graceful stop and let {@code main} return normally, so service managers see exit code 0.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported); where a signal cannot be handled the JVM's shutdown hook
 * still stops the daemon gracefully, only with the JVM's own exit code.
 */
final class ShutdownSignals {
    private static final Logger LOG = Logger.getLogger(ShutdownSignals.class.getName());

    private ShutdownSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    Thread stopper = new Thread(stop, "gatewayd-sig" + name.toLowerCase());
                    stopper.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.fine(() -> "cannot handle SIG" + name + " here (" + e.getMessage() + "); relying on the shutdown hook");
            }
        }
    }
}
