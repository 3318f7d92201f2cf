import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPrefix, launchBrowser, type RunningServer, repoRoot, screenshotter, startServer } from './server.ts';
import { type ApiSession, apiClient, readyAdmin, settledScreenshot, signInPage } from './session.ts';

const log4shell = path.join(
  repoRoot,
  'test/fixtures/cve/osv.dev-cvelistV5-snapshot/cves/2021/44xxx/CVE-2021-44228.json',
);
const bsiAdvisory = path.join(repoRoot, 'test/fixtures/csaf/examples/bsi-2022-0001.json');

/**
 * Two report features in a real Chromium. A partner uploads a CVE JSON 5 record (Log4Shell) and a CSAF 2.0
 * advisory (BSI's CVRF-CSAF-Converter XXE) and gets a report with the document's content and a receipt for each;
 * a JSON that is neither, and a PNG named .json, are refused inline and create nothing. A manufacturer under the EU
 * CRA Art. 14 regime sends its early warning through the form, then the notification from the report page's
 * "Submit next stage": the fields the stage needs are named inline first; once given, the stage gets the second
 * receipt and meets the notification obligation. Set-up (orgs, users, regime) goes through the API.
 */
describe('report upload and later stages in the browser', () => {
  let server: RunningServer;
  const call = apiClient(() => server);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  const consoleErrors: string[] = [];
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const adminPassword = 'a much longer passphrase for e2e';
  const userPassword = 'reporter passphrase for e2e';
  // Two organisations, so each part counts only its own reports.
  const uploader = { org: `Library Watch ${run}`, email: `psirt-${run}@library.example` };
  const manufacturer = { org: `Widget Systems ${run}`, email: `security-${run}@widget.example` };
  const craTitle = `Authentication bypass in Widget Router web console ${run}`;

  /** How many reports the organisation has, as its own user sees through the API. */
  async function reportCount(who: { email: string }): Promise<number> {
    const session = await call<ApiSession>(null, 'POST', '/session', { email: who.email, password: userPassword });
    return (await call<{ total: number }>(session, 'GET', '/reports?limit=1')).total;
  }

  beforeAll(async () => {
    server = await startServer();
    const admin = await readyAdmin(call, server, adminPassword);
    for (const side of [uploader, manufacturer]) {
      const org = await call<{ id: string }>(admin, 'POST', '/organisations', { name: side.org, kind: 'partner' });
      await call(admin, 'POST', '/users', {
        orgId: org.id,
        email: side.email,
        name: side === uploader ? 'Uma Uploader' : 'Mia Manufacturer',
        role: 'reporter',
        password: userPassword,
      });
      if (side === manufacturer) {
        await call(admin, 'POST', `/organisations/${org.id}/regimes`, { regimeId: 'eu-cra-art14' });
      }
    }

    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    shot = screenshotter(page, `${artifactPrefix}report-upload-`);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = (email: string, password: string) => signInPage(page, email, password);
  const snap = (name: string, options?: { toasts?: boolean }) => settledScreenshot(page, shot)(name, options);
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  const dialog = () => page.getByRole('dialog');

  /** The message Mantine shows under an input, found through the input's aria-describedby. */
  async function inlineError(input: Locator): Promise<string | null> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(/\s+/).find((candidate) => candidate.endsWith('-error'));
    return id ? page.locator(`[id="${id}"]`).textContent() : null;
  }

  async function openUpload() {
    await nav('Reports').click();
    await page.getByRole('link', { name: 'Submit report' }).click();
    await page.getByRole('button', { name: 'Upload CVE JSON 5 / CSAF' }).click();
    await dialog().getByTestId('import-form').waitFor();
  }

  async function chooseFormat(label: RegExp) {
    await dialog().getByLabel('Format', { exact: true }).click();
    await page.getByRole('option', { name: label }).click();
  }

  /** The value next to a label in the report's facts list (a <dl>). */
  const fact = (label: string) =>
    page
      .getByTestId('report-facts')
      .locator('dt')
      .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .locator('xpath=following-sibling::dd[1]');

  it('fills a report from a CVE JSON 5 record (Log4Shell) and gives its receipt', async () => {
    await signIn(uploader.email, userPassword);
    await openUpload();
    await dialog().locator('input[type="file"]').setInputFiles(log4shell);
    await dialog().getByText('CVE-2021-44228.json').waitFor();
    await snap('cve-upload-dialog');
    await dialog().getByRole('button', { name: 'Upload and submit' }).click();

    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt').textContent()).toContain('Initial received at');
    expect(await page.getByTestId('receipt-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('report-title').textContent()).toBe(
      'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP and other JNDI related endpoints',
    );
    expect(await page.getByTestId('report-status').textContent()).toBe('Received');
    // CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H is the record's own 10.0.
    expect(await page.getByTestId('report-severity').textContent()).toBe('critical 10.0');
    expect(await fact('CVE').textContent()).toBe('CVE-2021-44228');
    expect(await fact('CVSS v3.1').textContent()).toBe('10.0CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H');
    expect(await fact('CWE').textContent()).toBe('CWE-502, CWE-400, CWE-20');
    expect(await fact('Source').textContent()).toBe('cve5');
    expect(await fact('Reporter').textContent()).toBe(uploader.org);
    const product = page.getByTestId('report-products').getByRole('row', { name: /Apache Log4j2/ });
    expect(await product.textContent()).toContain('Apache Software Foundation');
    // The record's `custom` version ranges cannot be ordered: they are kept word for word in the details.
    await page.getByText('Apache Software Foundation Apache Log4j2: introduced 2.4, fixed 2.12.2 (custom)').waitFor();
    await page.getByRole('link', { name: 'https://logging.apache.org/log4j/2.x/security.html' }).first().waitFor();
    await snap('cve-report-receipt');
    expect(await reportCount(uploader)).toBe(1);
  });

  it('fills a report from a CSAF 2.0 advisory and gives its receipt', async () => {
    await openUpload();
    await chooseFormat(/^CSAF 2\.0 document/);
    await dialog().locator('input[type="file"]').setInputFiles(bsiAdvisory);
    await dialog().getByText('bsi-2022-0001.json').waitFor();
    await snap('csaf-upload-dialog');
    await dialog().getByRole('button', { name: 'Upload and submit' }).click();

    await page.getByTestId('receipt').waitFor();
    await page.locator('.mantine-Notification-root', { hasText: '1 report(s) received' }).waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(
      'CVRF-CSAF-Converter: XML External Entities Vulnerability (CVE-2022-27193)',
    );
    expect(await page.getByTestId('report-tlp').textContent()).toBe('TLP:CLEAR');
    expect(await fact('CVE').textContent()).toBe('CVE-2022-27193');
    expect(await fact('CVSS v3.1').textContent()).toContain('CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L');
    expect(await fact('Source').textContent()).toBe('csaf');
    const product = page.getByTestId('report-products').getByRole('row', { name: /CVRF-CSAF-Converter/ });
    expect(await product.textContent()).toContain('CSAF Tools');
    // The advisory's six product versions come through as structured versions.
    expect(await product.locator('.mantine-Badge-root').count()).toBe(6);
    await snap('csaf-report-receipt', { toasts: true });

    await tab('Receipts').click();
    await expect.poll(() => page.getByTestId('submission-row').count()).toBe(1);
    expect(await reportCount(uploader)).toBe(2);

    // Both uploads are in the partner's queue.
    await nav('Reports').click();
    await page
      .getByTestId('reports-table')
      .getByRole('row', { name: /CVE-2022-27193/ })
      .waitFor();
    await page
      .getByTestId('reports-table')
      .getByRole('row', { name: /Apache Log4j2 JNDI/ })
      .waitFor();
    await snap('queue-after-uploads');
  });

  it('refuses a JSON that is neither, and a PNG named .json, inline, and creates nothing', async () => {
    const before = await reportCount(uploader);
    await openUpload();
    const alert = dialog().getByTestId('error-alert');

    // Valid JSON, but no CVE record: the server names what is missing.
    await dialog()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'meeting-notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ title: 'Meeting notes', attendees: ['Uma', 'Mia'] })),
      });
    await dialog().getByRole('button', { name: 'Upload and submit' }).click();
    await alert.getByText(/^Not a CVE JSON 5 record: /).waitFor();
    expect(await alert.textContent()).toContain('cveMetadata');
    await snap('upload-neither-refused');

    // A screenshot saved as .json by mistake: not JSON at all, refused before anything is sent.
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await dialog().locator('input[type="file"]').setInputFiles({
      name: 'advisory.json',
      mimeType: 'application/json',
      buffer: png,
    });
    await dialog().getByText('advisory.json').waitFor();
    // Another file: the last one's error no longer applies.
    await alert.waitFor({ state: 'detached' });
    await dialog().getByRole('button', { name: 'Upload and submit' }).click();
    await alert.getByText('advisory.json is not JSON').waitFor();
    expect(await alert.textContent()).not.toContain('CVE JSON 5 record');
    await snap('upload-png-refused');

    expect(await dialog().isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await reportCount(uploader)).toBe(before);
  });

  it('lets a CRA manufacturer send its early warning through the form', async () => {
    await signIn(manufacturer.email, userPassword);
    await nav('Reports').click();
    await page.getByRole('link', { name: 'Submit report' }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel(/^Title/).fill(craTitle);
    await form.getByLabel(/^Description/).fill('Requests with a crafted session cookie reach the admin console.');
    await form.getByLabel('Product 1 vendor').fill('Widget Systems');
    await form.getByLabel('Product 1 product').fill('Widget Router');
    await form.getByLabel('Exploitation', { exact: true }).click();
    await page.getByRole('option', { name: 'Actively exploited', exact: true }).click();
    await form.getByLabel(/^Exploitation evidence/).fill('Seen in the wild against customer routers since yesterday.');
    // Aware two hours ago: the CRA clocks (24 h early warning, 72 h notification) run from there.
    const aware = new Date(Date.now() - 2 * 3600_000);
    const local = new Date(aware.getTime() - aware.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel(/^Became aware/).fill(local);
    await snap('early-warning-form');
    await form.getByRole('button', { name: 'Submit report' }).click();

    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(craTitle);
    expect(await fact('Source').textContent()).toBe('form');
    await tab('Obligations').click();
    const obligation = (title: RegExp) => page.getByTestId('obligation-row').filter({ hasText: title });
    await obligation(/^Early warning within 24 hours/).waitFor();
    // The first report carries what an early warning must (the product): it is the early warning.
    expect(
      await obligation(/^Early warning/)
        .getByTestId('obligation-status')
        .textContent(),
    ).toBe('met');
    const notification = obligation(/^Vulnerability notification within 72 hours/);
    expect(await notification.getByTestId('obligation-status').textContent()).toBe('pending');
    expect(await notification.textContent()).toMatch(/products\/\*\/versions.*technicalDetails.*impact/);
    expect(await obligation(/^Final report/).textContent()).toContain('waits for Fix available');
    await snap('early-warning-obligations');
  });

  it('takes the notification stage from "Submit next stage", naming the missing fields inline first', async () => {
    await tab('Receipts').click();
    await expect.poll(() => page.getByTestId('submission-row').count()).toBe(1);
    expect(await page.getByTestId('submission-row').textContent()).toContain('Initial');
    await page.getByRole('link', { name: 'Submit next stage' }).click();

    const form = page.getByTestId('stage-form');
    await form.waitFor();
    // The form holds the report's current content.
    await expect.poll(() => form.getByLabel(/^Title/).inputValue()).toBe(craTitle);
    expect(await form.getByLabel('Product 1 product').inputValue()).toBe('Widget Router');
    await form.getByLabel('Stage', { exact: true }).click();
    await page.getByRole('option', { name: 'Notification', exact: true }).click();
    await form.getByRole('button', { name: 'Submit stage' }).click();

    // The server answers 422 naming what the notification needs; each shows under its input.
    const alert = form.getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'The notification stage needs: products/*/versions, technicalDetails, impact',
    );
    const required = 'is required for the notification stage';
    await expect.poll(() => inlineError(form.getByLabel(/^Technical details/))).toBe(required);
    expect(await inlineError(form.getByLabel(/^Impact/))).toBe(required);
    expect(await form.getByTestId('product-editor').first().getByText(required).count()).toBe(1);
    await snap('notification-missing-fields');

    await form.getByLabel(/^Technical details/).fill('The session check compares only the cookie prefix.');
    await form.getByLabel(/^Impact/).fill('Full administrative control of the router without credentials.');
    await form.getByRole('button', { name: 'Add version range' }).click();
    await form.getByLabel('Product 1 range 1 introduced').fill('3.0.0');
    await form.getByLabel('Product 1 range 1 fixed').fill('3.2.4');
    // Fields put right lose their errors, inline and in the alert alike.
    expect(await inlineError(form.getByLabel(/^Technical details/))).toBeNull();
    expect(await inlineError(form.getByLabel(/^Impact/))).toBeNull();
    expect(await form.getByTestId('product-editor').first().getByText(required).count()).toBe(0);
    expect(await alert.getByRole('listitem').count()).toBe(0);
    await snap('notification-filled');
    await form.getByRole('button', { name: 'Submit stage' }).click();

    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('Notification received at');
    expect(await page.getByTestId('receipt-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await snap('notification-receipt');

    await tab('Receipts').click();
    await expect.poll(() => page.getByTestId('submission-row').count()).toBe(2);
    const stages = await page.getByTestId('submission-row').locator('td:first-child').allTextContents();
    expect(stages).toEqual(['Initial', 'Notification']);
    await snap('receipts-two-stages');

    await tab('Obligations').click();
    const notification = page.getByTestId('obligation-row').filter({ hasText: /^Vulnerability notification/ });
    await expect.poll(() => notification.getByTestId('obligation-status').textContent()).toBe('met');
    expect(await notification.textContent()).toContain('on time');
    await snap('notification-obligation-met');

    await tab('Details').click();
    await page.getByTestId('report-products').getByText('from 3.0.0 before 3.2.4 (semver)').waitFor();
  });

  it('logged no errors in the browser console other than the 401s before sign-in and the two refusals shown inline', () => {
    const unexpected = consoleErrors.filter((text) => !/status of (401|400|422)/.test(text));
    expect(unexpected).toEqual([]);
    // The upload that is neither format (400) and the notification without its fields (422); the PNG never left
    // the browser.
    expect(consoleErrors.filter((text) => /status of 400/.test(text))).toHaveLength(1);
    expect(consoleErrors.filter((text) => /status of 422/.test(text))).toHaveLength(1);
  });
});
