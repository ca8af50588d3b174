import { type Context, inTransaction } from '../../context.ts';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import { addUser, countUsers } from '../identity/index.ts';
import { addOffice, createOrganisation, getOrganisation } from '../organisation/index.ts';
import { findRegionsByCodes } from '../regions/index.ts';
import { importHouseholds } from '../registry/index.ts';
import { demoFamilyLines } from './demo-families.ts';

/** Documented in the README: every demo account signs in with this password. */
export const DEMO_PASSWORD = 'demo-jaring-2026';

export const DEMO_USERS: { username: string; fullName: string; role: Role; offices: string[] }[] = [
  { username: 'admin', fullName: 'Rina Kartikasari', role: 'admin', offices: ['YK01', 'BD01'] },
  { username: 'manajer', fullName: 'Budi Santoso', role: 'manager', offices: ['YK01'] },
  { username: 'kasir', fullName: 'Dewi Lestari', role: 'cashier', offices: ['YK01'] },
  { username: 'pendamping', fullName: 'Agus Setiawan', role: 'facilitator', offices: ['BD01'] },
  { username: 'kader', fullName: 'Siti Nurhaliza', role: 'cadre', offices: ['BD01'] },
  { username: 'dokter', fullName: 'dr. Ahmad Fauzi', role: 'health_worker', offices: ['YK01'] },
  { username: 'pembina', fullName: 'Yohanes Wibowo', role: 'supervisor', offices: ['YK01'] },
  { username: 'auditor', fullName: 'Maria Ulfa', role: 'auditor', offices: ['YK01', 'BD01'] },
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
    if ((await getOrganisation(tx)) || (await countUsers(tx)) > 0) throw new AppError('demo.not_empty', 409);
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
      });
    return { organisation, users: DEMO_USERS.map((u) => ({ username: u.username, role: u.role })), password: DEMO_PASSWORD };
  });
  const villages = (await findRegionsByCodes(ctx.db, DEMO_VILLAGES)).map((v) => ({ code: v.code, name: v.name }));
  const families = await importHouseholds(ctx, demoFamilyLines(villages, DEMO_HOUSEHOLDS), { dryRun: false, skipInvalid: false });
  return { ...result, households: families.importedHouseholds, persons: families.importedPersons };
}
