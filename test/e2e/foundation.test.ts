import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, screenshotter, startServer } from './server.ts';

/**
 * The foundation scenario in a real Chromium against the real server: sign in as the bootstrap admin,
 * create an organisation and a user, create and revoke a token, find the audit entries.
 * The steps share one page and run in order; each leaves a screenshot in test-artifacts/e2e/.
 */
describe('foundation in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  const consoleErrors: string[] = [];
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const orgName = `Acme Cloud ${run}`;
  const userEmail = `analyst-${run}@acme.example`;
  const tokenName = `SIEM export ${run}`;
  const newAdminPassword = 'a much longer passphrase for e2e';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    shot = screenshotter(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByRole('dialog');
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

  /** Mantine Select: open it by its label, then pick the option. */
  async function choose(scope: ReturnType<Page['getByTestId']>, label: RegExp, option: string, type = false) {
    const input = scope.getByLabel(label).first();
    await input.click();
    if (type) await input.fill(option);
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('rejects a wrong password at sign-in', async () => {
    await page.goto('/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await shot('sign-in');
    await page.getByLabel(/^Email/).fill(server.admin.email);
    await page.getByTestId('sign-in-password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-error').waitFor();
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('Invalid email or password');
    await shot('sign-in-wrong-password');
  });

  it('signs in as the bootstrap admin and must change the password first', async () => {
    await page.getByTestId('sign-in-password').fill(server.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await shot('change-password');
    await page.getByTestId('current-password').fill(server.admin.password);
    await page.getByTestId('new-password').fill(newAdminPassword);
    await page.getByTestId('confirm-password').fill(newAdminPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('current-user-name').waitFor();
    expect(await page.getByTestId('current-user-role').textContent()).toBe('admin');
    await shot('overview');
  });

  it('creates a partner organisation and shows it in the table', async () => {
    await nav('Organisations').click();
    await page.getByRole('button', { name: 'New organisation' }).click();
    const form = dialog();
    await form.getByLabel(/^Name/).fill(orgName);
    await form.getByLabel(/^Short name/).fill('ACME');
    await choose(form, /^Kind/, 'Partner');
    await form.getByLabel(/^Country/).fill('de');
    await form.getByLabel(/^Sector/).fill('Cloud computing');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await form.getByLabel('Contact 1 name').fill('Pat Security');
    await form.getByLabel('Contact 1 email').fill('psirt@acme.example');
    await shot('organisation-form');
    await form.getByRole('button', { name: 'Create organisation' }).click();

    // Saving opens the detail page with the partner status card.
    await page.getByRole('heading', { name: orgName }).waitFor();
    const card = page.getByTestId('partner-status-card');
    await card.getByRole('button', { name: 'Change status' }).waitFor();
    expect(await page.getByTestId('organisation-fields').textContent()).toContain('DE');
    expect(await page.getByTestId('organisation-contacts').textContent()).toContain('psirt@acme.example');
    await shot('organisation-detail');

    await nav('Organisations').click();
    const row = page.getByTestId('organisations-table').getByRole('row', { name: new RegExp(orgName) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/partner/i);
    await shot('organisations-table');
  });

  it('shows the API validation error when the organisation name is taken', async () => {
    await page.getByRole('button', { name: 'New organisation' }).click();
    const form = dialog();
    await form.getByLabel(/^Name/).fill(orgName);
    await form.getByRole('button', { name: 'Create organisation' }).click();
    const alert = form.getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`An organisation named '${orgName}' already exists`);
    // The field-level message from the problem's errors[] sits under the Name input.
    await form.getByText('is already used by another organisation').waitFor();
    await shot('organisation-name-taken');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('changes the partner status and lists it in the history', async () => {
    await page
      .getByTestId('organisations-table')
      .getByRole('link', { name: new RegExp(orgName) })
      .click();
    const card = page.getByTestId('partner-status-card');
    await card.getByRole('button', { name: 'Change status' }).click();
    const form = dialog();
    await choose(form, /^New status/, 'Warned');
    await form.getByLabel(/^Reason/).fill('Reported a critical flaw three days late');
    await form.getByLabel(/^Legal basis/).fill('Partner agreement §7.2');
    await shot('change-status-form');
    await form.getByRole('button', { name: 'Change status' }).click();
    await dialog().waitFor({ state: 'detached' });
    const history = page.getByTestId('status-history');
    await history.getByText('Reported a critical flaw three days late').waitFor();
    await shot('partner-status-warned');
  });

  it('creates a user whose initial password is shown once', async () => {
    await nav('Users').click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const form = dialog();
    await choose(form, /^Organisation/, orgName, true);
    await form.getByLabel(/^Email/).fill(userEmail);
    await form.getByLabel(/^Name/).fill('Alex Analyst');
    await choose(form, /^Role/, 'Analyst');
    await shot('user-form');
    await form.getByRole('button', { name: 'Create user' }).click();

    const secret = page.getByTestId('initial-password');
    await secret.waitFor();
    expect((await secret.textContent())?.trim().length).toBeGreaterThanOrEqual(12);
    await shot('user-initial-password');
    await page.getByRole('button', { name: 'I have stored it safely' }).click();
    await dialog().waitFor({ state: 'detached' });

    // The search is debounced: wait until the table shows only the new user.
    await page.getByTestId('user-search').fill(userEmail);
    await expect.poll(() => page.getByTestId('table-range').textContent()).toBe('1–1 of 1');
    expect(await page.getByRole('row', { name: new RegExp(userEmail) }).textContent()).toContain(orgName);
    await shot('users-table');
  });

  it('creates a token, shows the secret once, and revokes it', async () => {
    await nav('API tokens').click();
    await page.getByRole('button', { name: 'Create token' }).click();
    const form = dialog();
    await form.getByLabel(/^Name/).fill(tokenName);
    await shot('token-form');
    await form.getByRole('button', { name: 'Create', exact: true }).click();

    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    expect((await secret.textContent())?.trim()).toMatch(/^tsk_/);
    await shot('token-secret');
    await page.getByRole('button', { name: 'I have stored it safely' }).click();
    await dialog().waitFor({ state: 'detached' });

    const table = page.getByTestId('tokens-table');
    const row = table.getByRole('row', { name: new RegExp(tokenName) });
    expect(await row.getByTestId('token-status').textContent()).toBe('active');
    await shot('token-active');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog().getByText(`Revoke “${tokenName}”?`).waitFor();
    await shot('token-revoke-confirm');
    await page.getByTestId('confirm-button').click();
    await dialog().waitFor({ state: 'detached' });

    // Revoked tokens drop out of the default list and come back with "Show revoked".
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('show-revoked').check();
    await expect.poll(() => row.getByTestId('token-status').textContent()).toBe('revoked');
    await shot('token-revoked');
  });

  it('finds the audit entries and verifies the chain', async () => {
    await nav('Audit log').click();
    const table = page.getByTestId('audit-table');
    for (const action of ['org.created', 'org.status_changed', 'user.created', 'token.created', 'token.revoked']) {
      await table.getByText(action, { exact: true }).first().waitFor();
    }
    await shot('audit-log');

    // The action filter narrows the table to one action.
    await choose(page.getByTestId('audit-filters'), /^Action/, 'token.revoked', true);
    await expect
      .poll(async () => (await table.locator('tbody tr code').allTextContents()).filter((t) => t.includes('.')))
      .toEqual(['token.revoked']);
    await shot('audit-filtered');

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('Chain OK');
    await shot('audit-verified');
  });

  it('logged no errors in the browser console other than the expected 401s and 409', () => {
    const unexpected = consoleErrors.filter((text) => !/status of (401|409)/.test(text));
    expect(unexpected).toEqual([]);
  });
});
