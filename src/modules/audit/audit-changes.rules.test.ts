import { describe, expect, it } from 'vitest';
import { auditChanges, isRupiahField } from './audit-changes.rules.ts';

describe('before and after as a difference', () => {
  it('lists the fields that changed, money as rupiah', () => {
    expect(
      auditChanges(
        { balance: '150000', note: 'setoran', kind: 'wajib' },
        { balance: '1250000', amount: '1100000', note: 'setoran', kind: 'wajib' },
      ),
    ).toEqual([
      { field: 'balance', before: 'Rp150.000', after: 'Rp1.250.000' },
      { field: 'amount', before: null, after: 'Rp1.100.000' },
    ]);
  });

  it('lists every field of a creation, nested fields by path', () => {
    expect(auditChanges(null, { name: 'KUBE Mawar', officers: [{ role: 'ketua', personId: 'p1' }], villages: ['3404', '3405'] })).toEqual([
      { field: 'name', before: null, after: 'KUBE Mawar' },
      { field: 'officers.0.role', before: null, after: 'ketua' },
      { field: 'officers.0.personId', before: null, after: 'p1' },
      { field: 'villages', before: null, after: '3404, 3405' },
    ]);
  });

  it('shows a removed field and a cleared one', () => {
    expect(auditChanges({ phone: '0812', active: true }, { active: false })).toEqual([
      { field: 'phone', before: '0812', after: null },
      { field: 'active', before: '✓', after: '✗' },
    ]);
  });

  it('takes as money only whole numbers in fields named as money', () => {
    expect(isRupiahField('amount', '110000')).toBe(true);
    expect(isRupiahField('principalRupiah', 5_000_000)).toBe(true);
    expect(isRupiahField('amount', '12.5')).toBe(false);
    expect(isRupiahField('termMonths', '12')).toBe(false);
    expect(isRupiahField('repaymentId', '0193')).toBe(false);
    expect(isRupiahField('paidOn', '2026-06-12')).toBe(false);
  });
});
