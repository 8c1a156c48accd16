package io.tokligence.gateway.daemon.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** One JSON line per request (ts, method, path, status, latency_ms, bytes, user_id, model), for log shippers. */
public final class AccessLog extends Filter implements AutoCloseable {
    private final PrintStream sink;
    private final boolean ownsSink;

    private AccessLog(PrintStream sink, boolean ownsSink) {
        this.sink = sink;
        this.ownsSink = ownsSink;
    }

    /** {@code "-"} or blank means standard output, as in the Go gateway's {@code log_file_daemon}. */
    public static AccessLog open(String target) throws IOException {
        if (target == null || target.isBlank() || target.trim().equals("-")) {
            return new AccessLog(System.out, false);
        }
        Path file = Path.of(target.trim());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new AccessLog(new PrintStream(out, true, StandardCharsets.UTF_8), true);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long start = System.nanoTime();
        CountingStream counter = new CountingStream(exchange.getResponseBody());
        exchange.setStreams(null, counter);
        RequestTags tags = RequestTags.begin();
        try {
            chain.doFilter(exchange);
        } finally {
            RequestTags.end();
            ObjectNode line = Json.object();
            line.put("ts", Instant.now().toString());
            line.put("method", exchange.getRequestMethod());
            line.put("path", exchange.getRequestURI().getRawPath());
            line.put("status", exchange.getResponseCode());
            line.put("latency_ms", (System.nanoTime() - start) / 1_000_000);
            line.put("bytes", counter.count);
            if (tags.userId != null) {
                line.put("user_id", tags.userId);
            } else {
                line.putNull("user_id");
            }
            line.put("model", tags.model);
            String text = Json.write(line);
            synchronized (sink) {
                sink.println(text);
            }
        }
    }

    @Override
    public String description() {
        return "structured access log";
    }

    @Override
    public void close() {
        sink.flush();
        if (ownsSink) {
            sink.close();
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        private volatile long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
