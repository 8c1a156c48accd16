import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

type Handler = (call: Call) => Response | Promise<Response>;

/**
 * Stands in for the network (window.fetch) with routes keyed by "METHOD /path" (query excluded);
 * records every call so tests can assert on what the console sent.
 */
export function fakeGateway(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://gateway.test');
    const headers = new Headers(init?.headers);
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      authorization: headers.get('Authorization'),
    };
    calls.push(call);
    const handler = routes[`${call.method} ${url.pathname}`];
    if (!handler) return json(404, { error: { message: `no route ${call.method} ${url.pathname}`, type: 'not_found_error' } });
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function sse(events: unknown[]): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of events) {
        const data = typeof event === 'string' ? event : JSON.stringify(event);
        // Split each event across two chunks: the client must reassemble partial events.
        const text = `data: ${data}\n\n`;
        const middle = Math.floor(text.length / 2);
        controller.enqueue(encoder.encode(text.slice(0, middle)));
        controller.enqueue(encoder.encode(text.slice(middle)));
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

export const ADMIN = { id: 1, email: 'admin@localhost', role: 'root_admin', display_name: 'Admin', status: 'active' };
export const HEALTH = { status: 'ok', version: '0.1.0-SNAPSHOT', uptime_seconds: 75, database: 'sqlite' };
export const ADMIN_KEY = 'tok_AdminKeyForTests0123456789abcdefghijklmno';
