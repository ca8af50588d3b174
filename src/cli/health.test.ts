import { beforeAll, expect, it, vi } from 'vitest';
import { type Context, inTransaction } from '../context.ts';
import { fixedClock } from '../core/clock.ts';
import { createOrganisation } from '../modules/organisation/index.ts';
import { registerHousehold } from '../modules/registry/index.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { validateFhir } from '../testing/fhir-validation.ts';
import { systemTestContext } from '../testing/server.ts';
import { HealthUsageError, healthFhirCommand, parseHealthArgs } from './health.ts';

it('reads `health fhir <personId>` and refuses anything else as a usage error', () => {
  expect(parseHealthArgs(['fhir', '0190A000-0000-7000-8000-000000000001'])).toEqual({ personId: '0190a000-0000-7000-8000-000000000001' });
  for (const args of [
    [],
    ['fhir'],
    ['fhir', 'bukan-uuid'],
    ['pdf', '0190a000-0000-7000-8000-000000000001'],
    ['fhir', '0190a000-0000-7000-8000-000000000001', 'x'],
  ])
    expect(() => parseHealthArgs(args)).toThrow(HealthUsageError);
});

describeEachDatabase('jaring health fhir', (getDatabase) => {
  let ctx: Context;
  let personId = '';
  beforeAll(async () => {
    ctx = { ...systemTestContext(getDatabase()), clock: fixedClock(new Date('2025-04-01T02:00:00Z')) };
    await inTransaction(ctx, (tx) => createOrganisation(tx, ctx, { name: 'Uji' }));
    const household = await registerHousehold(ctx, {
      kkNumber: '3471010101260001',
      villageCode: '34.71.01.1001',
      address: 'Jl. Kricak Kidul 12',
      cards: {},
      members: [
        { nik: '3471014101800001', fullName: 'Siti Aminah', sex: 'F', birthPlace: 'Yogyakarta', birthDate: '1980-01-01', relation: 'head' },
      ],
    });
    personId = household.members[0]?.id ?? '';
  });

  it('prints the valid Bundle on stdout and audits the read as the CLI', async () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await healthFhirCommand(ctx, personId)).toBe(0);
      const bundle = JSON.parse(String(print.mock.calls[0]?.[0]));
      expect(validateFhir(bundle)).toEqual({ valid: true, problems: [] });
      expect(bundle.entry[0].resource.identifier[0].value).toBe('3471014101800001');
    } finally {
      print.mockRestore();
    }
    const audit = await getDatabase().db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'fhir').execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.actor_username])).toEqual([['health.read', personId, 'system:test']]);
  });

  it('answers an unknown person as not found', async () => {
    await expect(healthFhirCommand(ctx, '0190a000-0000-7000-8000-000000000999')).rejects.toMatchObject({ kind: 'not_found' });
  });
});
