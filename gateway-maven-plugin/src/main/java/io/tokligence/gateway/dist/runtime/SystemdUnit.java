package io.tokligence.gateway.dist.runtime;

import java.util.Map;

/**
 * The hardened systemd unit shipped on linux as {@code systemd/gatewayd.service}, for a distribution unpacked
 * to {@code /opt/gateway} with its configuration in {@code /etc/gateway}.
 */
public final class SystemdUnit {

    private SystemdUnit() {
    }

    /** The unit text for the daemon launcher {@code daemon} (normally {@code gatewayd}). */
    public static String text(String daemon) {
        return Templates.render("gatewayd.service", Map.of("NAME", daemon));
    }
}
