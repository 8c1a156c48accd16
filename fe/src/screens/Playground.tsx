import { useRef, useState, type FormEvent } from 'react';
import { ApiClient, errorMessage, type ChatUsage } from '../api';
import { ErrorMessage, Section } from '../components';
import { useLoad } from '../useLoad';

export function Playground({ client }: { client: ApiClient }) {
  const models = useLoad(() => client.models(), [client]);
  const [model, setModel] = useState('');
  const [prompt, setPrompt] = useState('');
  const [answer, setAnswer] = useState('');
  const [usage, setUsage] = useState<ChatUsage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [streaming, setStreaming] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const chosen = model || models.data?.[0]?.id || '';

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !prompt.trim()) return;
    const controller = new AbortController();
    abort.current = controller;
    setStreaming(true);
    setAnswer('');
    setUsage(null);
    setError(null);
    try {
      const result = await client.streamChat(
        chosen,
        [{ role: 'user', content: prompt }],
        (delta) => setAnswer((a) => a + delta),
        controller.signal,
      );
      setUsage(result);
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(errorMessage(e));
    } finally {
      setStreaming(false);
      abort.current = null;
    }
  }

  return (
    <Section title="Playground">
      <ErrorMessage error={models.error} />
      <form className="form" onSubmit={send}>
        <label>
          Model
          <select value={chosen} onChange={(e) => setModel(e.target.value)}>
            {(models.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>{m.id}</option>
            ))}
          </select>
        </label>
        <label className="wide">
          Message
          <textarea rows={4} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
        </label>
        {streaming ? (
          <button type="button" onClick={() => abort.current?.abort()}>Stop</button>
        ) : (
          <button type="submit" disabled={!chosen || !prompt.trim()}>Send</button>
        )}
      </form>
      <ErrorMessage error={error} />
      <output className="answer" aria-label="Answer" aria-busy={streaming}>
        {answer}
      </output>
      {usage && (
        <p className="muted" data-testid="usage">
          {usage.prompt_tokens} prompt + {usage.completion_tokens} completion = {usage.total_tokens} tokens
        </p>
      )}
    </Section>
  );
}
