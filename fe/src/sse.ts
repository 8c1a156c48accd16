/**
 * Splits buffered Server-Sent Events text into the data payloads of its complete events.
 * Returns what is left over (an incomplete event) to prepend to the next chunk; at end of stream
 * the remainder counts as complete.
 */
export function parseSseEvents(buffered: string, endOfStream: boolean): { events: string[]; rest: string } {
  const normalized = buffered.replace(/\r\n/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = endOfStream ? '' : (blocks.pop() ?? '');
  const events: string[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0) events.push(data.join('\n'));
  }
  return { events, rest };
}
