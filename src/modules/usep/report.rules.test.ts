import { describe, expect, it } from 'vitest';
import { areaLevel, compileReport, isLate, letterNumber, officialSees, stepRefusal } from './report.rules.ts';

describe('the report chain', () => {
  it('goes group → pembina → kelurahan → Dinas, each step by its own role', () => {
    const group = { role: 'facilitator' as const, level: 'wider' as const };
    const pembina = { role: 'supervisor' as const, level: 'wider' as const };
    const lurah = { role: 'official' as const, level: areaLevel(['34.71.01.1001']) };
    const camat = { role: 'official' as const, level: areaLevel(['34.71.01']) };
    const dinas = { role: 'manager' as const, level: 'wider' as const };
    expect(stepRefusal('submit', 'draft', group)).toBeNull();
    expect(stepRefusal('accept', 'draft', pembina)).toBe('usep.report_wrong_status');
    expect(stepRefusal('accept', 'submitted', group)).toBe('usep.report_wrong_signer');
    expect(stepRefusal('return', 'submitted', pembina)).toBeNull();
    expect(stepRefusal('acknowledge', 'accepted', camat)).toBe('usep.report_wrong_signer');
    expect(stepRefusal('acknowledge', 'accepted', lurah)).toBeNull();
    expect(stepRefusal('receive', 'accepted', dinas)).toBe('usep.report_wrong_status');
    expect(stepRefusal('receive', 'acknowledged', dinas)).toBeNull();
  });

  it('shows the kelurahan the report from acceptance, the kecamatan only its copy', () => {
    expect(officialSees('village', 'submitted')).toBe(false);
    expect(officialSees('village', 'accepted')).toBe(true);
    expect(officialSees('district', 'acknowledged')).toBe(false);
    expect(officialSees('district', 'received')).toBe(true);
  });

  it('flags a group late once 6 months have passed since its last period', () => {
    expect(isLate('2026-06-30', '2026-12-30')).toBe(false);
    expect(isLate('2026-06-30', '2026-12-31')).toBe(true);
    expect(isLate('2026-08-31', '2027-02-28')).toBe(false);
    expect(isLate('2026-08-31', '2027-03-01')).toBe(true);
  });

  it('numbers letters 03/USEP-KM/KRICAK-MAJU/XII/2026', () => {
    expect(letterNumber(3, 'USEP KM Kricak Maju', '2026-12-06')).toBe('03/USEP-KM/KRICAK-MAJU/XII/2026');
    expect(letterNumber(12, 'Kelompok Mawar', '2027-04-01')).toBe('12/USEP-KM/KELOMPOK-MAWAR/IV/2027');
  });
});

describe('compiling the report from the records', () => {
  const base = {
    periodStart: '2026-07-01',
    periodEnd: '2026-12-31',
    stimulus: { stimulusRupiah: '10000000', revolvedRupiah: '11500000', families: 3, rounds: 2, multiplier: '1.15' },
    arrears: { overdueRupiah: '400000', recipientsInArrears: 1 },
    assets: [
      { item: 'Etalase', valueRupiah: '1250000', receivedOn: '2026-08-01' },
      { item: 'Timbangan', valueRupiah: '350000', receivedOn: '2026-09-01' },
    ],
  };

  it('counts members, the businesses’ development, meetings with attendance and assets in exact rupiah', () => {
    const compiled = compileReport({
      ...base,
      members: [
        { name: 'Sri', joinedOn: '2026-01-01', leftOn: null },
        { name: 'Tini', joinedOn: '2026-08-01', leftOn: null },
        { name: 'Wati', joinedOn: '2026-01-01', leftOn: '2026-10-01' },
        { name: 'Yanti', joinedOn: '2027-01-05', leftOn: null },
      ],
      businesses: [
        {
          owner: 'Sri',
          name: 'Warung',
          active: true,
          capital: 0n,
          revenue: 0n,
          costs: 0n,
          months: [
            { month: '2026-12-01', capital: 3_500_000n, revenue: 4_200_000n, costs: 3_100_000n },
            { month: '2026-07-01', capital: 2_000_000n, revenue: 3_000_000n, costs: 2_400_000n },
            { month: '2026-06-01', capital: 1_000_000n, revenue: 1_000_000n, costs: 900_000n },
          ],
        },
        { owner: 'Tini', name: 'Jahit', active: true, capital: 1_500_000n, revenue: 900_000n, costs: 450_000n, months: [] },
      ],
      meetings: [
        { heldOn: '2026-08-10', agenda: 'Penerima pertama', present: 29, total: 30 },
        { heldOn: '2026-11-10', agenda: 'Guliran kedua', present: 8, total: 18 },
        { heldOn: '2026-05-10', agenda: 'Sebelum periode', present: 1, total: 30 },
      ],
    });
    expect(compiled.members).toEqual({ active: 2, joined: 1, left: 1, names: ['Sri', 'Tini'] });
    expect(compiled.businesses.start).toEqual({ capital: '3500000', revenue: '3900000', costs: '2850000', profit: '1050000' });
    expect(compiled.businesses.end).toEqual({ capital: '5000000', revenue: '5100000', costs: '3550000', profit: '1550000' });
    // 37 of 48 present: 77.08% → 77.1
    expect(compiled.meetings).toMatchObject({ held: 2, attendancePercent: '77.1' });
    expect(compiled.assets).toMatchObject({ count: 2, valueRupiah: '1600000' });
    expect(compiled.stimulus.multiplier).toBe('1.15');
  });

  it('a group with no meetings has 0.0% attendance', () => {
    expect(compileReport({ ...base, members: [], businesses: [], meetings: [] }).meetings.attendancePercent).toBe('0.0');
  });
});
