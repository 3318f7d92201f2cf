import type { Problem } from './types';

const base = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface ClientState {
  csrfToken: string | null;
  onUnauthorized: (() => void) | null;
}

// The CSRF token lives in memory only; the session provider sets it after GET/POST /session.
const state: ClientState = { csrfToken: null, onUnauthorized: null };

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  if (!text) return { status: response.status, title: response.statusText };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as Problem;
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a generic problem.
  }
  return { status: response.status, title: response.statusText, detail: text.slice(0, 300) };
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  // The sign-in call gets a 401 for bad credentials; that must not bounce the user around.
  ignoreUnauthorized?: boolean;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let response: Response;
  try {
    response = await fetch(`${base}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached.', code: String(cause) });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.ignoreUnauthorized) state.onUnauthorized?.();
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title ?? error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

// "/email" → "email"; "/contacts/0/email" → "contacts.0.email"; "" or "/" → "" (whole form).
export function pointerToField(pointer: string): string {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors) {
    const field = pointerToField(item.pointer);
    result[field] = result[field] ? `${result[field]}; ${item.detail}` : item.detail;
  }
  return result;
}
