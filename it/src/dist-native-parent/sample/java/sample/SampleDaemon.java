package sample;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Stands in for gatewayd in the dist-native ITs: serves GET /health on 127.0.0.1 (an ephemeral port, printed once
 * ready) and stops with exit 0 on SIGTERM. Uses jdk.httpserver and jdk.unsupported, which jdeps must find.
 */
public final class SampleDaemon {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        server.start();
        System.out.println("gatewayd listening on http://127.0.0.1:" + server.getAddress().getPort());
        stop.await();
        server.stop(0);
        System.out.println("gatewayd stopped");
        System.exit(0);
    }
}
