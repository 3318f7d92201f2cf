import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPrefix, launchBrowser, type RunningServer, screenshotter, startServer } from './server.ts';
import { type ApiSession, apiClient, readyAdmin, signInPage } from './session.ts';

/**
 * The reporting scenario in a real Chromium: a partner submits a report through the form (inline CVSS error
 * first), gets a receipt and sees its CN 2021 obligation; the operator triages it and brings in a vendor; the
 * vendor answers for the product; the operator sees the answer. Set-up (orgs, users, regime) goes through the API.
 */
describe('reports in the browser', () => {
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
  const partner = { org: `Nimbus Cloud ${run}`, email: `psirt-${run}@nimbus.example` };
  const vendor = { org: `Widget Systems ${run}`, email: `security-${run}@widget.example` };
  const title = `Heap overflow in Widget Gateway firmware ${run}`;

  beforeAll(async () => {
    server = await startServer();
    const admin = await readyAdmin(call, server, adminPassword);
    for (const side of [partner, vendor]) {
      const org = await call<{ id: string }>(admin, 'POST', '/organisations', { name: side.org, kind: 'partner' });
      await call(admin, 'POST', '/users', {
        orgId: org.id,
        email: side.email,
        name: side === partner ? 'Pat Reporter' : 'Val Vendor',
        role: 'reporter',
        password: userPassword,
      });
      if (side === partner) {
        await call(admin, 'POST', `/organisations/${org.id}/regimes`, { regimeId: 'cn-2021' });
        await call(admin, 'POST', `/organisations/${org.id}/regimes`, { regimeId: 'eu-cra-art14' });
      }
    }
    // An earlier, actively exploited report whose fix shipped 13 days and 6 hours ago: the EU CRA final report
    // is due in about 18 hours, so the deadlines board and the queue show it as due soon.
    const reporter = await call<ApiSession>(null, 'POST', '/session', { email: partner.email, password: userPassword });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
    await call(reporter, 'POST', '/reports', {
      title: `Path traversal in Nimbus console ${run}`,
      description: 'The file download endpoint accepts ../ sequences.',
      technicalDetails: 'download?path=../../etc/shadow',
      impact: 'Reads any file as the service user.',
      scopeOfImpact: 'All Nimbus console tenants.',
      exploitation: 'active',
      products: [
        {
          vendor: 'Nimbus',
          product: 'Nimbus console',
          model: 'SaaS',
          versions: [{ scheme: 'semver', fixed: '5.2.0' }],
        },
      ],
      timeline: { awareAt: hoursAgo(15 * 24), fixAvailableAt: hoursAgo(13 * 24 + 6) },
    });

    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    shot = screenshotter(page, `${artifactPrefix}reports-`);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = (email: string, password: string) => signInPage(page, email, password);
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });

  async function openReport() {
    await nav('Reports').click();
    await page.getByTestId('reports-search').fill(run);
    const row = page.getByTestId('reports-table').getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    return row;
  }

  it('lets a partner submit a report, with the CVSS error inline, and shows the receipt and obligations', async () => {
    await signIn(partner.email, userPassword);
    await nav('Reports').click();
    await page.getByRole('link', { name: 'Submit report' }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel(/^Title/).fill(title);
    await form.getByLabel(/^Description/).fill('A crafted HTTP request overflows a heap buffer in the admin UI.');
    await form.getByLabel(/^Technical details/).fill('The Content-Length header is trusted by parse_request().');
    await form.getByLabel(/^Impact/).fill('Remote code execution as root without authentication.');
    await form.getByLabel(/^Scope of impact/).fill('About 40,000 internet-facing gateways.');
    await form.getByLabel('Product 1 vendor').fill('Widget Systems');
    await form.getByLabel('Product 1 product').fill('Widget Gateway');
    await form.getByLabel('Product 1 model').fill('WG-3000');
    await form.getByRole('button', { name: 'Add version range' }).click();
    await form.getByLabel('Product 1 range 1 introduced').fill('2.0.0');
    await form.getByLabel('Product 1 range 1 fixed').fill('2.4.1');
    // Aware three hours ago: the CN 2021 two-day clock runs from there.
    const aware = new Date(Date.now() - 3 * 3600_000);
    const local = new Date(aware.getTime() - aware.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel(/^Became aware/).fill(local);
    // AV:Q is no CVSS 3.1 value: the server names the metric, the form shows it under the vector.
    await form.getByLabel(/^CVSS v3\.1 vector/).fill('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    await shot('submit-form');
    await form.getByRole('button', { name: 'Submit report' }).click();
    const vectorError = form.locator('.mantine-TextInput-error', { hasText: 'AV' });
    await vectorError.waitFor();
    await shot('submit-cvss-error');

    await form.getByLabel(/^CVSS v3\.1 vector/).fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    await form.getByRole('button', { name: 'Submit report' }).click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    expect(await page.getByTestId('receipt-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('report-status').textContent()).toBe('Received');
    expect(await page.getByTestId('report-severity').textContent()).toContain('critical');
    await shot('report-receipt');

    await tab('Obligations').click();
    const obligation = page.getByTestId('obligation-row').first();
    await obligation.waitFor();
    expect(await obligation.textContent()).toContain('cn-2021');
    expect(await obligation.textContent()).toMatch(/met|pending/);
    await shot('report-obligations');
  });

  it('lets the operator find it in the queue, triage and confirm it, and bring in the vendor', async () => {
    await signIn(server.admin.email, adminPassword);
    const row = await openReport();
    expect(await row.textContent()).toContain(partner.org);
    await shot('triage-queue');
    await row.getByRole('link').first().click();
    await page.getByTestId('report-page').waitFor();

    for (const [to, reason] of [
      ['Triaged', 'Reproduced on WG-3000 firmware 2.3.0'],
      ['Confirmed', 'Vendor product confirmed affected'],
    ] as const) {
      await page.getByRole('button', { name: 'Change status' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^New status/).click();
      await page.getByRole('option', { name: to, exact: true }).click();
      await dialog.getByLabel(/^Reason/).fill(reason);
      if (to === 'Triaged') await shot('change-status');
      await dialog.getByRole('button', { name: 'Change status' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('report-status').textContent()).toBe(to);
    }

    await page.getByRole('button', { name: 'Bring in vendor' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Vendor organisation/).fill('Widget');
    await page.getByRole('option', { name: new RegExp(vendor.org) }).click();
    await dialog.getByRole('button', { name: 'Bring in vendor' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tab('Vendors').click();
    await page.getByTestId('vendor-card').getByText(vendor.org).waitFor();
    await shot('vendor-brought-in');

    await tab('Timeline').click();
    await page.getByTestId('workflow-history').getByText('Vendor product confirmed affected').waitFor();
    await shot('timeline');
    await tab('Audit trail').click();
    await page.getByTestId('audit-row').first().waitFor();
    await shot('audit-trail');
  });

  it('lets the vendor answer for its product', async () => {
    await signIn(vendor.email, userPassword);
    const row = await openReport();
    await row.getByRole('link').first().click();
    await tab('Vendors').click();
    const form = page.getByTestId('statement-form').first();
    await form.getByLabel('Status for Widget Systems Widget Gateway').click();
    await page.getByRole('option', { name: 'Fixed', exact: true }).click();
    await form.getByLabel('Statement for Widget Systems Widget Gateway').fill('Fixed in firmware 2.4.1; update now.');
    await shot('vendor-answer-form');
    await form.getByRole('button', { name: 'Send statement' }).click();
    await page.getByTestId('vendor-statement').getByText('Fixed in firmware 2.4.1').waitFor();
    await shot('vendor-answered');
  });

  it("shows the operator the vendor's statement, and the deadlines board", async () => {
    await signIn(server.admin.email, adminPassword);
    const row = await openReport();
    await row.getByRole('link').first().click();
    await tab('Vendors').click();
    const statement = page.getByTestId('vendor-statement').first();
    await statement.waitFor();
    expect(await statement.getByTestId('vex-status').textContent()).toBe('Fixed');
    expect(await statement.textContent()).toContain('Fixed in firmware 2.4.1');
    await shot('operator-sees-statement');

    await nav('Deadlines').click();
    await page.getByTestId('deadlines-table').getByText(title).waitFor();
    await page.getByText('Due within 48 h', { exact: true }).click();
    const pending = page.getByTestId('deadlines-table').getByRole('row', { name: /Path traversal in Nimbus console/ });
    expect(await pending.getByTestId('countdown').textContent()).toMatch(/^in 1[78] h/);
    await shot('deadlines-due-soon');

    // The queue shows the same deadline next to the report, and filters by it.
    await nav('Reports').click();
    await page.getByText('Due within 48 h', { exact: true }).click();
    await page
      .getByTestId('reports-table')
      .getByRole('row', { name: /Path traversal in Nimbus console/ })
      .waitFor();
    await expect.poll(() => page.getByTestId('table-range').textContent()).toBe('1–1 of 1');
    await shot('queue-due-soon');
  });

  it('logged no errors in the browser console other than the 401s before sign-in and the one rejected CVSS', () => {
    const unexpected = consoleErrors.filter((text) => !/status of (401|400)/.test(text));
    expect(unexpected).toEqual([]);
    expect(consoleErrors.filter((text) => /status of 400/.test(text))).toHaveLength(1);
  });
});
