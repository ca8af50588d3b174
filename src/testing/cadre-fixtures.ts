import type { Database } from '../db/database.ts';
import type { ApiClient } from './server.ts';

/**
 * In the demo's Katapang village (32.04.11.2002): the first family head recruited as cadre
 * `kader` (BD01, letter 9/ST/2026 valid to 2027-01-04) looking after the second family, whose
 * first member holds a PBPU class III JKN card (0001234567890), the family paid through January 2026.
 */
export async function recruitCadreWithOneFamily(admin: ApiClient, database: Database): Promise<{ cadreId: string; family: string }> {
  const db = database.db;
  const heads = await db
    .selectFrom('person')
    .select(['id', 'household_id'])
    .where('village_code', '=', '32.04.11.2002')
    .where('relation', '=', 'head')
    .orderBy('nik')
    .limit(2)
    .execute();
  const cadre = await admin.post('/api/v1/cadres', {
    personId: heads[0]?.id,
    officeCode: 'BD01',
    username: 'kader',
    phone: '081234567890',
    letterNumber: '9/ST/2026',
    letterDate: '2026-01-05',
    signedBy: 'Kepala Cabang',
    validUntil: '2027-01-04',
    villageCodes: ['32.04.11.2002'],
  });
  if (cadre.status !== 201) throw new Error(`recruiting the cadre failed: ${cadre.status} ${JSON.stringify(cadre.body)}`);
  const cadreId = cadre.body.id as string;
  const family = heads[1]?.household_id as string;
  const assigned = await admin.post(`/api/v1/cadres/${cadreId}/families`, { householdIds: [family] });
  if (assigned.status >= 300) throw new Error(`assigning the family failed: ${assigned.status}`);
  const member = await db.selectFrom('person').select('id').where('household_id', '=', family).orderBy('nik').executeTakeFirstOrThrow();
  await db
    .insertInto('jkn_participant')
    .values({
      person_id: member.id,
      card_number: '0001234567890',
      segment: 'PBPU',
      jkn_class: 'III',
      status: 'active',
      status_recorded_on: '2026-01-01',
    })
    .execute();
  const account = await admin.request('PUT', `/api/v1/households/${family}/jkn-account`, { paidThrough: '2026-01' });
  if (account.status !== 200) throw new Error(`setting the family's JKN account failed: ${account.status}`);
  return { cadreId, family };
}
