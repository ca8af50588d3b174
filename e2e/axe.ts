// axe-core in the page: the serious and critical WCAG 2.1 A/AA findings, shared by the accessibility checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Check = { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null };
type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; html?: string; any?: Check[] }[] };

/** A node as axe names it, with the colours and ratio when it is a contrast finding (what to change). */
function nodeText(node: Violation['nodes'][number]): string {
  const colours = node.any?.find((check) => check.data?.contrastRatio !== undefined)?.data;
  const text = node.target.join(' ');
  return colours ? `${text} [${colours.fgColor} on ${colours.bgColor}: ${colours.contrastRatio}:1]` : text;
}

/** axe-core's serious and critical findings on the page as it is, against WCAG 2.1 A and AA. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(nodeText).slice(0, 3).join(', ')}`);
}

/** Opens a page, waits for its level-one heading (its code loads on demand), and names what is wrong with it. */
export async function pageFindings(page: Page, url: string, path: string): Promise<string[]> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('heading', { level: 1 })
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => undefined);
  const findings: string[] = [];
  const headings = await page.getByRole('heading', { level: 1 }).count();
  if (headings !== 1) findings.push(`${path}: ${headings} level-one headings`);
  for (const violation of await seriousViolations(page)) findings.push(`${path}: ${violation}`);
  return findings;
}
