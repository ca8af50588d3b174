// The field app on a 360-px phone (issue 15 §5): every tap target — buttons, links, fields, the
// language switch's choices — is at least 44 × 44 px (WCAG 2.5.5), and nothing is wider than the
// screen, on each screen a cadre and a facilitator open, dialogs included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemoCadres, fillDemoHealth, fillDemoMoney } from '../src/modules/demo/index.ts';
import { startTestServer, systemTestContext, type TestServer } from '../src/testing/server.ts';
import { launchBrowser, newPage, openedDialog, PHONE, shown, signIn, skipBrowserTests } from './browser.ts';

const MIN = 44;

/** The visible tap targets smaller than 44 × 44 px, and anything sticking out to the right, on the page as it is. */
async function smallTargets(page: Page, where: string): Promise<string[]> {
  const found = await page.evaluate((min) => {
    const out: string[] = [];
    const selector =
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="checkbox"], [role="radio"]';
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // A radio or checkbox drawn by its label (the segmented control, Mantine's checkbox): the label is what a finger hits.
      const target =
        element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')
          ? (element.closest('label') ?? (element.id ? document.querySelector<HTMLElement>(`label[for="${element.id}"]`) : null) ?? element)
          : element;
      const style = getComputedStyle(target);
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || target.closest('[aria-hidden="true"], [inert]')) continue;
      // Visually hidden inputs (opacity 0, 1 px) behind a label are measured through the label above.
      if (target === element && element instanceof HTMLInputElement && Number(style.opacity) === 0) continue;
      const name = (target.getAttribute('aria-label') ?? target.textContent ?? (element as HTMLInputElement).name ?? '')
        .trim()
        .slice(0, 40);
      if (box.width < min - 0.5 || box.height < min - 0.5)
        out.push(`${target.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      if (box.right > window.innerWidth + 0.5)
        out.push(`${target.tagName.toLowerCase()} "${name}" sticks out (right ${Math.round(box.right)})`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth} px wide`);
    return out;
  }, MIN);
  return found.map((line) => `${where}: ${line}`);
}

describe.skipIf(skipBrowserTests)('field app tap targets at 360 px (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer('pglite', { demo: true, serveWeb: true }), launchBrowser()]);
    const ctx = systemTestContext(server.database);
    await fillDemoCadres(ctx);
    await fillDemoMoney(ctx);
    await fillDemoHealth(ctx);
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cadre: families, a family and its dialogs, the outbox — every target 44 px or more, nothing cut off', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, server.url, 'kader', DEMO_PASSWORD);
      await page.goto(`${server.url}/field`);
      await shown(page.getByRole('status'));
      const findings = await smallTargets(page, 'start');
      await page.getByRole('button', { name: 'Unduh data' }).click();
      await shown(page.getByTestId('downloaded-at'));
      findings.push(...(await smallTargets(page, 'families')));
      await page.locator('main a[href^="/field/families/"]').first().click();
      await shown(page.getByRole('button', { name: 'Catat kunjungan' }));
      findings.push(...(await smallTargets(page, 'family')));
      for (const action of ['Catat kunjungan', 'Catat iuran']) {
        await page.getByRole('button', { name: action }).click();
        const dialog = await openedDialog(page.getByRole('dialog'));
        findings.push(...(await smallTargets(page, action)));
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
      }
      await page.getByRole('link', { name: /Kotak keluar/ }).click();
      await shown(
        page
          .getByRole('heading', { level: 1 })
          .or(page.getByRole('heading', { level: 2 }))
          .first(),
      );
      findings.push(...(await smallTargets(page, 'outbox')));
      expect(findings).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the facilitator: groups, a group and its payment dialog — every target 44 px or more, nothing cut off', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, server.url, 'pendamping', DEMO_PASSWORD);
      await page.goto(`${server.url}/field`);
      await page.getByRole('button', { name: 'Unduh data' }).click();
      await shown(page.getByTestId('downloaded-at'));
      const findings = await smallTargets(page, 'groups');
      const group = page.locator('main a[href^="/field/groups/"]').first();
      if ((await group.count()) > 0) {
        await group.click();
        await shown(
          page
            .getByRole('heading', { level: 1 })
            .or(page.getByRole('heading', { level: 2 }))
            .first(),
        );
        findings.push(...(await smallTargets(page, 'group')));
        const pay = page.getByRole('button', { name: 'Catat pembayaran' }).first();
        if ((await pay.count()) > 0) {
          await pay.click();
          const dialog = await openedDialog(page.getByRole('dialog'));
          findings.push(...(await smallTargets(page, 'payment')));
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'hidden' });
        }
      }
      expect(findings).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
