// Client for the gatewayd HTTP API (JSON, snake_case). Every failure becomes one of two errors the screens
// show: ApiError (the gateway answered with an OpenAI-style error) or GatewayUnreachableError (no answer).
import { parseSseEvents } from './sse';

export interface Health {
  status: string;
  version: string;
  uptime_seconds: number;
  database: string;
}

export interface Profile {
  id: number;
  email: string;
  role: string;
  display_name: string;
  status: string;
}

export interface User {
  id: number;
  uuid: string;
  email: string;
  role: string;
  display_name: string;
  status: string;
  created_at: string;
}

export interface ApiKey {
  id: number;
  user_id: number;
  prefix: string;
  scopes: string[] | string | null;
  status: 'active' | 'revoked';
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface IssuedKey {
  api_key: ApiKey;
  token: string;
}

export interface LedgerEntry {
  id: number;
  user_id: number;
  email: string;
  api_key_id: number | null;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  status: string;
  latency_ms: number;
  created_at: string;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  total: number;
}

export interface UsageRow {
  user_id: number;
  email: string;
  model: string;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface Offering {
  id: string;
  name: string;
  provider: string;
  model_family: string;
  price_per_1k: number;
  description: string;
}

export interface Marketplace {
  source: 'exchange' | 'local';
  offerings: Offering[];
}

export interface ConfigValue {
  key: string;
  value: string;
  source: string;
  origin: string;
}

export interface Model {
  id: string;
  owned_by: string;
  adapter?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface LedgerQuery {
  limit: number;
  offset: number;
  from?: string;
  to?: string;
}

export const ADMIN_ROLES = ['root_admin', 'gateway_admin'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class GatewayUnreachableError extends Error {
  constructor(readonly baseUrl: string, cause: unknown) {
    super(`Cannot reach the gateway at ${baseUrl}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'GatewayUnreachableError';
  }
}

/** Called after every request: true when the gateway answered (with any status), false when it did not. */
export type ReachabilityListener = (reachable: boolean) => void;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string | null,
    private readonly onReachability: ReachabilityListener = () => {},
  ) {}

  withKey(apiKey: string | null): ApiClient {
    return new ApiClient(this.baseUrl, apiKey, this.onReachability);
  }

  /** Where requests go, for messages: the configured base URL or this page's origin. */
  describeTarget(): string {
    if (this.baseUrl) return this.baseUrl;
    return typeof window !== 'undefined' ? window.location.origin : '(same origin)';
  }

  health(): Promise<Health> {
    return this.request('GET', '/health');
  }

  profile(): Promise<Profile> {
    return this.request('GET', '/api/v1/profile');
  }

  models(): Promise<Model[]> {
    return this.request<{ data: Model[] }>('GET', '/v1/models').then((r) => r.data);
  }

  ledgerEntries(q: LedgerQuery, admin: boolean): Promise<LedgerPage> {
    const path = admin ? '/api/v1/admin/ledger/entries' : '/api/v1/usage/logs';
    return this.request('GET', path + query({ limit: q.limit, offset: q.offset, from: q.from, to: q.to }));
  }

  usageSummary(q: { from?: string; to?: string }, admin: boolean): Promise<UsageRow[]> {
    const path = admin ? '/api/v1/admin/ledger/summary' : '/api/v1/usage/summary';
    return this.request<{ rows: UsageRow[] }>('GET', path + query(q)).then((r) => r.rows ?? []);
  }

  users(): Promise<User[]> {
    return this.request<{ users: User[] } | User[]>('GET', '/api/v1/admin/users').then(unwrap('users'));
  }

  createUser(user: { email: string; role: string; display_name: string }): Promise<User> {
    return this.request<{ user: User } | User>('POST', '/api/v1/admin/users', user).then((r) =>
      'user' in r ? r.user : r,
    );
  }

  apiKeys(userId: number): Promise<ApiKey[]> {
    return this.request<{ api_keys: ApiKey[] } | ApiKey[]>('GET', `/api/v1/admin/users/${userId}/api-keys`).then(
      unwrap('api_keys'),
    );
  }

  createApiKey(userId: number): Promise<IssuedKey> {
    return this.request('POST', `/api/v1/admin/users/${userId}/api-keys`, {});
  }

  rotateApiKey(keyId: number): Promise<IssuedKey> {
    return this.request('POST', `/api/v1/admin/api-keys/${keyId}/rotate`, {});
  }

  revokeApiKey(keyId: number): Promise<unknown> {
    return this.request('DELETE', `/api/v1/admin/api-keys/${keyId}`);
  }

  marketplace(): Promise<Marketplace> {
    return this.request('GET', '/api/v1/marketplace/offerings');
  }

  config(): Promise<ConfigValue[]> {
    return this.request<{ values: ConfigValue[] }>('GET', '/api/v1/admin/config').then((r) => r.values);
  }

  /**
   * Streams a chat completion: calls onDelta with each piece of content as it arrives and resolves with
   * the usage the gateway reported (when it did).
   */
  async streamChat(
    model: string,
    messages: ChatMessage[],
    onDelta: (text: string) => void,
    signal?: AbortSignal,
  ): Promise<ChatUsage | null> {
    const response = await this.send('POST', '/v1/chat/completions', { model, messages, stream: true }, signal);
    if (!response.body) throw new ApiError(response.status, 'The gateway sent no response body');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    let usage: ChatUsage | null = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffered += value;
      const { events, rest } = parseSseEvents(buffered, done);
      buffered = rest;
      for (const data of events) {
        if (data === '[DONE]') return usage;
        const chunk = JSON.parse(data);
        if (chunk.error) throw new ApiError(response.status, chunk.error.message, chunk.error.type);
        const delta = chunk.choices?.[0]?.delta?.content;
        if (delta) onDelta(delta);
        if (chunk.usage) usage = chunk.usage;
      }
      if (done) return usage;
    }
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      this.onReachability(false);
      throw new GatewayUnreachableError(this.describeTarget(), e);
    }
    this.onReachability(true);
    if (!response.ok) throw await toApiError(response);
    return response;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const error = JSON.parse(text).error;
    if (error?.message) return new ApiError(response.status, error.message, error.type);
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return new ApiError(response.status, `HTTP ${response.status} ${response.statusText}`.trim());
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function unwrap<T>(field: string): (r: Record<string, T[]> | T[]) => T[] {
  return (r) => (Array.isArray(r) ? r : (r[field] ?? []));
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
