package io.tokligence.gateway.daemon;

import java.net.InetSocketAddress;

/** The {@code listen} value ({@code host:port}, {@code [v6]:port} or {@code :port}), checked with a fixable message. */
record ListenAddress(String host, int port) {

    static ListenAddress parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon < 0) {
            throw invalid(value);
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        try {
            int port = Integer.parseInt(trimmed.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw invalid(value);
            }
            return new ListenAddress(host, port);
        } catch (NumberFormatException e) {
            throw invalid(value);
        }
    }

    InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** What to print: IPv6 hosts in brackets so the URL can be pasted. */
    String url(int boundPort) {
        String printable = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + printable + ":" + boundPort;
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException("listen: expected host:port (e.g. 127.0.0.1:8081, or port 0 for any free port), got '"
                + value + "'; fix the listen key, TOKLIGENCE_LISTEN or --listen");
    }
}
