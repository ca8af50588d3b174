import { beforeAll, expect, it } from 'vitest';
import { type Context, inTransaction } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { hasMessage, translate } from '../../core/messages.ts';
import { readCsv } from '../../export/read-csv.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { createOrganisation } from '../organisation/index.ts';
import { IMPORT_HEADER, type ImportProblem } from './import.rules.ts';
import { importHouseholds } from './import.service.ts';

const HEADER = IMPORT_HEADER.join(',');
const csv = (lines: string[]) => readCsv(lines.join('\n'));
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
    const summary = await importHouseholds(ctx, csv(lines), { dryRun: false, skipInvalid: false });
    expect(summary.committed).toBe(false);
    expect(summary.problems.map((p) => `${p.line} ${p.column} ${p.code}`)).toEqual([
      '7 nik registry.nik_day_invalid',
      '7 nik registry.nik_month_invalid',
      '7 nik registry.nik_serial_zero',
      '8 kode_desa registry.village_unknown',
      '8 desil import.decile_invalid',
      '8 jenis_kelamin registry.sex_contradicts_nik',
    ]);
    expect(summary.problems[0]).toMatchObject({ params: { day: '32' }, reason: expect.stringContaining('(32)') });
    expect(summary.problems[3]).toMatchObject({
      params: { code: '32.04.11.9999' },
      reason: 'Kode desa/kelurahan 32.04.11.9999 tidak ada.',
    });
    const count = await getDatabase()
      .db.selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('imports valid households, then a second run changes nothing and says so', async () => {
    const dry = await importHouseholds(ctx, csv([HEADER, ...VALID]), { dryRun: true, skipInvalid: false });
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

    const first = await importHouseholds(ctx, csv([HEADER, ...VALID]), { dryRun: false, skipInvalid: false });
    expect(first).toMatchObject({ importedHouseholds: 3, importedPersons: 5, rejectedRows: 0, unchangedPersons: 0 });
    const ujang = await getDatabase().db.selectFrom('person').selectAll().where('nik', '=', '3204111506700004').executeTakeFirstOrThrow();
    expect(ujang).toMatchObject({ full_name: 'Ujang, S.Pd', village_code: '32.04.11.2002', birth_date: '1970-06-15', relation: 'head' });

    const second = await importHouseholds(ctx, csv([HEADER, ...VALID]), { dryRun: false, skipInvalid: false });
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
    const summary = await importHouseholds(ctx, csv(lines), {
      dryRun: false,
      skipInvalid: true,
      onRejected: (r) => void rejected.push([r.line, r.reason]),
    });
    expect(summary).toMatchObject({ importedHouseholds: 1, importedPersons: 1, rejectedRows: 3 });
    expect(rejected).toEqual([
      [3, 'no_kk: KK 3204110101260030 punya baris lain yang tidak sah'],
      [4, 'jenis_kelamin: Jenis kelamin tidak sesuai dengan NIK.'],
      [5, 'nik: NIK sudah terdaftar dengan data atau KK berbeda'],
    ]);
  });

  it('gives every kind of invalid row a stable code and params, with its text in the context’s language', async () => {
    // Each row is the head of its own new KK unless the case needs otherwise; NIK 320411 120385 (12-03-1985, a man).
    // row(n) is line n of the file.
    const row = (line: number, change: Partial<Record<(typeof IMPORT_HEADER)[number], string>> = {}) =>
      IMPORT_HEADER.map(
        (column) =>
          change[column] ??
          {
            no_kk: `32041101012611${String(line).padStart(2, '0')}`,
            nik: `32041112038501${String(line).padStart(2, '0')}`,
            nama: `Warga ${line}`,
            jenis_kelamin: 'L',
            tempat_lahir: 'Bandung',
            tanggal_lahir: '12-03-1985',
            hubungan_keluarga: 'KEPALA KELUARGA',
            alamat: 'Kp. Uji',
            rt: '001',
            rw: '002',
            kode_desa: '32.04.11.2002',
            desil: '3',
          }[column],
      ).join(',');
    const lines = [
      HEADER,
      `${row(2)},lebih`,
      row(3, { no_kk: '12345' }),
      row(4, { nama: '' }),
      row(5, { jenis_kelamin: 'X' }),
      row(6, { tanggal_lahir: '31-02-1985' }),
      row(7, { hubungan_keluarga: 'SEPUPU' }),
      row(8, { kode_desa: '3204' }),
      row(9, { kode_desa: '32.04.11.9999' }),
      row(10, { rt: 'A1' }),
      row(11, { rw: '1234' }),
      row(12, { desil: '11' }),
      row(13, { nik: '32041112038' }),
      row(14, { nik: '3204113503850022' }),
      row(15, { nik: '3204111213850023' }),
      row(16, { nik: '3204111203850000' }),
      row(17, { nik: '3204113102850025' }),
      row(18, { tanggal_lahir: '13-03-1985' }),
      row(19, { nik: '1004011203850027' }),
      row(20, { jenis_kelamin: 'P' }),
      // The same NIK twice in the file; a NIK registered (Asep, first test) on another KK.
      row(21, { nik: '3204111203850199' }),
      row(22, { nik: '3204111203850199' }),
      row(23, { nik: '3204111203850001' }),
      // Two heads on one KK; a KK without a head.
      row(24),
      row(25, { no_kk: '3204110101261124' }),
      row(26, { hubungan_keluarga: 'ANAK' }),
      // One KK in two villages; a registered KK (Ujang's, Katapang) with a member from Kota Yogyakarta.
      row(27),
      row(28, { no_kk: '3204110101261127', hubungan_keluarga: 'ANAK', kode_desa: '32.04.11.2001' }),
      row(29, { no_kk: '3204110101260002', hubungan_keluarga: 'ANAK', kode_desa: '34.71.01.1001' }),
      // A sound head whose household has a bad row.
      row(30),
      row(31, { no_kk: '3204110101261130', hubungan_keluarga: 'ANAK', rt: 'x' }),
    ];
    const rejected: { line: number; reason: string; problems: ImportProblem[] }[] = [];
    const summary = await importHouseholds(ctx, csv(lines), {
      dryRun: true,
      skipInvalid: true,
      onRejected: (r) => void rejected.push(r),
    });
    const shown = (p: ImportProblem) => [p.line, p.column, p.code, p.params];
    expect(summary.problems.map(shown)).toEqual([
      [2, '*', 'import.column_count', { expected: 12, found: 13 }],
      [3, 'no_kk', 'registry.kk_not_16_digits', {}],
      [4, 'nama', 'import.name_required', {}],
      [5, 'jenis_kelamin', 'import.sex_invalid', {}],
      [6, 'tanggal_lahir', 'import.birth_date_invalid', { value: '31-02-1985' }],
      [7, 'hubungan_keluarga', 'import.relation_unknown', { value: 'SEPUPU' }],
      [7, 'hubungan_keluarga', 'import.one_head_required', {}],
      [8, 'kode_desa', 'registry.village_code_format', {}],
      [9, 'kode_desa', 'registry.village_unknown', { code: '32.04.11.9999' }],
      [10, 'rt', 'import.rt_invalid', {}],
      [11, 'rw', 'import.rw_invalid', {}],
      [12, 'desil', 'import.decile_invalid', {}],
      [13, 'nik', 'registry.nik_not_16_digits', {}],
      [14, 'nik', 'registry.nik_day_invalid', { day: '35' }],
      [15, 'nik', 'registry.nik_month_invalid', { month: '13' }],
      [16, 'nik', 'registry.nik_serial_zero', {}],
      [17, 'nik', 'registry.nik_date_not_real', { date: '31-02-85' }],
      [18, 'tanggal_lahir', 'registry.nik_birth_date_mismatch', { birthDate: '1985-03-13' }],
      [19, 'nik', 'registry.nik_province_unknown', { code: '10' }],
      [20, 'jenis_kelamin', 'registry.sex_contradicts_nik', {}],
      [21, 'nik', 'import.nik_duplicate_in_file', {}],
      [22, 'nik', 'import.nik_duplicate_in_file', {}],
      [23, 'nik', 'import.nik_registered_differently', {}],
      [24, 'hubungan_keluarga', 'import.one_head_required', {}],
      [25, 'hubungan_keluarga', 'import.one_head_required', {}],
      [26, 'hubungan_keluarga', 'import.one_head_required', {}],
      [27, 'kode_desa', 'import.kk_village_mismatch', {}],
      [28, 'kode_desa', 'import.kk_village_mismatch', {}],
      [29, 'kode_desa', 'import.kk_registered_other_village', {}],
      [30, 'no_kk', 'import.household_has_invalid_row', { kk: '3204110101261130' }],
      [31, 'rt', 'import.rt_invalid', {}],
    ]);
    expect(summary).toMatchObject({ rejectedRows: 30, importedPersons: 0 });
    // Every code has a text in both languages, and the texts are in the context's language (Bahasa Indonesia).
    for (const p of summary.problems) expect(hasMessage(p.code)).toBe(true);
    expect(summary.problems.find((p) => p.line === 7)?.reason).toBe('hubungan_keluarga tidak dikenal: "SEPUPU"');
    expect(summary.problems.find((p) => p.line === 30)?.reason).toBe('KK 3204110101261130 punya baris lain yang tidak sah');
    expect(rejected.find((r) => r.line === 7)?.reason).toBe(
      'hubungan_keluarga: hubungan_keluarga tidak dikenal: "SEPUPU"; hubungan_keluarga: KK harus punya tepat satu KEPALA KELUARGA',
    );

    const english = await importHouseholds({ ...ctx, locale: 'en' }, csv(lines), { dryRun: true, skipInvalid: true });
    expect(english.problems.map(shown)).toEqual(summary.problems.map(shown));
    const reasonsEn = new Map(english.problems.map((p) => [`${p.line} ${p.code}`, p.reason]));
    expect(reasonsEn.get('2 import.column_count')).toBe('expected 12 columns, found 13');
    expect(reasonsEn.get('5 import.sex_invalid')).toBe('jenis_kelamin (sex) must be L or P');
    expect(reasonsEn.get('9 registry.village_unknown')).toBe('Village code 32.04.11.9999 does not exist.');
    expect(reasonsEn.get('14 registry.nik_day_invalid')).toBe(
      'The birth day in the NIK (35) is impossible: 01–31 for men, 41–71 for women.',
    );
    expect(reasonsEn.get('21 import.nik_duplicate_in_file')).toBe('The NIK appears more than once in the file');
    expect(reasonsEn.get('24 import.one_head_required')).toBe('A KK must have exactly one KEPALA KELUARGA (head of household)');
    expect(reasonsEn.get('30 import.household_has_invalid_row')).toBe('KK 3204110101261130 has another row that is not valid');
    for (const p of english.problems) expect(p.reason).toBe(translate(p.code, 'en', p.params));
  });

  it('refuses a NIK whose birth date lies after today (the clock’s)', async () => {
    // 29-02-00 can only be 2000 (1900 was no leap year): in the future on 1 January 1999.
    const before2000 = { ...ctx, clock: fixedClock(new Date('1999-01-01T00:00:00Z')) };
    const line = '3204110101269901,3204112902000001,Anak Kabisat,L,Bandung,,KEPALA KELUARGA,x,1,1,32.04.11.2002,';
    const summary = await importHouseholds(before2000, csv([HEADER, line]), { dryRun: true, skipInvalid: false });
    expect(summary.problems.map((p) => `${p.column} ${p.code}`)).toEqual([
      'tanggal_lahir import.birth_date_invalid',
      'nik registry.nik_birth_in_future',
    ]);
  });

  it('refuses a file whose header is not the DTKS layout', async () => {
    const rejected: string[] = [];
    const summary = await importHouseholds(ctx, csv(['kk,nik,nama', '1,2,3']), {
      dryRun: false,
      skipInvalid: true,
      onRejected: (r) => void rejected.push(r.reason),
    });
    expect(summary.problems[0]).toMatchObject({
      line: 1,
      column: '*',
      code: 'import.header_invalid',
      params: { expected: HEADER },
      reason: `header harus persis: ${HEADER}`,
    });
    expect(rejected).toEqual([`*: header harus persis: ${HEADER}`]);
    expect(summary.importedHouseholds).toBe(0);
    const english = await importHouseholds({ ...ctx, locale: 'en' }, csv(['kk,nik,nama']), { dryRun: true, skipInvalid: false });
    expect(english.problems[0]?.reason).toBe(`The header must be exactly: ${HEADER}`);
  });
});

describeEachDatabase('household import from a file stream', (getDatabase) => {
  it('imports a streamed CRLF file whose quoted address holds a line break as one row, later rows keeping their lines', async () => {
    const { createReadStream, mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'jaring-import-')), 'keluarga.csv');
    // Excel writes CRLF between rows and a bare LF inside a cell typed with Alt+Enter.
    const twoLineAddress = VALID[0]?.replace('Kp. Cibodas', '"Kp. Cibodas\nGg. Mawar ""Ujung"""');
    const bad = '3204110101260004,3204111506700099,Salah Kelamin,P,Garut,15-06-1970,KEPALA KELUARGA,x,001,003,3204112002,';
    writeFileSync(file, `${[HEADER, twoLineAddress, ...VALID.slice(1), bad].join('\r\n')}\r\n`);
    const ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
    const rejected: { line: number; text: string }[] = [];
    const summary = await importHouseholds(ctx, readCsv(createReadStream(file)), {
      dryRun: false,
      skipInvalid: true,
      onRejected: (r) => void rejected.push({ line: r.line, text: r.text }),
    });
    expect(summary).toMatchObject({ importedHouseholds: 3, importedPersons: 5, rejectedRows: 1 });
    // The header is line 1 and the two-line row lines 2–3, so the sixth record starts on line 8.
    expect(rejected).toEqual([{ line: 8, text: bad }]);
    const asep = await ctx.db.selectFrom('household').select('address').where('kk_number', '=', '3204110101260001').executeTakeFirst();
    expect(asep?.address).toBe('Kp. Cibodas\nGg. Mawar "Ujung"');
  });
});

describeEachDatabase('household import dates', (getDatabase) => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = systemTestContext(getDatabase());
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
  });
  // NIK 320411 051280 ssss: a man born on 5 December 1980.
  const withDate = (date: string, serial: string) =>
    `32041101012655${serial},32041105128000${serial},Tanggal Uji,L,Bandung,${date},KEPALA KELUARGA,x,001,001,32.04.11.2002,`;

  it('reads DD/MM/YYYY (Excel’s Indonesian default), DD-MM-YYYY and YYYY-MM-DD as the same day', async () => {
    const lines = [HEADER, withDate('05/12/1980', '01'), withDate('05-12-1980', '02'), withDate('1980-12-05', '03')];
    const summary = await importHouseholds(ctx, csv(lines), { dryRun: false, skipInvalid: false });
    expect(summary).toMatchObject({ importedPersons: 3, rejectedRows: 0 });
    const persons = await ctx.db
      .selectFrom('person')
      .select(['nik', 'birth_date'])
      .where('nik', 'in', ['3204110512800001', '3204110512800002', '3204110512800003'])
      .orderBy('nik')
      .execute();
    expect(persons.map((p) => String(p.birth_date))).toEqual(['1980-12-05', '1980-12-05', '1980-12-05']);
  });

  it('refuses a day that does not exist or mixed separators, quoting what was written, in Indonesian and English', async () => {
    const lines = [HEADER, withDate('31/02/1980', '11'), withDate('13/13/1980', '12'), withDate('05/12-1980', '13')];
    const dateProblems = async (locale: 'id' | 'en') =>
      (await importHouseholds({ ...ctx, locale }, csv(lines), { dryRun: true, skipInvalid: false })).problems
        .filter((p) => p.code === 'import.birth_date_invalid')
        .map((p) => p.reason);
    expect(await dateProblems('id')).toEqual([
      'tanggal_lahir "31/02/1980" harus DD/MM/YYYY, DD-MM-YYYY atau YYYY-MM-DD dan tanggal yang ada',
      'tanggal_lahir "13/13/1980" harus DD/MM/YYYY, DD-MM-YYYY atau YYYY-MM-DD dan tanggal yang ada',
      'tanggal_lahir "05/12-1980" harus DD/MM/YYYY, DD-MM-YYYY atau YYYY-MM-DD dan tanggal yang ada',
    ]);
    expect(await dateProblems('en')).toEqual([
      'tanggal_lahir (birth date) "31/02/1980" must be DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD and a real date',
      'tanggal_lahir (birth date) "13/13/1980" must be DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD and a real date',
      'tanggal_lahir (birth date) "05/12-1980" must be DD/MM/YYYY, DD-MM-YYYY or YYYY-MM-DD and a real date',
    ]);
  });
});
