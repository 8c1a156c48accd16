package io.tokligence.gateway.dist.docker.probe;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's HEALTHCHECK: a distroless-style image has no curl or wget, but it has the jlink runtime, and
 * {@code java.base} can make an HTTP request. Copied into every image as a class file; exit 0 when the URL
 * answers 200, 1 otherwise (Docker's healthy/unhealthy).
 */
public final class HealthProbe {
    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8081/health";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(3000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.getInputStream().close();
            System.out.println(url + " " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.out.println(url + " unreachable: " + e);
            System.exit(1);
        }
    }
}
