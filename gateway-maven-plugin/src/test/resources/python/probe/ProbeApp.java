import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for the gateway app inside a test native tree until dist-native trees exist: a launcher-contract
 * probe that reports what reached it (arguments, stdin, gateway.home), exits with a requested code and, as
 * gatewayd, serves /health and stops with exit 0 on SIGTERM.
 */
public final class ProbeApp {
    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("gatewayd")) {
            daemon(rest);
        } else {
            cli(rest);
        }
    }

    private static void cli(String[] args) throws IOException {
        String version = System.getProperty("gateway.version");
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println("gateway " + version);
        } else if (args.length > 0 && args[0].equals("cat")) {
            System.in.transferTo(System.out);
        } else if (args.length > 1 && args[0].equals("exit")) {
            System.exit(Integer.parseInt(args[1]));
        } else {
            System.out.println("Usage: gateway [--version] [--help] <command> [args...]");
            System.out.println("args: " + String.join(" ", args));
            System.out.println("home: " + System.getProperty("gateway.home"));
        }
    }

    private static void daemon(String[] args) throws Exception {
        String listen = args.length > 1 && args[0].equals("--listen") ? args[1] : "127.0.0.1:8081";
        int colon = listen.lastIndexOf(':');
        HttpServer server = HttpServer.create(
                new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), 0);
        server.createContext("/health", exchange -> {
            byte[] body = ("{\"status\":\"ok\",\"version\":\"" + System.getProperty("gateway.version") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println("gatewayd stopped");
            System.out.flush();
            stopped.countDown();
            Runtime.getRuntime().halt(0);
        }));
        server.start();
        System.out.println("gatewayd listening on http://" + listen);
        System.out.flush();
        stopped.await();
    }
}
