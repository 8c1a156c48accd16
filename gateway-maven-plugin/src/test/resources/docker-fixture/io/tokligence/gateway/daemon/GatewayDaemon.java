package io.tokligence.gateway.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-in for the real gatewayd in the image tests until the app is merged: keeps the launch contract
 * (TOKLIGENCE_LISTEN, gateway.home, the "listening" line, /health, the console at /, SIGTERM exit 0).
 */
public final class GatewayDaemon {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println("gatewayd 0.1.0-SNAPSHOT");
            return;
        }
        String listen = System.getenv().getOrDefault("TOKLIGENCE_LISTEN", "127.0.0.1:8081");
        int colon = listen.lastIndexOf(':');
        HttpServer server = HttpServer.create(
                new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), 0);
        Path home = Path.of(System.getProperty("gateway.home", "."));
        server.createContext("/health", exchange -> send(exchange, 200, "application/json",
                "{\"status\":\"ok\",\"version\":\"0.1.0-SNAPSHOT\",\"user\":\"" + System.getProperty("user.name")
                        + "\",\"config\":" + Files.isRegularFile(home.resolve("config/setting.ini")) + "}"));
        server.createContext("/", exchange -> {
            Path page = home.resolve("frontend/web/index.html");
            if (Files.isRegularFile(page)) {
                send(exchange, 200, "text/html", Files.readString(page));
            } else {
                send(exchange, 404, "text/plain", "no console");
            }
        });
        server.start();
        System.out.println("gatewayd listening on http://" + listen);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println("gatewayd stopped");
            // The contract's graceful stop exits 0; a JVM ended by SIGTERM would otherwise report 143.
            Runtime.getRuntime().halt(0);
        }));
        Thread.currentThread().join();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
