import { describe, expect, it } from 'vitest';
import { parseSseEvents } from './sse';

describe('parseSseEvents', () => {
  it('returns complete events and keeps the partial one', () => {
    const { events, rest } = parseSseEvents('data: {"a":1}\n\ndata: [DO', false);
    expect(events).toEqual(['{"a":1}']);
    expect(rest).toBe('data: [DO');
  });

  it('handles CRLF, comments and multi-line data', () => {
    const { events } = parseSseEvents(': keep-alive\r\n\r\ndata: one\r\ndata: two\r\n\r\n', false);
    expect(events).toEqual(['one\ntwo']);
  });

  it('treats the remainder as complete at end of stream', () => {
    expect(parseSseEvents('data: [DONE]', true)).toEqual({ events: ['[DONE]'], rest: '' });
  });
});
