import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TMP_DIR = fileURLToPath(new URL('../../.tmp/', import.meta.url));
export const PGLITE_TEMPLATE_FILE = join(TMP_DIR, 'pglite-template.tar');
export const POSTGRES_TEMPLATE_DB = 'jaring_test_template';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
