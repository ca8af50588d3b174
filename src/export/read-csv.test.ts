import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { httpStatusOf } from '../http/problem.ts';
import { type CsvRecord, type CsvSource, readCsv } from './read-csv.ts';

const spectrum = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = readdirSync(join(spectrum, 'csvs')).map((file) => basename(file, '.csv'));

async function records(source: CsvSource): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(source)) out.push(record);
  return out;
}

async function refusal(source: CsvSource) {
  try {
    await records(source);
  } catch (error) {
    if (error instanceof AppError) return { status: httpStatusOf(error), errors: error.errors };
    throw error;
  }
  throw new Error('read without complaint');
}

describe('readCsv', () => {
  it('finds the csv-spectrum cases', () => expect(cases.length).toBeGreaterThanOrEqual(12));

  // csv-spectrum: published CSV test data with the JSON each file must give (header row as keys).
  it.each(cases)('reads csv-spectrum %s as its published JSON', async (name) => {
    const [header, ...rows] = (await records(createReadStream(join(spectrum, 'csvs', `${name}.csv`)))).map((r) => r.cells);
    const published: unknown = JSON.parse(readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8'));
    // Known errata of the published JSON (max-mapper/csv-spectrum#20, #22): one record as an
    // object rather than an array, and a phone number that is not the CSV's.
    const expected = Array.isArray(published) ? published : [published];
    if (name === 'location_coordinates') expected[0]['Contact Phone Number'] = '2095257564';
    const objects = rows.map((cells) => Object.fromEntries((header ?? []).map((key, i) => [key, cells[i]])));
    expect(objects).toEqual(expected);
  });

  it('gives the same records however the stream is cut, even inside a CRLF or a doubled quote', async () => {
    const text = 'a,b\r\n"x ""y""\r\nz",2\r\n\r\n3,"4"\r\n';
    const whole = await records(text);
    expect(whole).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x "y"\r\nz', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++)
      expect(await records(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(whole);
  });

  it('drops a BOM, skips blank lines but counts them, and mixes LF, CRLF and CR line ends', async () => {
    expect(await records('\uFEFFa,b\n\n  \r\n1,2\r3,4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('keeps a quote inside an unquoted cell, or after a quoted one, as written', async () => {
    expect((await records('Jl. "Mawar" 5,"Gg. "I"\n'))[0]?.cells).toEqual(['Jl. "Mawar" 5', '"Gg. "I"']);
  });

  it('refuses a NUL byte or an unclosed quote as invalid on the field, naming the line', async () => {
    expect(await refusal('a,b\n1,2\n3,x\u0000y\n')).toEqual({
      status: 422,
      errors: [{ field: 'body', code: 'csv.nul_byte', params: { line: 3 } }],
    });
    expect(await refusal('a,b\n1,"2\n3,4\n')).toEqual({
      status: 422,
      errors: [{ field: 'body', code: 'csv.quote_not_closed', params: { line: 2 } }],
    });
  });
});
