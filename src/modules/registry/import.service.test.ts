import { beforeAll, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { createOrganisation } from '../organisation/index.ts';
import { IMPORT_HEADER } from './import.rules.ts';
import { importHouseholds } from './import.service.ts';

const HEADER = IMPORT_HEADER.join(',');
// Two households in Katapang (32.04.11.2002) and one in Kricak, Kota Yogyakarta.
const VALID = [
  '3204110101260001,3204111203850001,Asep Sunandar,L,Bandung,12-03-1985,KEPALA KELUARGA,Kp. Cibodas,002,005,32.04.11.2002,2',
  '3204110101260001,3204114107880002,Euis Komalasari,P,Bandung,1988-07-01,ISTRI,Kp. Cibodas,002,005,32.04.11.2002,2',
  '3204110101260001,3204110509150003,Dadang,L,Bandung,05-09-2015,ANAK,Kp. Cibodas,002,005,32.04.11.2002,2',
  '3204110101260002,3204111506700004,"Ujang, S.Pd",L,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,',
  '3471010101260003,3471015507600005,Sri Rahayu,P,Sleman,15-07-1960,KEPALA KELUARGA,Jl. Magelang 10,010,002,34.71.01.1001,1',
];

describeEachDatabase('household import', (getDatabase) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
  });

  it('lists every invalid row with line, column and reason, and imports nothing', async () => {
    const lines = [
      HEADER,
      ...VALID,
      '3204110101260009,3204113213900000,Salah Tanggal,L,Bandung,12-03-1990,KEPALA KELUARGA,x,1,1,32.04.11.2002,3',
      '3204110101260010,3204111203850011,Bukan Perempuan,P,Bandung,12-03-1985,KEPALA KELUARGA,x,1,1,32.04.11.9999,11',
    ];
    const summary = await importHouseholds(ctx, lines, { dryRun: false, skipInvalid: false });
    expect(summary.committed).toBe(false);
    expect(summary.problems.map((p) => `${p.line} ${p.column}`)).toEqual([
      '7 nik',
      '7 nik',
      '7 nik',
      '8 kode_desa',
      '8 desil',
      '8 jenis_kelamin',
    ]);
    expect(summary.problems[3]?.reason).toBe('kode_desa 32.04.11.9999 tidak ada');
    const count = await getDatabase()
      .db.selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('imports valid households, then a second run changes nothing and says so', async () => {
    const dry = await importHouseholds(ctx, [HEADER, ...VALID], { dryRun: true, skipInvalid: false });
    expect(dry).toMatchObject({ importedHouseholds: 3, importedPersons: 5, committed: false });
    expect(
      Number(
        (
          await getDatabase()
            .db.selectFrom('household')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);

    const first = await importHouseholds(ctx, [HEADER, ...VALID], { dryRun: false, skipInvalid: false });
    expect(first).toMatchObject({ importedHouseholds: 3, importedPersons: 5, rejectedRows: 0, unchangedPersons: 0 });
    const ujang = await getDatabase().db.selectFrom('person').selectAll().where('nik', '=', '3204111506700004').executeTakeFirstOrThrow();
    expect(ujang).toMatchObject({ full_name: 'Ujang, S.Pd', village_code: '32.04.11.2002', birth_date: '1970-06-15', relation: 'head' });

    const second = await importHouseholds(ctx, [HEADER, ...VALID], { dryRun: false, skipInvalid: false });
    expect(second).toMatchObject({ importedHouseholds: 0, importedPersons: 0, rejectedRows: 0, unchangedPersons: 5 });
  });

  it('with skip-invalid imports the valid households and rejects the whole household of a bad row', async () => {
    const lines = [
      HEADER,
      '3204110101260020,3204111203800021,Kepala Baik,L,Bandung,12-03-1980,KEPALA KELUARGA,x,1,1,32.04.11.2002,4',
      '3204110101260030,3204111203800031,Kepala Lain,L,Bandung,12-03-1980,KEPALA KELUARGA,x,1,1,32.04.11.2002,4',
      '3204110101260030,3204111203800032,Anak Salah,P,Bandung,12-03-1980,ANAK,x,1,1,32.04.11.2002,4',
      '3204110101260040,3204111203850001,Asep Lain,L,Bandung,12-03-1985,KEPALA KELUARGA,x,1,1,32.04.11.2002,4',
    ];
    const rejected: [number, string][] = [];
    const summary = await importHouseholds(ctx, lines, {
      dryRun: false,
      skipInvalid: true,
      onRejected: (r) => void rejected.push([r.line, r.reason]),
    });
    expect(summary).toMatchObject({ importedHouseholds: 1, importedPersons: 1, rejectedRows: 3 });
    expect(rejected).toEqual([
      [3, 'no_kk: KK 3204110101260030 punya baris lain yang tidak sah'],
      [4, 'jenis_kelamin: jenis_kelamin tidak sesuai dengan NIK'],
      [5, 'nik: NIK sudah terdaftar dengan data atau KK berbeda'],
    ]);
  });

  it('refuses a file whose header is not the DTKS layout', async () => {
    const summary = await importHouseholds(ctx, ['kk,nik,nama', '1,2,3'], { dryRun: false, skipInvalid: true });
    expect(summary.problems[0]).toMatchObject({ line: 1, column: '*' });
    expect(summary.importedHouseholds).toBe(0);
  });
});

describeEachDatabase('household import from a file stream', (getDatabase) => {
  it('imports a file streamed line by line through readline', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { createReadStream } = await import('node:fs');
    const { createInterface } = await import('node:readline');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'jaring-import-')), 'keluarga.csv');
    writeFileSync(file, `${[HEADER, ...VALID].join('\n')}\n`);
    const ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
    const summary = await importHouseholds(ctx, lines, { dryRun: false, skipInvalid: false });
    expect(summary).toMatchObject({ importedHouseholds: 3, importedPersons: 5, rejectedRows: 0 });
  });
});
