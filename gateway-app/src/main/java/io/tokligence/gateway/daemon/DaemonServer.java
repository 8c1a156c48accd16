package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.tokligence.gateway.Version;
import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.daemon.adapter.AdapterRegistry;
import io.tokligence.gateway.daemon.admin.AdminApi;
import io.tokligence.gateway.daemon.http.AccessLog;
import io.tokligence.gateway.daemon.http.InFlightRequests;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.daemon.http.Router;
import io.tokligence.gateway.daemon.market.Marketplace;
import io.tokligence.gateway.daemon.route.ModelRoutes;
import io.tokligence.gateway.daemon.web.StaticFiles;
import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.User;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.BindException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/** A running gatewayd: database, HTTP server and handlers, started from the effective configuration. */
public final class DaemonServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DaemonServer.class.getName());
    /** Chat requests are small; anything larger is a mistake or an attack, refused with 413 before it is buffered. */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Enough for many concurrent streams on a small box; the queue bounds memory under overload. */
    private static final int WORKER_THREADS = 64;
    private static final int QUEUED_CONNECTIONS = 512;

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final InFlightRequests inFlight;
    private final AccessLog accessLog;
    private final Database database;
    private final String url;
    private boolean stopped;

    private DaemonServer(HttpServer server, ThreadPoolExecutor workers, InFlightRequests inFlight, AccessLog accessLog,
                         Database database, String url) {
        this.server = server;
        this.workers = workers;
        this.inFlight = inFlight;
        this.accessLog = accessLog;
        this.database = database;
        this.url = url;
    }

    /**
     * Opens the database (running migrations), makes sure the root admin exists, and starts listening.
     *
     * @throws IllegalArgumentException for a bad {@code listen} or {@code model_provider_routes} value
     * @throws IOException when the address cannot be bound or the access log cannot be opened
     */
    public static DaemonServer start(GatewayConfig config) throws IOException {
        ListenAddress listen = ListenAddress.parse(config.listen());
        ModelRoutes routes = ModelRoutes.parse(config.get("model_provider_routes"));
        AdapterRegistry adapters = AdapterRegistry.fromConfig(config);
        BigDecimal pricePer1k = config.find("price_per_1k").isPresent() ? config.getDecimal("price_per_1k") : BigDecimal.ZERO;
        Database database = Database.open(config.ledgerPath());
        try {
            User rootAdmin = database.users().ensureRootAdmin(config.find("admin_email").orElse("admin@localhost"));
            Optional<User> anonymousAdmin = config.getBoolean("auth_disabled") ? Optional.of(rootAdmin) : Optional.empty();
            if (anonymousAdmin.isPresent()) {
                LOG.warning("auth_disabled=true: every request without a key acts as the root admin " + rootAdmin.email());
            }
            Authenticator auth = new Authenticator(database.apiKeys(), database.users(), anonymousAdmin);
            Marketplace marketplace = new Marketplace(config.find("base_url"), routes, adapters.names(), pricePer1k);
            StaticFiles consoles = new StaticFiles(config.frontendDir());

            Router router = new Router(MAX_BODY_BYTES);
            Instant startedAt = Instant.now();
            router.add("GET", "/health", call -> call.sendJson(200, health(database, startedAt)));
            router.add("HEAD", "/health", call -> call.sendJson(200, health(database, startedAt)));
            new ChatApi(auth, routes, adapters, database.ledger(), pricePer1k).register(router);
            new AccountApi(auth, database.ledger()).register(router);
            new AdminApi(auth, database.users(), database.apiKeys(), database.ledger(), config).register(router);
            router.add("GET", "/api/v1/marketplace/offerings", call -> {
                auth.authenticate(call);
                call.sendJson(200, marketplace.offerings());
            });
            router.fallback(consoles::serve);

            return listen(listen, router, AccessLog.open(config.get("log_file_daemon")), database);
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static DaemonServer listen(ListenAddress listen, Router router, AccessLog accessLog, Database database)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(listen.toSocketAddress(), 0);
        } catch (BindException e) {
            accessLog.close();
            throw new BindException("cannot listen on " + listen.host() + ":" + listen.port() + " (" + e.getMessage()
                    + "); stop whatever uses it or choose another address with --listen / TOKLIGENCE_LISTEN");
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_CONNECTIONS), runnable -> {
                    Thread thread = new Thread(runnable, "gatewayd-http-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        InFlightRequests inFlight = new InFlightRequests();
        HttpContext context = server.createContext("/", router);
        context.getFilters().add(accessLog);
        context.getFilters().add(inFlight);
        server.start();
        String url = listen.url(server.getAddress().getPort());
        return new DaemonServer(server, workers, inFlight, accessLog, database, url);
    }

    private static ObjectNode health(Database database, Instant startedAt) {
        ObjectNode body = Json.object();
        body.put("status", "ok");
        body.put("version", Version.current());
        body.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        body.put("database", database.kind());
        return body;
    }

    /** {@code http://host:port} with the port actually bound (useful with port 0). */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops accepting connections, lets requests in flight finish (up to {@code grace}), then closes the database so
     * every ledger entry is on disk. Safe to call more than once.
     */
    public synchronized void shutdown(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (inFlight.awaitIdle(Duration.ZERO) == 0) {
                server.stop(0);
            } else {
                // stop() closes the listener at once, then waits for exchanges; our own count says when they are done.
                Thread stopper = new Thread(() -> server.stop((int) Math.max(1, grace.toSeconds())), "gatewayd-stop");
                stopper.setDaemon(true);
                stopper.start();
                int unfinished = inFlight.awaitIdle(grace);
                if (unfinished > 0) {
                    LOG.warning(unfinished + " request(s) still running after " + grace.toSeconds() + " s; closing anyway");
                }
            }
            workers.shutdown();
            workers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            database.close();
            accessLog.close();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }
}
