import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from './server.ts';

/** A signed-in API session: its cookie and the CSRF token that state-changing requests carry. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

export type ApiCall = <T>(session: ApiSession | null, method: string, path: string, body?: unknown) => Promise<T>;

/**
 * Calls the server's API under /api/v1 for set-up, as a browser would: a POST /session answers the session (cookie
 * and CSRF token); anything else its JSON body. A failure throws with the status and the problem.
 */
export function apiClient(server: () => Pick<RunningServer, 'url'>): ApiCall {
  return async <T>(session: ApiSession | null, method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrf;
    }
    const response = await fetch(`${server().url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    const parsed = text ? JSON.parse(text) : undefined;
    if (path === '/session' && method === 'POST') {
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { cookie, csrf: parsed.csrfToken } as T;
    }
    return parsed as T;
  };
}

/** The bootstrap admin must change its one-time password before anything else; then it signs in with the new one. */
export async function readyAdmin(call: ApiCall, server: RunningServer, newPassword: string): Promise<ApiSession> {
  const first = await call<ApiSession>(null, 'POST', '/session', server.admin);
  await call(first, 'POST', '/users/me/password', { currentPassword: server.admin.password, newPassword });
  return call<ApiSession>(null, 'POST', '/session', { email: server.admin.email, password: newPassword });
}

/** Signs in through the sign-in page, signing whoever is signed in out first. */
export async function signInPage(page: Page, email: string, password: string): Promise<void> {
  if (await page.getByTestId('sign-out').isVisible()) {
    await page.getByTestId('sign-out').click();
  }
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user-name').waitFor();
}

/** The little of the browser's window that the screenshots need (this code is type-checked without the DOM). */
interface BrowserWindow {
  document: { getAnimations(): { playState: string; constructor: { name: string } }[] };
  scrollTo(x: number, y: number): void;
}

/**
 * A screenshot once modals have finished opening, from the top (a scrolled page draws its fixed header midway),
 * without toasts over the content unless the step is about one.
 */
export function settledScreenshot(page: Page, shot: (name: string) => Promise<string>) {
  return async (name: string, { toasts = false } = {}): Promise<string> => {
    if (!toasts) {
      // A toast may be closing on its own already: then its button goes before the click lands.
      for (const close of await page.locator('.mantine-Notification-closeButton').all()) {
        await close.click({ timeout: 1000 }).catch(() => undefined);
      }
      await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
    }
    // Functions run in the page (serialised: no closures).
    await page.waitForFunction(() =>
      (globalThis as unknown as BrowserWindow).document
        .getAnimations()
        .every((a) => a.constructor.name !== 'CSSTransition' || a.playState !== 'running'),
    );
    await page.evaluate(() => (globalThis as unknown as BrowserWindow).scrollTo(0, 0));
    return shot(name);
  };
}
