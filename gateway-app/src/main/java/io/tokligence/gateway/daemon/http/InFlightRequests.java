package io.tokligence.gateway.daemon.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts requests being handled so shutdown can wait for exactly those. The JDK 17 HttpServer.stop(delay) waits the
 * whole delay even when nothing is in flight (JDK-8304065), so the daemon waits on this count instead.
 */
public final class InFlightRequests extends Filter {
    private final Object lock = new Object();
    private int active;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        synchronized (lock) {
            active++;
        }
        try {
            chain.doFilter(exchange);
        } finally {
            synchronized (lock) {
                active--;
                lock.notifyAll();
            }
        }
    }

    /** Waits until no request is in flight or the timeout passes; returns how many are still running. */
    public int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return active;
        }
    }

    @Override
    public String description() {
        return "in-flight request counter";
    }
}
