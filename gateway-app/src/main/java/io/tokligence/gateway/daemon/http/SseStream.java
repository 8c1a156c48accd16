package io.tokligence.gateway.daemon.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Server-sent events over a chunked response; each event is flushed so clients see tokens as they come. */
public final class SseStream implements AutoCloseable {
    private final OutputStream out;

    public SseStream(HttpCall call) throws IOException {
        call.exchange().getResponseHeaders().set("Cache-Control", "no-cache");
        call.exchange().getResponseHeaders().set("X-Accel-Buffering", "no");
        this.out = call.startStream(200, "text/event-stream; charset=utf-8");
    }

    public void data(String data) throws IOException {
        write("data: " + data + "\n\n");
    }

    public void event(String name, String data) throws IOException {
        write("event: " + name + "\ndata: " + data + "\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
