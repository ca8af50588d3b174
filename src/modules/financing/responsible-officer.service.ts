import type { z } from 'zod';
import type { Queryable } from '../../db/database.ts';
import { facilitatorsOfGroups } from '../groups/index.ts';
import { staffByIds } from '../identity/index.ts';
import type { responsibleOfficerSchema } from './financing.schema.ts';

type Officer = z.infer<typeof responsibleOfficerSchema>;

/**
 * Each financing's responsible officer: the one assigned (or the facilitator who applied), else
 * its group's facilitator; null when neither. Three reads whatever the number of financings.
 */
export async function responsibleOfficers(
  db: Queryable,
  rows: { id: string; facilitator_id: string | null; group_id: string | null }[],
): Promise<Map<string, Officer | null>> {
  const groupIds = rows.flatMap((r) => (r.facilitator_id === null && r.group_id !== null ? [r.group_id] : []));
  const ofGroups = await facilitatorsOfGroups(db, groupIds);
  const officerOf = (r: (typeof rows)[number]) =>
    r.facilitator_id !== null
      ? { id: r.facilitator_id, viaGroup: false }
      : r.group_id !== null && ofGroups.get(r.group_id)
        ? { id: ofGroups.get(r.group_id) as string, viaGroup: true }
        : null;
  const staff = await staffByIds(
    db,
    rows.flatMap((r) => {
      const officer = officerOf(r);
      return officer ? [officer.id] : [];
    }),
  );
  return new Map(
    rows.map((r) => {
      const officer = officerOf(r);
      const name = officer ? staff.get(officer.id)?.fullName : undefined;
      return [r.id, officer && name ? { ...officer, name } : null];
    }),
  );
}
