import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TMP_DIR = fileURLToPath(new URL('../../.tmp/', import.meta.url));
export const PGLITE_TEMPLATE_FILE = join(TMP_DIR, 'pglite-template.tar');
/** The template with the demo data (fillDemo) too, and the business date it was filled on. */
export const PGLITE_DEMO_FILE = join(TMP_DIR, 'pglite-demo.tar');
export const DEMO_TEMPLATE_INFO = join(TMP_DIR, 'demo-template.json');
/** One template per checkout, so that two checkouts' test runs on one PostgreSQL server do not drop each other's. */
const CHECKOUT = createHash('sha256').update(TMP_DIR).digest('hex').slice(0, 8);
export const POSTGRES_TEMPLATE_DB = `jaring_test_template_${CHECKOUT}`;
export const POSTGRES_DEMO_DB = `jaring_test_demo_${CHECKOUT}`;

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
