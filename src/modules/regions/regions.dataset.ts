import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readCsv } from '../../export/read-csv.ts';
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
    let header = true;
    for await (const { cells } of readCsv(createReadStream(join(dir, file)), { field: file })) {
      if (header) {
        header = false;
        continue;
      }
      const code = cells[0] ?? '';
      const name = cells.at(-1) ?? '';
      rows.push({ code, parent: parentCodeOf(code), level: index + 1, name });
    }
  }
  return rows;
}
