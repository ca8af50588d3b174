import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCsvLine } from '../../core/csv.ts';
import { parentCodeOf } from './regions.rules.ts';

export const REGION_DATASET = { name: 'idn-area-data', version: '4.0.1' } as const;

export type RegionRow = { code: string; parent: string | null; level: number; name: string };

function datasetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('idn-area-data')), '..', 'data');
}

/** All regions of idn-area-data, parents before children. */
export async function readRegionDataset(): Promise<RegionRow[]> {
  const dir = datasetDir();
  const files = ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv'];
  const rows: RegionRow[] = [];
  for (const [index, file] of files.entries()) {
    const text = await readFile(join(dir, file), 'utf8');
    const lines = text.split(/\r?\n/).slice(1);
    for (const line of lines) {
      if (!line.trim()) continue;
      const cells = parseCsvLine(line);
      const code = cells[0] ?? '';
      const name = cells.at(-1) ?? '';
      rows.push({ code, parent: parentCodeOf(code), level: index + 1, name });
    }
  }
  return rows;
}
