import { pipeline, Readable } from 'node:stream';
import { CsvError, type Options, parse } from 'csv-parse';
import { AppError, invalid } from '../core/errors.ts';

/** One CSV record and the line of the file it starts on (a quoted cell may span lines). */
export type CsvRecord = { line: number; cells: string[] };
export type CsvSource = string | Buffer | Readable | AsyncIterable<string | Buffer>;

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Every CSV the project reads goes through here: RFC 4180 (quoted cells may hold commas,
 * quotes and line breaks), streamed, BOM dropped, CRLF, LF or CR line ends even mixed in one
 * file. Blank lines are skipped but counted. Rows may differ in length: the caller reports
 * that in its own words. A file that is not text CSV (an unclosed quote, a NUL byte) is refused
 * as invalid on `field`, naming the line.
 */
export async function* readCsv(source: CsvSource, { field = 'body' }: { field?: string } = {}): AsyncGenerator<CsvRecord> {
  // Lines are counted here, as records are parsed (not as they are read, which may be later):
  // csv-parse would count a CRLF inside a quoted cell as two lines.
  let line = 1;
  const options: Options<CsvRecord, string[]> = {
    bom: true,
    relax_column_count: true,
    // Quotes inside an unquoted cell (Jl. "Mawar" 5) are kept as written, as spreadsheets do.
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (cells: string[]): CsvRecord | null => {
      const start = line;
      for (const cell of cells) line += cell.match(LINE_BREAK)?.length ?? 0;
      line++;
      if (cells.length === 1 && cells[0]?.trim() === '') return null;
      if (cells.some((cell) => cell.includes('\u0000'))) throw invalid('csv.nul_byte', field, { line: start });
      return { line: start, cells };
    },
  };
  // csv-parse's typings only let on_record change a record's type together with `columns`.
  const parser = parse(options as unknown as Options);
  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([source]) : Readable.from(source);
  // pipeline destroys the parser with the source's error, so iterating below throws it.
  pipeline(input, parser, () => {});
  try {
    yield* parser as AsyncIterable<CsvRecord>;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') throw invalid('csv.quote_not_closed', field, { line });
    if (error instanceof CsvError) throw invalid('csv.malformed', field, { line });
    throw error;
  } finally {
    parser.destroy();
  }
}
