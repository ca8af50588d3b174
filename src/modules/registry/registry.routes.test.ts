import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { testDatabaseKinds } from '../../testing/databases.ts';
import { ApiClient, startTestServer, systemTestContext, type TestServer } from '../../testing/server.ts';
import { DEMO_PASSWORD, fillDemo } from '../demo/index.ts';

const household = (kk: string, nikHead: string, nikWife: string, village = '32.04.11.2002') => ({
  kkNumber: kk,
  villageCode: village,
  address: 'Kp. Cibodas',
  rt: '002',
  rw: '005',
  welfareDecile: 2,
  cards: { kks: true, kis: true },
  members: [
    { nik: nikHead, fullName: 'Asep Sunandar', sex: 'M', birthPlace: 'Bandung', birthDate: '1985-03-12', relation: 'head' },
    { nik: nikWife, fullName: 'Euis Komalasari', sex: 'F', birthPlace: 'Bandung', birthDate: '1988-07-01', relation: 'wife' },
  ],
});

for (const kind of testDatabaseKinds()) {
  describe(`registry over HTTP [${kind}]`, () => {
    let server: TestServer;
    const clock = fixedClock(new Date('2026-11-23T03:00:00Z'));
    const as = async (username: string) => {
      const client = new ApiClient(server.url);
      await client.login(username, DEMO_PASSWORD);
      return client;
    };

    beforeAll(async () => {
      server = await startTestServer(kind, { clock, serveWeb: false });
      await fillDemo(systemTestContext(server.database, clock));
    });
    afterAll(async () => server.close());

    it('decodes a NIK exactly as the contract says', async () => {
      const response = await new ApiClient(server.url).get('/api/v1/nik/3204114107880002');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        nik: '3204114107880002',
        sex: 'F',
        birthDate: '1988-07-01',
        provinceCode: '32',
        regencyCode: '32.04',
        districtCode: '32.04.11',
        serial: '0002',
        provinceName: 'Jawa Barat',
        regencyName: 'Kabupaten Bandung',
        districtName: 'Katapang',
        warnings: [],
      });
    });

    it('warns, without rejecting, about a regency code that no longer exists (Merauke 91.01 → 93.01)', async () => {
      const response = await new ApiClient(server.url, { 'accept-language': 'en' }).get('/api/v1/nik/9101011205900001');
      expect(response.status).toBe(200);
      expect(response.body.provinceName).toBe('Papua');
      expect(response.body.regencyName).toBeNull();
      expect(response.body.warnings).toEqual([{ code: 'registry.nik_regency_unknown', message: expect.stringContaining('91.01') }]);
    });

    it('refuses an invalid NIK with 422, code registry.nik_invalid and one error per reason', async () => {
      const response = await new ApiClient(server.url).get('/api/v1/nik/3204113213900000');
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('registry.nik_invalid');
      expect(response.body.errors.map((e: { code: string }) => e.code)).toEqual([
        'registry.nik_day_invalid',
        'registry.nik_month_invalid',
        'registry.nik_serial_zero',
      ]);
      const province = await new ApiClient(server.url).get('/api/v1/nik/0004111205900001');
      expect(province.body.errors).toEqual([
        { field: 'nik', code: 'registry.nik_province_unknown', message: 'Kode provinsi 00 di NIK tidak ada.' },
      ]);
    });

    it('registers a household and finds its members by NIK, KK and a misspelt name', async () => {
      const facilitator = await as('pendamping');
      const created = await facilitator.post('/api/v1/households', household('3204110101260001', '3204111203850001', '3204114107880002'));
      expect(created.status).toBe(201);
      expect(created.body.villagePath).toBe('Katapang, Katapang, Kabupaten Bandung, Jawa Barat');
      expect(created.body.members.map((m: { fullName: string; relation: string }) => [m.fullName, m.relation])).toEqual([
        ['Asep Sunandar', 'head'],
        ['Euis Komalasari', 'wife'],
      ]);

      const byNik = await facilitator.get('/api/v1/persons?q=3204114107880002');
      expect(byNik.body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Euis Komalasari']);
      const byKk = await facilitator.get('/api/v1/persons?q=3204110101260001');
      expect(byKk.body.items).toHaveLength(2);
      const typo = await facilitator.get(`/api/v1/persons?q=${encodeURIComponent('euis komalasary')}&village=3204112002`);
      expect(typo.body.items[0]?.fullName).toBe('Euis Komalasari');

      const person = await facilitator.get(`/api/v1/persons/${byNik.body.items[0].id}`);
      expect(person.body.household.kkNumber).toBe('3204110101260001');
    });

    it('answers a NIK registered twice with 409 naming the field, and writes nothing', async () => {
      const facilitator = await as('pendamping');
      const again = await facilitator.post('/api/v1/households', household('3204110101260002', '3204111203850001', '3204114107880003'));
      expect(again.status).toBe(409);
      expect(again.body.errors).toEqual([{ field: 'members.0.nik', code: 'registry.nik_taken', message: 'NIK ini sudah terdaftar.' }]);
      const second = await facilitator.get('/api/v1/persons?q=3204114107880003');
      expect(second.body.items).toEqual([]);
    });

    it('names each member field that contradicts its NIK', async () => {
      const facilitator = await as('pendamping');
      const body = household('3204110101260003', '3204111203850004', '3204114107880005');
      body.members[1] = { ...body.members[1], sex: 'M', birthDate: '1989-07-01' } as (typeof body.members)[number];
      const response = await facilitator.post('/api/v1/households', body);
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'members.1.sex registry.sex_contradicts_nik',
        'members.1.birthDate registry.birth_date_contradicts_nik',
      ]);
    });

    it('records a member’s business in whole rupiah and derives the monthly profit exactly', async () => {
      const facilitator = await as('pendamping');
      const asep = (await facilitator.get('/api/v1/persons?q=3204111203850001')).body.items[0];
      const created = await facilitator.post(`/api/v1/persons/${asep.id}/businesses`, {
        name: 'Warung Sembako Asep',
        businessType: 'warung',
        sector: 'trade',
        startedOn: '2019-04-01',
        capitalRupiah: '3000000',
        monthlyRevenueRupiah: 4_500_000,
        monthlyCostsRupiah: '3200001',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ capitalRupiah: '3000000', monthlyProfitRupiah: '1299999', sector: 'trade' });
      const float = await facilitator.post(`/api/v1/persons/${asep.id}/businesses`, {
        name: 'X',
        businessType: 'x',
        sector: 'trade',
        capitalRupiah: 100.5,
      });
      expect(float.status).toBe(422);
      expect(float.body.errors[0].field).toBe('capitalRupiah');
      expect((await facilitator.get(`/api/v1/persons/${asep.id}/businesses`)).body.items).toHaveLength(1);
    });

    it('exports persons in scope as CSV in the import layout, masked for auditors', async () => {
      const facilitator = await as('pendamping');
      const response = await fetch(`${server.url}/api/v1/persons/export.csv?village=32.04.11.2002`, {
        headers: { cookie: facilitator.cookie ?? '' },
      });
      expect(response.headers.get('content-type')).toContain('text/csv');
      const text = await response.text();
      const [header, ...rows] = text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(header).toBe(
        'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil,meninggal',
      );
      expect(rows).toContain(
        '3204110101260001,3204111203850001,Asep Sunandar,L,Bandung,12-03-1985,KEPALA KELUARGA,Kp. Cibodas,002,005,32.04.11.2002,2,',
      );

      const auditor = await as('auditor');
      const masked = await (
        await fetch(`${server.url}/api/v1/persons/export.csv?village=32.04.11.2002`, { headers: { cookie: auditor.cookie ?? '' } })
      ).text();
      expect(masked).toContain('3204********0001,3204********0001,A*** S***,L,Bandung,12-03-1985,KEPALA KELUARGA');
      expect(masked).not.toContain('Asep Sunandar');
      expect(masked).not.toContain('3204111203850001');

      const manager = await as('manajer');
      const outside = await (await fetch(`${server.url}/api/v1/persons/export.csv`, { headers: { cookie: manager.cookie ?? '' } })).text();
      expect(outside).not.toContain('32.04.11.2002');
    });

    it('previews an uploaded CSV (dry run), lists invalid and out-of-scope rows, then imports on confirmation', async () => {
      const facilitator = await as('pendamping');
      const csv = [
        'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil',
        '3204110101260077,3204111506700077,Ujang Unggah,L,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,',
        '3204110101260078,3204111506700078,Salah Kelamin,P,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,',
        '3471010101260079,3471011506700079,Di Yogya,L,Sleman,15-06-1970,KEPALA KELUARGA,Jl. Magelang,001,003,34.71.01.1001,',
      ].join('\n');
      const upload = (query: string) =>
        fetch(`${server.url}/api/v1/households/import?${query}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', cookie: facilitator.cookie ?? '', 'x-csrf-token': facilitator.csrfToken ?? '' },
          body: csv,
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));
      const preview = await upload('dryRun=true');
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ committed: false, importedHouseholds: 0, rejectedRows: 2 });
      expect(preview.body.problems.map((p: { line: number; column: string }) => `${p.line} ${p.column}`)).toEqual([
        '3 jenis_kelamin',
        '4 kode_desa',
      ]);
      const preview2 = await upload('dryRun=true&skipInvalid=true');
      expect(preview2.body).toMatchObject({ committed: false, importedHouseholds: 1, importedPersons: 1 });
      const confirmed = await upload('dryRun=false&skipInvalid=true');
      expect(confirmed.body).toMatchObject({ committed: true, summary: 'imported 1 households, 1 persons; 2 rows rejected; 0 unchanged' });
      expect((await facilitator.get('/api/v1/persons?q=3204111506700077')).body.items[0].fullName).toBe('Ujang Unggah');
    });

    it('reports import problems with their codes and, for Accept-Language: en, in English', async () => {
      const facilitator = await as('pendamping');
      const csv = [
        'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil',
        '3471010101260081,3471011506700081,Di Yogya,L,Sleman,15-06-1970,KEPALA KELUARGA,Jl. Magelang,001,003,34.71.01.1001,',
        '3204110101260082,3204111506700082,Salah Kelamin,P,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,',
        '3204110101260083,3204111506700083,Tanpa Desil,L,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,12',
      ].join('\n');
      const preview = async (language: string) => {
        const response = await fetch(`${server.url}/api/v1/households/import?dryRun=true`, {
          method: 'POST',
          headers: {
            'content-type': 'text/csv',
            'accept-language': language,
            cookie: facilitator.cookie ?? '',
            'x-csrf-token': facilitator.csrfToken ?? '',
          },
          body: csv,
        });
        expect(response.status).toBe(200);
        return ((await response.json()) as { problems: unknown[] }).problems;
      };
      // The out-of-scope row keeps its place: the rows after it keep their line numbers.
      expect(await preview('en')).toEqual([
        {
          line: 2,
          column: 'kode_desa',
          code: 'import.village_out_of_scope',
          params: { code: '34.71.01.1001' },
          reason: 'kode_desa 34.71.01.1001 is outside your offices’ regions',
        },
        { line: 3, column: 'jenis_kelamin', code: 'registry.sex_contradicts_nik', params: {}, reason: 'Sex does not match the NIK.' },
        { line: 4, column: 'desil', code: 'import.decile_invalid', params: {}, reason: 'desil (welfare decile) must be 1–10 or empty' },
      ]);
      expect(((await preview('id,en;q=0.5')) as { reason: string }[]).map((p) => p.reason)).toEqual([
        'kode_desa 34.71.01.1001 di luar wilayah kantor Anda',
        'Jenis kelamin tidak sesuai dengan NIK.',
        'desil harus 1–10 atau kosong',
      ]);
    });

    it('refuses an upload that is not a workbook or a CSV holding a NUL byte with a 422 naming the body, importing nothing', async () => {
      const facilitator = await as('pendamping');
      const upload = async (contentType: string, body: string | Uint8Array<ArrayBuffer>) => {
        const response = await fetch(`${server.url}/api/v1/households/import?dryRun=false&skipInvalid=true`, {
          method: 'POST',
          headers: {
            'content-type': contentType,
            'accept-language': 'en',
            cookie: facilitator.cookie ?? '',
            'x-csrf-token': facilitator.csrfToken ?? '',
          },
          body,
        });
        const problem = (await response.json()) as { errors: { field: string; code: string; message: string }[] };
        return { status: response.status, type: response.headers.get('content-type'), errors: problem.errors };
      };
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const header = 'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil';
      const good = '3204110101260091,3204111506700091,Baris Baik,L,Garut,15-06-1970,KEPALA KELUARGA,Kp. Sukamaju,001,003,3204112002,';
      const notWorkbook = {
        status: 422,
        type: 'application/problem+json; charset=utf-8',
        errors: [
          {
            field: 'body',
            code: 'xlsx.unreadable',
            message: 'This is not a readable Excel (.xlsx) file. Save it again as an Excel Workbook or as CSV UTF-8.',
          },
        ],
      };
      // Random bytes, a CSV sent as Excel, a zip holding only an empty a.txt, nothing at all.
      const zipWithoutSheet = Buffer.from(
        'UEsDBBQAAAAAAGG7hV0AAAAAAAAAAAAAAAAFAAAAYS50eHRQSwECFAMUAAAAAABhu4VdAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAgAEAAAAAYS50eHRQSwUGAAAAAAEAAQAzAAAAIwAAAAAA',
        'base64',
      );
      for (const body of [
        Buffer.from([0x13, 0x37, 0xfe, 0xed, 0, 1, 2, 3]),
        Buffer.from(`${header}\n${good}\n`),
        zipWithoutSheet,
        Buffer.alloc(0),
      ])
        expect(await upload(xlsx, body)).toEqual(notWorkbook);
      expect(await upload('text/csv', `${header}\n${good}\n${good.replace('Kp. Sukamaju', 'Kp.\u0000')}\n`)).toEqual({
        status: 422,
        type: 'application/problem+json; charset=utf-8',
        errors: [
          {
            field: 'body',
            code: 'csv.nul_byte',
            message: 'Line 3 holds a NUL byte: this is not a text CSV file. Save it again as CSV UTF-8.',
          },
        ],
      });
      expect((await facilitator.get('/api/v1/persons?q=3204111506700091')).body.items).toEqual([]);
    });

    it('exports Excel and imports an Excel upload', async () => {
      const { default: ExcelJS } = await import('exceljs');
      const { xlsxRecords } = await import('./xlsx.ts');
      const facilitator = await as('pendamping');
      const exported = await fetch(`${server.url}/api/v1/persons/export.xlsx?village=32.04.11.2002`, {
        headers: { cookie: facilitator.cookie ?? '' },
      });
      expect(exported.headers.get('content-type')).toContain('spreadsheetml');
      const lines: string[] = [];
      for await (const record of xlsxRecords(Buffer.from(await exported.arrayBuffer()))) lines.push(record.cells.join(','));
      expect(lines[0]).toBe(
        'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil,meninggal',
      );
      expect(lines).toContain(
        '3204110101260001,3204111203850001,Asep Sunandar,L,Bandung,12-03-1985,KEPALA KELUARGA,Kp. Cibodas,002,005,32.04.11.2002,2,',
      );

      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('DTKS');
      sheet.addRow([
        'no_kk',
        'nik',
        'nama',
        'jenis_kelamin',
        'tempat_lahir',
        'tanggal_lahir',
        'hubungan_keluarga',
        'alamat',
        'rt',
        'rw',
        'kode_desa',
        'desil',
      ]);
      sheet.addRow([
        '3204110101260088',
        '3204111506700088',
        'Dari Excel',
        'L',
        'Garut',
        new Date(Date.UTC(1970, 5, 15)),
        'KEPALA KELUARGA',
        'Kp. Excel',
        '001',
        '003',
        3204112002,
        3,
      ]);
      const upload = await fetch(`${server.url}/api/v1/households/import?dryRun=false`, {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          cookie: facilitator.cookie ?? '',
          'x-csrf-token': facilitator.csrfToken ?? '',
        },
        body: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
      const result = (await upload.json()) as Record<string, unknown>;
      expect(result).toMatchObject({ committed: true, importedHouseholds: 1, importedPersons: 1, rejectedRows: 0 });
      const person = (await facilitator.get('/api/v1/persons?q=3204111506700088')).body.items[0];
      expect(person).toMatchObject({ fullName: 'Dari Excel', birthDate: '1970-06-15', villageCode: '32.04.11.2002' });
    });

    it('exports households with head and size, masked for auditors', async () => {
      const facilitator = await as('pendamping');
      const csv = await (
        await fetch(`${server.url}/api/v1/households/export.csv?village=32.04.11.2002`, { headers: { cookie: facilitator.cookie ?? '' } })
      ).text();
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('no_kk,kode_desa,alamat,rt,rw,desil,kks,kis,kip,pkh,kepala_keluarga,jumlah_anggota');
      expect(lines).toContain('3204110101260001,32.04.11.2002,Kp. Cibodas,002,005,2,Y,Y,T,T,Asep Sunandar,2');
      const auditor = await as('auditor');
      const masked = await (
        await fetch(`${server.url}/api/v1/households/export.csv?village=32.04.11.2002`, { headers: { cookie: auditor.cookie ?? '' } })
      ).text();
      expect(masked).toContain('3204********0001,32.04.11.2002,Kp. Cibodas,002,005,2,Y,Y,T,T,A*** S***,2');
    });

    it('keeps users inside their offices’ regions and masks NIK for auditors', async () => {
      const facilitator = await as('pendamping'); // office BD01, Kabupaten Bandung
      const outside = await facilitator.post(
        '/api/v1/households',
        household('3471010101260001', '3471011203850001', '3471014107880002', '34.71.01.1001'),
      );
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('auth.out_of_scope');

      const manager = await as('manajer'); // office YK01, Kota Yogyakarta
      expect((await manager.get('/api/v1/persons?q=asep')).body.items).toEqual([]);

      const auditor = await as('auditor');
      const seen = await auditor.get(`/api/v1/persons?q=${encodeURIComponent('asep sunandar')}&village=32.04.11.2002`);
      expect(seen.body.items.length).toBeGreaterThan(0);
      expect(seen.body.items.every((p: { nik: string; nikMasked: boolean }) => p.nikMasked && /^\d{4}\*{8}\d{4}$/.test(p.nik))).toBe(true);
      expect(seen.body.items).toContainEqual(
        expect.objectContaining({ fullName: 'Asep Sunandar', nik: '3204********0001', kkNumber: '3204********0001' }),
      );
    });
  });
}
