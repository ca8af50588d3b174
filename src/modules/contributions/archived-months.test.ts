import { beforeAll, expect, it } from 'vitest';
import type { Context } from '../../context.ts';
import { fixedClock } from '../../core/clock.ts';
import { describeEachDatabase } from '../../testing/databases.ts';
import { systemTestContext } from '../../testing/server.ts';
import { archiveMonth, ensureComingPartitions } from '../partitions/index.ts';
import { archivedOfMonth } from './contributions.service.ts';
import { cadresOverview } from './overview.service.ts';

const sink = () => ({ name: 'archive.jsonl', write: async () => {}, finish: async () => {} });

/** The cadre reports over a month of contributions or visits that was archived say so (docs/partitions.md). */
describeEachDatabase('cadre reports over archived months', (getDatabase) => {
  // Business date 10 May 2025: March is closed.
  const ctx = () => systemTestContext(getDatabase(), fixedClock(new Date('2025-05-10T03:00:00Z'))) as Context;

  beforeAll(async () => {
    await ensureComingPartitions(getDatabase().db, '2025-02-01', 2);
    await archiveMonth(ctx(), { table: 'jkn_contribution_payment', month: '2025-03', lastClosed: '2025-04-30' }, sink());
    await archiveMonth(ctx(), { table: 'cadre_visit', month: '2025-02', lastClosed: '2025-04-30' }, sink());
  });

  it('names the archived month in the overview of that month only', async () => {
    expect((await cadresOverview(ctx(), '2025-03')).archivedMonths).toEqual(['2025-03']);
    expect((await cadresOverview(ctx(), '2025-02')).archivedMonths).toEqual([]);
    expect((await cadresOverview(ctx(), '2025-04')).archivedMonths).toEqual([]);
  });

  it("names a cadre's month whose contributions or visits are archived", async () => {
    expect(await archivedOfMonth(getDatabase().db, '2025-03')).toEqual(['2025-03']);
    expect(await archivedOfMonth(getDatabase().db, '2025-02')).toEqual(['2025-02']);
    expect(await archivedOfMonth(getDatabase().db, '2025-04')).toEqual([]);
  });
});
