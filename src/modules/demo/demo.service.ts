import { type Context, inTransaction } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import { readCsv } from '../../export/read-csv.ts';
import { addGroupMember, appointOfficers, formGroup, recordMeeting } from '../groups/index.ts';
import { addUser, userCount } from '../identity/index.ts';
import { addOffice, createOrganisation, getOrganisation } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { headsInVillage, importHouseholds } from '../registry/index.ts';
import { demoFamilyLines } from './demo-families.ts';

/** Documented in the README: every demo account signs in with this password. */
export const DEMO_PASSWORD = 'demo-jaring-2026';

export const DEMO_USERS: { username: string; fullName: string; role: Role; offices: string[]; areaCodes?: string[] }[] = [
  { username: 'admin', fullName: 'Rina Kartikasari', role: 'admin', offices: ['YK01', 'BD01'] },
  { username: 'manajer', fullName: 'Budi Santoso', role: 'manager', offices: ['YK01'] },
  { username: 'kasir', fullName: 'Dewi Lestari', role: 'cashier', offices: ['YK01'] },
  { username: 'pendamping', fullName: 'Agus Setiawan', role: 'facilitator', offices: ['BD01'] },
  { username: 'kader', fullName: 'Siti Nurhaliza', role: 'cadre', offices: ['BD01'] },
  { username: 'dokter', fullName: 'dr. Ahmad Fauzi', role: 'health_worker', offices: ['YK01'] },
  { username: 'pembina', fullName: 'Yohanes Wibowo', role: 'supervisor', offices: ['YK01'] },
  { username: 'auditor', fullName: 'Maria Ulfa', role: 'auditor', offices: ['YK01', 'BD01'] },
  // USEP KM's report chain: the lurah of Kricak acknowledges, the camat of Tegalrejo is copied.
  { username: 'lurah', fullName: 'Sri Rahayu', role: 'official', offices: ['YK01'], areaCodes: ['34.71.01.1001'] },
  { username: 'camat', fullName: 'Bambang Triyono', role: 'official', offices: ['YK01'], areaCodes: ['34.71.01'] },
];

/** Villages of the demo: Katapang and Soreang (Kabupaten Bandung), Kricak and Karangwaru (Kota Yogyakarta). */
const DEMO_VILLAGES = [
  '32.04.11.2001',
  '32.04.11.2002',
  '32.04.11.2004',
  '32.04.10.2001',
  '32.04.10.2002',
  '34.71.01.1001',
  '34.71.01.1002',
  '34.71.02.1001',
];
export const DEMO_HOUSEHOLDS = 300;

/** Fills an empty database with a JKM-like NGO; refuses a database that holds anything. */
export async function fillDemo(ctx: Context) {
  const result = await inTransaction(ctx, async (tx) => {
    if ((await getOrganisation(tx)) || (await userCount(tx)) > 0) throw new AppError('demo.not_empty', 'conflict');
    const organisation = await createOrganisation(tx, ctx, { name: 'JKM Demo — Jaringan Kesejahteraan Masyarakat', isDemo: true });
    await addOffice(tx, ctx, {
      code: 'YK01',
      name: 'Kantor Pusat Yogyakarta',
      kind: 'head',
      regionCode: '34.71',
      address: 'Jl. Kaliurang Km 5, Yogyakarta',
      coveredRegionCodes: ['34.71'],
    });
    await addOffice(tx, ctx, {
      code: 'BD01',
      name: 'Kantor Cabang Kabupaten Bandung',
      kind: 'branch',
      regionCode: '32.04',
      address: 'Jl. Raya Soreang No. 12, Soreang',
      coveredRegionCodes: ['32.04'],
    });
    for (const user of DEMO_USERS)
      await addUser(tx, ctx, {
        username: user.username,
        fullName: user.fullName,
        role: user.role,
        password: DEMO_PASSWORD,
        officeCodes: user.offices,
        areaCodes: user.areaCodes,
      });
    return { organisation, users: DEMO_USERS.map((u) => ({ username: u.username, role: u.role })), password: DEMO_PASSWORD };
  });
  const villages = (await findRegionsByCodes(ctx.db, DEMO_VILLAGES)).map((v) => ({ code: v.code, name: v.name }));
  const families = await importHouseholds(ctx, readCsv(demoFamilyLines(villages, DEMO_HOUSEHOLDS).join('\n')), {
    dryRun: false,
    skipInvalid: false,
  });
  const groups = await fillDemoGroups(ctx);
  return { ...result, households: families.importedHouseholds, persons: families.importedPersons, groups };
}

/** Two KUBE groups in Katapang and a JKM member group in Kricak, each with officers and a musyawarah. */
async function fillDemoGroups(ctx: Context): Promise<number> {
  const plans = [
    { kind: 'kube', name: 'KUBE Mekar Sari', office: 'BD01', village: '32.04.11.2002', facilitator: 'pendamping', families: 9, skip: 0 },
    { kind: 'kube', name: 'KUBE Sauyunan', office: 'BD01', village: '32.04.11.2002', facilitator: 'pendamping', families: 8, skip: 9 },
    {
      kind: 'jkm',
      name: 'Kelompok Anggota JKM Kricak',
      office: 'YK01',
      village: '34.71.01.1001',
      facilitator: undefined,
      families: 12,
      skip: 0,
    },
  ];
  for (const plan of plans) {
    const group = await formGroup(ctx, {
      kind: plan.kind,
      name: plan.name,
      officeCode: plan.office,
      villageCodes: [plan.village],
      facilitatorUsername: plan.facilitator,
      formedOn: '2026-07-01',
    });
    const heads = await findDemoHeads(ctx, plan.village, plan.skip, plan.families);
    for (const personId of heads) await addGroupMember(ctx, group.id, { personId, joinedOn: '2026-07-01' });
    const [ketua, sekretaris, bendahara] = heads;
    await appointOfficers(ctx, group.id, { ketua, sekretaris, bendahara });
    await recordMeeting(ctx, group.id, {
      heldOn: '2026-10-05',
      place: 'Balai RW 05',
      agenda: 'Giliran penerima modal bergulir berikutnya; penggabungan usaha sejenis',
      decisions: 'Modal bergulir berikutnya untuk dua anggota dengan usaha warung; usaha keripik digabung.',
      minutes: 'Musyawarah dibuka oleh ketua, dihadiri pendamping. Anggota sepakat urutan giliran modal.',
      attendance: heads.map((personId, index) => ({ personId, present: index % 4 !== 3 })),
    });
  }
  return plans.length;
}

const findDemoHeads = async (ctx: Context, village: string, skip: number, count: number) =>
  (await headsInVillage(ctx.db, village, skip, count)).map((row) => row.id);
