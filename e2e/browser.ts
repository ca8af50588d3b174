// Shared set-up of the browser journeys: real Chromium (Debian's package) driven by
// playwright-core, against the real server started by src/testing/server.ts.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; JARING_CHROMIUM_PATH points elsewhere (e.g. to try the skip and fail paths). */
export const CHROMIUM_PATH = process.env.JARING_CHROMIUM_PATH ?? '/usr/bin/chromium';
const mode = process.env.JARING_E2E; // 'required' | 'off' | anything else = when available
const found = existsSync(CHROMIUM_PATH);

/** Skip the suites: turned off, or Chromium missing and not required. */
export const skipBrowserTests = mode === 'off' || (!found && mode !== 'required');
if (mode !== 'off' && !found) {
  console.warn(
    mode === 'required'
      ? `Chromium not found at ${CHROMIUM_PATH}; JARING_E2E=required, so the browser tests fail.`
      : `Chromium not found at ${CHROMIUM_PATH}; browser tests skipped (install the Debian "chromium" package, or set JARING_E2E=required to make this an error).`,
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!found)
    throw new Error(
      `JARING_E2E=required but Chromium was not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or unset JARING_E2E.`,
    );
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** A fresh browser profile (no cookies, no stored language) at a given size. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'id-ID' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return { context, page };
}

/** Signs in through the login page (in Indonesian, the default) and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await shown(page.getByRole('heading', { level: 1, name: /^Selamat datang, / }));
}

/** A link of the app's navigation (the side bar; behind the burger on a phone). */
export const navLink = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

/** Waits until the locator is visible (what the user sees), failing after the default timeout or the one given. */
export async function shown(locator: Locator, timeout?: number): Promise<Locator> {
  await locator.waitFor({ state: 'visible', ...(timeout ? { timeout } : {}) });
  return locator;
}

/**
 * A dialog, visible and done opening: Mantine moves focus into it on a timer after it mounts,
 * and on a busy machine that can land in the middle of a fill (between selecting a field's text
 * and typing), so typing waits until focus is inside.
 */
export async function openedDialog(locator: Locator, timeout?: number): Promise<Locator> {
  await shown(locator, timeout);
  const focused = await locator.evaluate(
    (dialog) =>
      new Promise<boolean>((resolve) => {
        // Gives up after 10 s (a dialog with nothing to focus): the test goes on, with a warning.
        const until = Date.now() + 10_000;
        const check = () => {
          if (dialog.contains(document.activeElement)) resolve(true);
          else if (Date.now() > until) resolve(false);
          else setTimeout(check, 20);
        };
        check();
      }),
  );
  if (!focused) console.warn(`openedDialog: focus never entered ${locator}`);
  return locator;
}

/** Where an element is horizontally: wholly on screen, wholly off it (an off-canvas menu), or sliding. */
export async function horizontalPlace(locator: Locator): Promise<'inside' | 'outside' | 'partly'> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= 0 || box.left >= window.innerWidth) return 'outside';
    return box.left >= 0 && box.right <= window.innerWidth ? 'inside' : 'partly';
  });
}

/** Polls a condition of the page until it holds (the default timeout of 10 s). */
export async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Text on the page below WCAG AA contrast (4.5:1; 3:1 from 24 px, or 18.66 px bold) against the
 * first opaque background behind it. Disabled controls are exempt (WCAG 1.4.3).
 */
export async function lowContrastTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = (v ?? 0) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const background = (element: Element | null): number[] => {
      for (let node = element; node; node = node.parentElement) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length >= 3 && (colour[3] ?? 1) > 0.5) return colour;
      }
      return [255, 255, 255];
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const element = text.parentElement;
      if (!element || !text.textContent?.trim()) continue;
      if (element.closest('[disabled], [aria-disabled="true"], [data-disabled]')) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || Number(style.opacity) < 0.5) continue;
      const fore = luminance(rgb(style.color));
      const back = luminance(background(element));
      const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) failures.push(`${text.textContent.trim().slice(0, 40)} (${ratio.toFixed(2)}:1, ${style.color})`);
    }
    return failures;
  });
}
