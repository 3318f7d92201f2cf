import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPrefix, launchBrowser, type RunningServer, screenshotter, startServer } from './server.ts';
import { type ApiSession, apiClient, readyAdmin, settledScreenshot, signInPage } from './session.ts';

interface SanctionDto {
  id: string;
  status: string;
  endsAt: string | null;
}

/**
 * The partner programme in a real Chromium: a partner's critical report 13 days late opens a major violation and
 * the policy proposes a six-month suspension; the operator opens it (a bad change first, refused inline) and
 * confirms it; the partner sees itself suspended on /programme; the server's clock moves past the end, and its own
 * periodic sweep opens the reinstatement review; the partner submits a rectification with a file; the operator
 * downloads it and reinstates; the partner is active again. Set-up (org, user, regime, late report, evaluation)
 * goes through the API.
 */
describe('sanctions and reviews in the browser', () => {
  let server: RunningServer;
  const call = apiClient(() => server);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shot: (name: string) => Promise<string>;
  let admin: ApiSession;
  let orgId = '';
  let sanction: SanctionDto;
  const consoleErrors: string[] = [];
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const adminPassword = 'a much longer passphrase for e2e';
  const userPassword = 'reporter passphrase for e2e';
  const partner = { org: `Cloud Provider ${run}`, email: `psirt-${run}@cloud.example` };
  const plan = 'Vulnerability intake staffed 24/7; every report filed within 24 hours of awareness.\n';

  /** Polls until `check` holds (expect.poll works only inside a test). */
  async function until(check: () => Promise<boolean>, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const signInAdmin = async () => {
    admin = await call<ApiSession>(null, 'POST', '/session', { email: server.admin.email, password: adminPassword });
  };
  // The UI shows dates in the browser's time zone, which is this process's.
  const localDay = (iso: string) => {
    const d = new Date(iso);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };

  beforeAll(async () => {
    server = await startServer({ movableClock: true });
    admin = await readyAdmin(call, server, adminPassword);
    const org = await call<{ id: string }>(admin, 'POST', '/organisations', { name: partner.org, kind: 'partner' });
    orgId = org.id;
    await call(admin, 'POST', '/users', {
      orgId,
      email: partner.email,
      name: 'Pat Reporter',
      role: 'reporter',
      password: userPassword,
    });
    await call(admin, 'POST', `/organisations/${orgId}/regimes`, { regimeId: 'cn-2021' });

    // A critical flaw the partner knew of 15 days ago: the CN 2021 two-day report is met 13 days late.
    const reporter = await call<ApiSession>(null, 'POST', '/session', { email: partner.email, password: userPassword });
    await call(reporter, 'POST', '/reports', {
      title: `Remote code execution in the hosting control plane ${run}`,
      description: 'A deserialisation flaw in the control plane API runs attacker-supplied code.',
      technicalDetails: 'The tenant import endpoint deserialises untrusted Java objects.',
      impact: 'Remote code execution as the control plane service.',
      scopeOfImpact: 'Every tenant of the hosting platform.',
      cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      products: [
        {
          vendor: 'Cloud Provider',
          product: 'Control plane',
          model: 'CP-2',
          versions: [{ scheme: 'semver', fixed: '4.1.0' }],
        },
      ],
      timeline: { awareAt: new Date(Date.now() - 15 * 24 * 3600_000).toISOString() },
    });
    const evaluated = await call<{ opened: number; items: { ruleId: string; orgId: string }[] }>(
      admin,
      'POST',
      '/violations/evaluate',
    );
    expect(evaluated.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ orgId, ruleId: 'late-serious-report' })]),
    );
    // The policy's proposal comes from a job the server's worker runs.
    await until(async () => (await call<{ total: number }>(admin, 'GET', `/sanctions?orgId=${orgId}`)).total === 1);

    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    shot = screenshotter(page, `${artifactPrefix}sanctions-`);
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const signIn = (email: string, password: string) => signInPage(page, email, password);
  const snap = (name: string, options?: { toasts?: boolean }) => settledScreenshot(page, shot)(name, options);
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  const dialog = () => page.getByRole('dialog');

  it("lets the operator open the policy's proposal, shows a refused change inline, and confirms it", async () => {
    await signIn(server.admin.email, adminPassword);
    await nav('Sanctions').click();
    const row = page.getByTestId('sanctions-table').getByRole('row', { name: new RegExp(partner.org) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/suspension6 monthsProposedpolicyMajor violation \(late-serious-report\)/);
    await snap('sanctions-needs-action');

    await row.getByRole('link', { name: partner.org }).click();
    await page.getByTestId('sanction-page').waitFor();
    expect(await page.getByTestId('sanction-status').textContent()).toBe('Proposed');
    await page.getByTestId('sanction-violation').getByText('late-serious-report').waitFor();
    await snap('sanction-proposed');

    // Twenty years is no suspension the server accepts: its problem+json shows in the form, under the field.
    await page.getByRole('button', { name: 'Change', exact: true }).click();
    await dialog()
      .getByLabel(/^Period/)
      .fill('P20Y');
    await dialog()
      .getByLabel(/^Reason/)
      .fill('A longer suspension for a repeat offender');
    await dialog().getByRole('button', { name: 'Change', exact: true }).click();
    const alert = dialog().getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('A suspension lasts between a day and ten years');
    await dialog().getByText('must be between P1D and P10Y').waitFor();
    await snap('sanction-change-refused');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog()
      .getByLabel(/^Reason/)
      .fill('Reported a critical vulnerability 13 days late');
    await dialog()
      .getByLabel(/^Legal basis/)
      .fill('Partner agreement § 7');
    await snap('sanction-confirm-form');
    await dialog().getByRole('button', { name: 'Confirm', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('sanction-status').textContent()).toBe('In force');
    expect(await page.getByTestId('sanction-decision').textContent()).toContain('Reported a critical vulnerability');
    await snap('sanction-in-force', { toasts: true });

    [sanction] = (await call<{ items: SanctionDto[] }>(admin, 'GET', `/sanctions?orgId=${orgId}`)).items as [
      SanctionDto,
    ];
    expect(sanction).toMatchObject({ status: 'in_force', endsAt: expect.any(String) });
  });

  it('marks the partner suspended in the directory, with partner-only content withheld', async () => {
    await nav('Organisations').click();
    await page.getByTestId('org-search').fill(run);
    const row = page.getByTestId('organisations-table').getByRole('row', { name: new RegExp(partner.org) });
    await row
      .getByTestId('partner-standing')
      .getByText(`until ${localDay(sanction.endsAt!)}`)
      .waitFor();
    expect(await row.getByTestId('partner-standing').textContent()).toMatch(/^Suspended/);
    expect(await row.getByTestId('capability-receivesPartnerOnly').getAttribute('data-granted')).toBe('false');
    expect(await row.getByTestId('capability-reports').getAttribute('data-granted')).toBe('true');
    await snap('organisations-suspended');

    await row.getByRole('link', { name: partner.org }).click();
    const card = page.getByTestId('org-programme-card');
    await card.getByTestId('org-sanctions').getByText('In force').waitFor();
    await page
      .getByTestId('partner-status-card')
      .getByText(`Suspended until ${localDay(sanction.endsAt!)}`)
      .waitFor();
    await card.getByTestId('org-violations').getByText('late-serious-report').waitFor();
    await card.getByRole('button', { name: 'Propose sanction' }).first().click();
    await dialog()
      .getByLabel(/^Reason/)
      .fill('Repeated failure to name a security contact');
    await snap('propose-sanction-form');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    await snap('organisation-programme');
  });

  it('shows the partner its suspension on /programme, with what it means', async () => {
    await signIn(partner.email, userPassword);
    await nav('Programme').click();
    const standing = page.getByTestId('programme-standing');
    await standing
      .getByTestId('partner-standing')
      .getByText(`Suspended until ${localDay(sanction.endsAt!)}`)
      .waitFor();
    const explanation = await page.getByTestId('programme-standing-explanation').textContent();
    expect(explanation).toContain('partner-only (TLP:AMBER and above)');
    expect(explanation).toContain('Your reporting obligations keep running');
    await page
      .getByTestId('programme-violations')
      .getByText(/Major violation|reported more than 24 hours late/)
      .first()
      .waitFor();
    await page.getByTestId('programme-sanctions').getByText('Reported a critical vulnerability 13 days late').waitFor();
    await page.getByTestId('programme-scorecard').getByTestId('kpi-on-time-rate').waitFor();
    expect(await page.getByTestId('programme-review').count()).toBe(0);
    await snap('programme-suspended');

    // The partner's view of the sanction: the violation, the decision and the term; no controls, no deliberation.
    await page.getByTestId('programme-sanctions').getByRole('link', { name: 'Suspension' }).click();
    await page.getByTestId('sanction-violation').getByText('late-serious-report').waitFor();
    expect(await page.getByTestId('sanction-decision-actions').count()).toBe(0);
    expect(await page.getByTestId('sanction-page').textContent()).not.toContain('Proposed by');
    await snap('partner-sanction');
  });

  it("opens the reinstatement review from the server's own sweep once the suspension has ended", async () => {
    // Six months on (the server's clock only): the scheduler enqueues the sweep, the sweep opens the review.
    await server.setClockOffset(new Date(sanction.endsAt!).getTime() - Date.now() + 60_000);
    await signInAdmin();
    await expect
      .poll(async () => (await call<{ total: number }>(admin, 'GET', `/reviews?orgId=${orgId}`)).total, {
        timeout: 100_000,
        interval: 1000,
      })
      .toBe(1);

    await signIn(partner.email, userPassword);
    await nav('Programme').click();
    await page.getByTestId('programme-standing').getByTestId('partner-standing').getByText('Under review').waitFor();
    await page.getByTestId('programme-review').getByText('Awaiting rectification').waitFor();
    await snap('programme-under-review');
  }, 150_000);

  it('lets the partner submit its rectification with a file', async () => {
    const form = page.getByTestId('rectification-form');
    await form.getByLabel(/^Summary/).fill('We rebuilt our vulnerability reporting process.');
    await form.getByLabel(/^Processes/).fill('A reporting deadline tracker escalates after 12 hours.');
    await form.getByLabel(/^Contacts/).fill('A named PSIRT lead and deputy, registered with the operator.');
    await form.getByLabel(/^Tooling/).fill('Automated submission through the API.');
    await form.locator('input[type="file"]').setInputFiles({
      name: 'reporting-plan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(plan),
    });
    await form.getByText('reporting-plan.txt').waitFor();
    await snap('rectification-form');
    await form.getByRole('button', { name: 'Submit rectification' }).click();
    const review = page.getByTestId('programme-review');
    await review
      .getByTestId('rectification-attachment')
      .getByText(/reporting-plan\.txt/)
      .waitFor();
    await review.getByText('Rectification submitted').waitFor();
    expect(await review.getByTestId('rectification').textContent()).toContain('A named PSIRT lead and deputy');
    await snap('rectification-submitted', { toasts: true });
  });

  it('lets the operator read the rectification, download the file and reinstate the partner', async () => {
    await signIn(server.admin.email, adminPassword);
    await nav('Reviews').click();
    const row = page.getByTestId('reviews-table').getByRole('row', { name: new RegExp(partner.org) });
    await row.getByText('Rectification submitted').waitFor();
    await snap('reviews-list');
    await row.getByRole('link', { name: partner.org }).click();
    await page.getByTestId('review-page').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('rectification-attachment').click(),
    ]);
    expect(download.suggestedFilename()).toBe('reporting-plan.txt');
    expect(await readFile(await download.path(), 'utf8')).toBe(plan);

    const form = page.getByTestId('review-decision-form');
    await form.getByLabel(/^Reason/).fill('The rectification addresses the cause of the late report');
    await snap('review-detail');
    await form.getByRole('button', { name: 'Reinstate partner' }).click();
    const outcome = page.getByTestId('review-outcome');
    await outcome.getByText('Reinstate', { exact: true }).waitFor();
    expect(await page.getByTestId('review-status').textContent()).toBe('Decided');
    await snap('review-decided', { toasts: true });
  });

  it('shows the partner active again, with partner-only content restored', async () => {
    await signIn(partner.email, userPassword);
    await nav('Programme').click();
    const standing = page.getByTestId('programme-standing');
    await standing.getByTestId('partner-standing').getByText('Active', { exact: true }).waitFor();
    expect(await standing.getByTestId('capability-receivesPartnerOnly').getAttribute('data-granted')).toBe('true');
    expect(await page.getByTestId('programme-review-outcome').textContent()).toContain('Reinstate');
    await page.getByTestId('programme-sanctions').getByText('Reinstated').waitFor();
    await snap('programme-active');
  });

  it("counts the suspension in the regulator's statistics, by the month it started", async () => {
    await signIn(server.admin.email, adminPassword);
    await nav('Statistics').click();
    await page.getByText('1 came into force in the period (by the month they started).').waitFor();
    await snap('statistics');
  });

  it('logged no errors in the browser console other than 401s (signed out, expired sessions) and the one refused change', () => {
    const unexpected = consoleErrors.filter((text) => !/status of (401|400)/.test(text));
    expect(unexpected).toEqual([]);
    expect(consoleErrors.filter((text) => /status of 400/.test(text))).toHaveLength(1);
  });
});
