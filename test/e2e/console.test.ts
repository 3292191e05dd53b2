// The operator console end to end (issue 7): a real `vigil serve` with the console it
// ships, driven in Chromium. An admin logs in, starts the bundled salvo, sees an
// attack warning with a time to impact, acknowledges it, and the acknowledgement is
// in the run's audit chain; the truth toggle fetches the run's truth and draws it
// (screenshot globe-truth.png);
// a broken scenario shows its error with line and field;
// observers get no acknowledge button; screenshots of the globe and the panel go to
// test-output/e2e; and every request the page made went to its own origin.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, ensureConsoleBuilt, launchChromium, OUTPUT, type Service, startService } from './harness.ts';

const ADMIN = 'e2e-admin-token-0123456789abcdef';
const BROKEN = `name: Broken on purpose
epoch: 2026-05-01T12:00:00Z
duration: 20m
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [95.0, 90.0]
    to: [40.0, -100.0]
    at: 60s
`;

let service: Service;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let runId = '';
const requested: string[] = [];

async function logIn(p: Page, token: string): Promise<void> {
  await p.goto(`${service.url}/`);
  await p.getByLabel('Token').fill(token);
  await p.getByRole('button', { name: 'Log in' }).click();
  await p.locator('.console').waitFor();
}

beforeAll(async () => {
  ensureConsoleBuilt();
  service = await startService(ADMIN);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.on('request', (r) => requested.push(r.url()));
  page = await context.newPage();
  page.on('websocket', (ws) => requested.push(ws.url()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('the operator console against vigil serve', () => {
  it('asks for a token, and an admin logs in with one', async () => {
    await page.goto(`${service.url}/`);
    await expect(page.getByLabel('Token').isVisible()).resolves.toBe(true);
    await page.getByLabel('Token').fill('not-a-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.login-message', { hasText: 'not valid' }).waitFor();
    await logIn(page, ADMIN);
    await expect(page.locator('.who').textContent()).resolves.toContain('admin (admin)');
  });

  it('starts the bundled salvo and shows an attack-warning with a time to impact', async () => {
    await page.locator('.scenario-panel').waitFor();
    await page.locator('.scenario-list.bundled button.pick[data-scenario="salvo"]').click();
    await expect(page.locator('.scenario-name').inputValue()).resolves.toBe('salvo');
    await page.locator('.run-pace').fill('100');
    await page.locator('button.start-run').click();
    await page.waitForURL(/#run=/);
    runId = decodeURIComponent(new URL(page.url()).hash.slice('#run='.length));
    const card = page.locator('.alert-card[data-level="attack-warning"]').first();
    await card.waitFor({ timeout: 90_000 });
    await expect(card.locator('.level').textContent()).resolves.toBe('ATTACK WARNING');
    await expect(card.locator('.countdown').textContent()).resolves.toMatch(/^impact in \d+:\d{2}$/);
    await expect(card.locator('.impact-area').textContent()).resolves.toContain('United States of America');
    await expect(card.locator('.notification').textContent()).resolves.toBe('no notification covers it');
  }, 120_000);

  it('acknowledges the attack warning, and the acknowledgement is in the audit chain', async () => {
    const card = page.locator('.alert-card[data-level="attack-warning"]').first();
    const alertId = await card.getAttribute('data-alert-id');
    await card.locator('button.ack').click();
    await card.locator('.ack-state', { hasText: 'acknowledged by admin' }).waitFor({ timeout: 15_000 });
    const audit = await api<Array<{ kind: string; data: Record<string, unknown> }>>(
      service,
      'GET',
      `/api/runs/${encodeURIComponent(runId)}/audit`,
    );
    const ack = audit.find((r) => r.kind === 'operator-action' && r.data['action'] === 'acknowledge');
    expect(ack?.data).toMatchObject({ alertId, actor: 'admin', level: 'attack-warning' });
    const verified = await api<{ ok: boolean }>(
      service,
      'GET',
      `/api/runs/${encodeURIComponent(runId)}/audit/verify`,
    );
    expect(verified.ok).toBe(true);
  }, 60_000);

  it('draws the truth only when the truth toggle is turned on', async () => {
    const truthAsked = () => requested.filter((u) => u.includes('/truth')).length;
    expect(truthAsked()).toBe(0);
    await expect(page.locator('#globe').getAttribute('data-truth')).resolves.toBe('hidden');
    const toggle = page.getByLabel('truth (training/replay)');
    await toggle.check();
    await page.locator('#globe[data-truth="shown"]').waitFor({ timeout: 30_000 });
    expect(truthAsked()).toBe(1);
    const truth = await api<{ objects: unknown[]; launches: unknown[] }>(
      service,
      'GET',
      `/api/runs/${encodeURIComponent(runId)}/truth`,
    );
    // Every flight and every launch marker at least (impact markers, sources and false reports besides).
    const entities = Number(await page.locator('#globe').getAttribute('data-truth-entities'));
    expect(entities).toBeGreaterThanOrEqual(truth.objects.length + truth.launches.length);
    expect(truth.objects.length).toBeGreaterThan(0);
    await page.locator('#globe[data-tiles="loaded"]').waitFor({ timeout: 60_000 });
    await page.locator('#globe').screenshot({ path: join(OUTPUT, 'globe-truth.png') });
    await toggle.uncheck();
    await page.locator('#globe[data-truth="hidden"]').waitFor();
  }, 60_000);

  it('takes screenshots of the globe and the alert panel', async () => {
    await page.locator('#globe[data-tiles="loaded"]').waitFor({ timeout: 60_000 });
    await page.locator('#globe').screenshot({ path: join(OUTPUT, 'globe.png') });
    await page.locator('.side').screenshot({ path: join(OUTPUT, 'panel.png') });
    await page.screenshot({ path: join(OUTPUT, 'console.png') });
  }, 90_000);

  it('shows a broken scenario’s error with its line and field', async () => {
    await page.locator('button.open-scenarios').click();
    await page.locator('.scenario-panel').waitFor();
    const file = join(OUTPUT, 'broken.yaml');
    writeFileSync(file, BROKEN);
    await page.locator('input.scenario-file').setInputFiles(file);
    const problem = page.locator('.validation .problem').first();
    await problem.waitFor();
    await expect(problem.locator('.problem-place').textContent()).resolves.toBe('line 9, column 12');
    await expect(problem.locator('.problem-field').textContent()).resolves.toBe('events[0].from[0]');
    await expect(problem.locator('.problem-message').textContent()).resolves.toContain('latitude');
  });

  it('gives an observer no acknowledge button and no clock controls, and an operator acknowledge only', async () => {
    for (const role of ['observer', 'operator'] as const) {
      const { token } = await api<{ token: string }>(service, 'POST', '/api/tokens', {
        name: `e2e ${role}`,
        role,
      });
      const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      other.on('request', (r) => requested.push(r.url()));
      const p = await other.newPage();
      p.on('websocket', (ws) => requested.push(ws.url()));
      await logIn(p, token);
      await p.goto(`${service.url}/#run=${encodeURIComponent(runId)}`);
      await p.locator('.alert-card').first().waitFor({ timeout: 30_000 });
      await expect(p.locator('.who').textContent()).resolves.toContain(`(${role})`);
      await expect(p.locator('button.ack').count()).resolves.toBe(
        role === 'observer' ? 0 : await p.locator('.alert-card').count(),
      );
      await expect(p.locator('.clock-bar button.play').count()).resolves.toBe(0);
      await other.close();
    }
  }, 90_000);

  it('made requests only to its own origin', () => {
    const origin = new URL(service.url);
    const foreign = requested.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const url = new URL(u);
      return url.host !== origin.host;
    });
    expect(requested.length).toBeGreaterThan(20);
    expect(foreign).toEqual([]);
  });
});
