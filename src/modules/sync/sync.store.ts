import { sql } from 'kysely';
import type { Queryable } from '../../db/database.ts';

export const cadreOfUser = (db: Queryable, userId: string) =>
  db.selectFrom('cadre').select(['id', 'status']).where('user_id', '=', userId).executeTakeFirst();

export const seenOp = (db: Queryable, actor: string, key: string) =>
  db.selectFrom('idempotency_record').select(['response']).where('actor', '=', actor).where('key', '=', key).executeTakeFirst();

/** The facilitator's groups with each member's disbursed financing and what is due by a date. */
export const facilitatorSheet = (db: Queryable, userId: string, until: string) =>
  sql<{ group_id: string; group_name: string; financing_id: string; number: string; member: string; due: string; outstanding: string }>`
    SELECT g.id AS group_id, g.name AS group_name, f.id AS financing_id, f.number, p.full_name AS member,
           (SELECT coalesce(sum(i.principal - i.principal_paid + i.profit - i.profit_paid + i.penalty - i.penalty_paid), 0)
              FROM financing_installment i WHERE i.financing_id = f.id AND i.due_date <= ${until}::date)::text AS due,
           (f.outstanding_principal + f.outstanding_profit + f.outstanding_penalty)::text AS outstanding
    FROM business_group g
    JOIN financing f ON f.group_id = g.id AND f.status = 'disbursed'
    JOIN person p ON p.id = f.person_id
    WHERE g.facilitator_id = ${userId}
    ORDER BY g.name, p.full_name`
    .execute(db)
    .then((r) => r.rows);
