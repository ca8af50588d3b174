import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../../core/messages.ts';
import {
  type ConfirmedStatus,
  decideLine,
  firstReference,
  type InstructionStatus,
  instructionFileHeader,
  instructionFileLine,
  isConfirmationHeader,
  linesOf,
  MAX_SEQUENCE,
  msisdnOf,
  parseConfirmationLine,
  REFERENCE_PATTERN,
  referencePeriods,
  referencePrefix,
  retryReference,
  splitCsvLine,
  transferDescription,
} from './payment.rules.ts';

const TODAY = '2025-03-20';
const collect = async (pieces: Iterable<string>) => {
  const out: string[] = [];
  for await (const line of linesOf(pieces)) out.push(line);
  return out;
};

describe('instruction references', () => {
  it('reads programme, period start, sequence of the entitlement and attempt', () => {
    const prefix = referencePrefix('kks', '2014-11-01');
    expect(prefix).toBe('KKS-20141101');
    expect(firstReference(prefix, 42)).toBe('KKS-20141101-00000042-1');
    expect(retryReference('KKS-20141101-00000042-1', 2)).toBe('KKS-20141101-00000042-2');
    expect(retryReference('KKS-20141101-00000042-9', 10)).toBe('KKS-20141101-00000042-10');
    expect(referencePrefix('pkh_lansia', '2025-01-01')).toBe('PKH-LANSIA-20250101');
    expect(firstReference(referencePrefix('sembako', '2020-03-01'), 15_500_000)).toBe('SEMBAKO-20200301-15500000-1');
  });

  it('names the period of a reference (the month of aid_instruction to look in); other text names none', () => {
    const references = [
      firstReference(referencePrefix('pkh_lansia', '2025-01-01'), 7),
      retryReference('KKS-20141101-00000042-1', 3),
      'KKS-20141101-00000043-1',
      'NOT-A-REFERENCE',
      'X-20251399-00000001-1',
    ];
    expect(referencePeriods(references)).toEqual(['2025-01-01', '2014-11-01']);
    expect(referencePeriods([])).toEqual([]);
  });

  it('keeps a long code within 40 characters, distinct from another long code with the same beginning', () => {
    const a = referencePrefix('bantuan_sosial_tunai_provinsi_a', '2025-01-01');
    const b = referencePrefix('bantuan_sosial_tunai_provinsi_b', '2025-01-01');
    expect(a).not.toBe(b);
    expect(a.startsWith('BANTUAN-SOS')).toBe(true);
    const longest = retryReference(firstReference(a, MAX_SEQUENCE), 99);
    expect(longest.length).toBeLessThanOrEqual(40);
    expect(longest).toMatch(REFERENCE_PATTERN);
    expect(() => firstReference(a, MAX_SEQUENCE + 1)).toThrow(RangeError);
    expect(() => firstReference(a, 0)).toThrow(RangeError);
  });

  it('every reference of any programme code, period, sequence and attempt fits the column’s pattern', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9_]{1,31}$/),
        fc.integer({ min: 2000, max: 2199 }),
        fc.integer({ min: 1, max: MAX_SEQUENCE }),
        fc.integer({ min: 1, max: 99 }),
        (code, year, sequence, attempt) => {
          const first = firstReference(referencePrefix(code, `${year}-01-01`), sequence);
          expect(first).toMatch(REFERENCE_PATTERN);
          expect(retryReference(first, attempt)).toMatch(REFERENCE_PATTERN);
        },
      ),
    );
  });

  it('describes a transfer by programme and period', () => {
    expect(transferDescription('KKS-20141101-00000042-1')).toBe('BANSOS KKS-20141101');
    expect(transferDescription('PKH-LANSIA-20250101-00000001-3')).toBe('BANSOS PKH-LANSIA-20250101');
  });
});

describe('instruction file layouts', () => {
  const row = {
    reference: 'KKS-20141101-00000042-1',
    account: '081234567890',
    payeeName: 'Siti Aminah',
    payeeKk: '3471010101010001',
    villageCode: '34.71.01.1001',
    amount: '400000',
  };

  it('writes each channel’s columns, CRLF line ends, whole rupiah', () => {
    expect(instructionFileHeader('bank')).toBe('reference,bank_account,account_name,amount,description\r\n');
    expect(instructionFileHeader('lkd')).toBe('reference,msisdn,name,amount\r\n');
    expect(instructionFileHeader('giro_pos')).toBe('reference,giro_account,name,kk_number,village_code,amount\r\n');
    expect(instructionFileLine('bank', { ...row, account: '1234567890' })).toBe(
      'KKS-20141101-00000042-1,1234567890,Siti Aminah,400000,BANSOS KKS-20141101\r\n',
    );
    expect(instructionFileLine('lkd', row)).toBe('KKS-20141101-00000042-1,6281234567890,Siti Aminah,400000\r\n');
    expect(instructionFileLine('giro_pos', { ...row, account: '0012345678' })).toBe(
      'KKS-20141101-00000042-1,0012345678,Siti Aminah,3471010101010001,34.71.01.1001,400000\r\n',
    );
  });

  it('quotes a name holding a comma or a quote', () => {
    expect(instructionFileLine('lkd', { ...row, payeeName: 'Sri "Ani", Wulandari' })).toBe(
      'KKS-20141101-00000042-1,6281234567890,"Sri ""Ani"", Wulandari",400000\r\n',
    );
  });

  it('writes an e-money number internationally', () => {
    expect(msisdnOf('081234567890')).toBe('6281234567890');
    expect(msisdnOf('6281234567890')).toBe('6281234567890');
  });
});

describe('reading a confirmation file', () => {
  it('splits pieces into lines: CRLF, LF or CR, mixed; a piece is one or more whole lines', async () => {
    expect(await collect(['a,b\r\nc\nd\re\n'])).toEqual(['a,b', 'c', 'd', 'e']);
    expect(await collect(['a', 'b', ''])).toEqual(['a', 'b']);
    expect(await collect(['a\r\n', 'b\r\n'])).toEqual(['a', 'b']);
    expect(await collect(['a\n\nb'])).toEqual(['a', '', 'b']);
  });

  it('splits one CSV line, quotes and doubled quotes included', () => {
    expect(splitCsvLine('a,b,,d')).toEqual(['a', 'b', '', 'd']);
    expect(splitCsvLine('"a,1","b ""x""",c')).toEqual(['a,1', 'b "x"', 'c']);
    expect(splitCsvLine('""')).toEqual(['']);
    expect(splitCsvLine('a,')).toEqual(['a', '']);
    expect(splitCsvLine('"a,b')).toBeNull();
    expect(splitCsvLine('"a"x,b')).toBeNull();
  });

  it('knows its header, whatever the case, spaces or BOM', () => {
    expect(isConfirmationHeader('reference,status,date,channel_reference,amount')).toBe(true);
    expect(isConfirmationHeader('\uFEFFReference, Status ,DATE,channel_reference,amount')).toBe(true);
    expect(isConfirmationHeader('reference,status,date,amount')).toBe(false);
    expect(isConfirmationHeader('reference;status;date;channel_reference;amount')).toBe(false);
    expect(isConfirmationHeader('PK\u0003\u0004')).toBe(false);
  });

  it('reads a good line, the reference in capitals, an empty channel reference as none', () => {
    expect(parseConfirmationLine('kks-20141101-00000042-1, PAID ,2025-03-01,TRX-991,400000', TODAY)).toEqual({
      ok: true,
      line: { reference: 'KKS-20141101-00000042-1', status: 'paid', date: '2025-03-01', channelReference: 'TRX-991', amount: 400000n },
    });
    expect(parseConfirmationLine('KKS-20141101-00000042-1,failed,2025-03-20,,400000', TODAY)).toMatchObject({
      ok: true,
      line: { status: 'failed', channelReference: null },
    });
  });

  it.each([
    ['a NUL byte', 'KKS-20141101-00000042-1,paid,2025-03-01,x\u0000,400000', 'aid.reconcile.unclean_line', null],
    ['an unclosed quote', 'KKS-20141101-00000042-1,"paid,2025-03-01,x,400000', 'aid.reconcile.bad_csv', null],
    ['four columns', 'KKS-20141101-00000042-1,paid,2025-03-01,400000', 'aid.reconcile.column_count', 'KKS-20141101-00000042-1'],
    ['a reference that cannot be one', 'KKS 42,paid,2025-03-01,x,400000', 'aid.reconcile.bad_reference', 'KKS 42'],
    ['a status word', 'KKS-20141101-00000042-1,lunas,2025-03-01,x,400000', 'aid.reconcile.bad_status', 'KKS-20141101-00000042-1'],
    ['an impossible date', 'KKS-20141101-00000042-1,paid,2025-02-30,x,400000', 'aid.reconcile.bad_date', 'KKS-20141101-00000042-1'],
    ['a date in another format', 'KKS-20141101-00000042-1,paid,01/03/2025,x,400000', 'aid.reconcile.bad_date', 'KKS-20141101-00000042-1'],
    ['month 13', 'KKS-20141101-00000042-1,paid,2025-13-01,x,400000', 'aid.reconcile.bad_date', 'KKS-20141101-00000042-1'],
    ['a date to come', 'KKS-20141101-00000042-1,paid,2025-03-21,x,400000', 'aid.reconcile.date_in_future', 'KKS-20141101-00000042-1'],
    ['thousands separators', 'KKS-20141101-00000042-1,paid,2025-03-01,x,400.000', 'aid.reconcile.bad_amount', 'KKS-20141101-00000042-1'],
    ['a negative amount', 'KKS-20141101-00000042-1,paid,2025-03-01,x,-5', 'aid.reconcile.bad_amount', 'KKS-20141101-00000042-1'],
    [
      'a long channel reference',
      `KKS-20141101-00000042-1,paid,2025-03-01,${'x'.repeat(101)},1`,
      'aid.reconcile.channel_reference_long',
      'KKS-20141101-00000042-1',
    ],
  ])('reports %s as invalid', (_what, text, code, reference) => {
    const parsed = parseConfirmationLine(text, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.detail.code).toBe(code);
      expect(parsed.reference).toBe(reference);
    }
  });
});

describe('what a confirmation line does', () => {
  const state = (status: InstructionStatus, extra: Partial<{ ours: boolean; paidElsewhere: boolean; amount: bigint }> = {}) => ({
    status,
    amount: 200_000n,
    ours: true,
    paidElsewhere: false,
    ...extra,
  });
  const line = (status: ConfirmedStatus, amount = 200_000n) => ({ status, amount });
  const outcome = (...args: Parameters<typeof decideLine>) => decideLine(...args).outcome;

  it.each([
    // current, line, outcome
    ['instructed', 'paid', 'paid'],
    ['instructed', 'failed', 'failed'],
    ['instructed', 'returned', 'returned'],
    ['paid', 'paid', 'duplicate'],
    ['paid', 'failed', 'duplicate'],
    ['paid', 'returned', 'returned'],
    ['failed', 'failed', 'unchanged'],
    ['failed', 'paid', 'invalid'],
    ['failed', 'returned', 'invalid'],
    ['returned', 'returned', 'unchanged'],
    ['returned', 'paid', 'invalid'],
    ['returned', 'failed', 'invalid'],
  ] as const)('%s + %s line → %s', (current, status, expected) => {
    expect(outcome(state(current), line(status))).toBe(expected);
  });

  it('moves money out on a payment and back on a return of a payment only', () => {
    expect(decideLine(state('instructed'), line('paid'))).toEqual({ outcome: 'paid', status: 'paid', moneyOut: true, moneyBack: false });
    expect(decideLine(state('paid'), line('returned'))).toEqual({
      outcome: 'returned',
      status: 'returned',
      moneyOut: false,
      moneyBack: true,
    });
    // Returned before it was ever confirmed paid: it left and came back, nothing to book.
    expect(decideLine(state('instructed'), line('returned'))).toEqual({
      outcome: 'returned',
      status: 'returned',
      moneyOut: false,
      moneyBack: false,
    });
    expect(decideLine(state('instructed'), line('failed'))).toEqual({
      outcome: 'failed',
      status: 'failed',
      moneyOut: false,
      moneyBack: false,
    });
  });

  it('reports an old attempt confirmed paid after its retry was paid as a duplicate: never paid twice', () => {
    expect(decideLine(state('failed', { paidElsewhere: true }), line('paid'))).toEqual({
      outcome: 'duplicate',
      detail: { code: 'aid.reconcile.entitlement_paid' },
    });
  });

  it('lists unknown references, references of another cycle or channel, and amount mismatches before anything else', () => {
    expect(decideLine(undefined, line('paid'))).toEqual({ outcome: 'unknown', detail: { code: 'aid.reconcile.unknown' } });
    expect(outcome(state('instructed', { ours: false }), line('paid'))).toBe('unknown');
    expect(decideLine(state('paid'), line('paid', 150_000n))).toEqual({
      outcome: 'mismatch',
      detail: { code: 'aid.reconcile.mismatch', params: { amount: '150000', expected: '200000' } },
    });
  });

  it('applies a payment only to an instruction still waiting: whatever the lines, an instruction is paid at most once', () => {
    const statuses: InstructionStatus[] = ['instructed', 'paid', 'failed', 'returned'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<ConfirmedStatus>('paid', 'failed', 'returned'), { maxLength: 12 }),
        fc.constantFrom(...statuses),
        (lines, start) => {
          let current: InstructionStatus = start;
          let paidCount = 0;
          let out = 0;
          let back = 0;
          for (const status of lines) {
            const decision = decideLine(state(current), line(status));
            if ('status' in decision) {
              expect(['instructed', 'paid']).toContain(current);
              if (decision.status === 'paid') paidCount++;
              if (decision.moneyOut) out++;
              if (decision.moneyBack) back++;
              current = decision.status;
            }
          }
          expect(paidCount).toBeLessThanOrEqual(start === 'instructed' ? 1 : 0);
          // Money comes back at most once and only after it went out (or was already out).
          expect(back).toBeLessThanOrEqual(out + (start === 'paid' ? 1 : 0));
          expect(back).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('what a line did, in words', () => {
  it('every reason a line can be reported for has its text in Indonesian and English', () => {
    const codes = new Set<string>();
    const statuses: InstructionStatus[] = ['instructed', 'paid', 'failed', 'returned'];
    for (const current of statuses)
      for (const status of ['paid', 'failed', 'returned'] as ConfirmedStatus[])
        for (const extra of [{}, { paidElsewhere: true }, { ours: false }, { amount: 1n }]) {
          const decision = decideLine(
            { status: current, amount: 200_000n, ours: true, paidElsewhere: false, ...extra },
            { status, amount: 200_000n },
          );
          if ('detail' in decision) codes.add(decision.detail.code);
        }
    codes.add('aid.reconcile.unknown');
    for (const text of [
      'a\u0000',
      '"a',
      'A',
      'x y,paid,2025-01-01,,1',
      'ABCDEF-1,lunas,2025-01-01,,1',
      'ABCDEF-1,paid,2025-02-30,,1',
      'ABCDEF-1,paid,2099-01-01,,1',
      `ABCDEF-1,paid,2025-01-01,${'x'.repeat(101)},1`,
      'ABCDEF-1,paid,2025-01-01,,1.5',
    ]) {
      const parsed = parseConfirmationLine(text, TODAY);
      if (!parsed.ok) codes.add(parsed.detail.code);
    }
    expect(codes.size).toBeGreaterThanOrEqual(18);
    for (const code of codes)
      for (const locale of ['id', 'en'] as const) {
        const words = translate(code, locale, { amount: '1', expected: '2', count: 4, max: 100, date: 'x', status: 'x', reference: 'x' });
        expect(words, `${code} ${locale}`).not.toBe(translate('common.bad_request', locale));
        expect(words).not.toContain('{{');
      }
  });
});
