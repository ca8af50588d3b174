import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates.ts';
import {
  DEFAULT_SETTINGS,
  depositProblem,
  formatAccountNumber,
  movementLines,
  parseAccountNumber,
  reversalProblem,
  runningBalances,
  SAVINGS_KINDS,
  SAVINGS_LEDGER_ACCOUNT,
  type SavingsKind,
  TELLER_CASH,
  wajibStanding,
  withdrawalProblem,
} from './savings.rules.ts';

const open = (balance: bigint) => ({ balance, open: true });
const settings = DEFAULT_SETTINGS;
const ACCOUNT = '01900000-0000-7000-8000-0000000000aa';

describe('savings rules: the cases a cashier meets', () => {
  it.each([
    ['pokok', 0n, 50_000n, null],
    ['pokok', 0n, 40_000n, 'savings.pokok_amount'],
    ['pokok', 50_000n, 50_000n, 'savings.pokok_already_paid'],
    ['wajib', 0n, 10_000n, null],
    ['wajib', 20_000n, 30_000n, null],
    ['wajib', 0n, 15_000n, 'savings.wajib_amount'],
    ['sukarela', 0n, 1n, null],
    ['sukarela', 0n, 0n, 'savings.amount_invalid'],
  ] as const)('deposit to %s (balance %d) of %d → %s', (kind, balance, amount, code) => {
    expect(depositProblem(kind, open(balance), amount, settings)?.code ?? null).toBe(code);
  });

  it('names the set amounts in rupiah', () => {
    expect(depositProblem('pokok', open(0n), 1n, settings)?.params).toEqual({ amount: 'Rp50.000' });
    expect(depositProblem('wajib', open(0n), 1n, settings)?.params).toEqual({ amount: 'Rp10.000' });
    expect(withdrawalProblem('sukarela', open(125_000n), 125_001n)).toEqual({
      code: 'savings.insufficient_balance',
      kind: 'conflict',
      params: { balance: 'Rp125.000' },
    });
  });

  it.each([
    ['pokok', 50_000n, 1n, 'savings.not_withdrawable'],
    ['wajib', 30_000n, 10_000n, 'savings.not_withdrawable'],
    ['sukarela', 200_000n, 75_000n, null],
    ['sukarela', 200_000n, 200_000n, null],
    ['sukarela', 200_000n, 200_001n, 'savings.insufficient_balance'],
  ] as const)('withdrawal from %s (balance %d) of %d → %s', (kind, balance, amount, code) => {
    expect(withdrawalProblem(kind, open(balance), amount)?.code ?? null).toBe(code);
  });

  it('a closed account takes nothing', () => {
    expect(depositProblem('sukarela', { balance: 0n, open: false }, 1n, settings)?.code).toBe('savings.account_closed');
    expect(withdrawalProblem('sukarela', { balance: 0n, open: false }, 1n)?.code).toBe('savings.account_closed');
  });

  it('a reversal undoes a movement once, never a reversal, never below zero', () => {
    const deposit = { type: 'deposit' as const, amount: 200_000n, reversed: false };
    expect(reversalProblem(deposit, open(200_000n))).toBeNull();
    expect(reversalProblem(deposit, open(125_000n))?.code).toBe('savings.insufficient_balance');
    expect(reversalProblem({ ...deposit, reversed: true }, open(200_000n))?.code).toBe('savings.already_reversed');
    expect(reversalProblem({ type: 'reversal', amount: -200_000n, reversed: false }, open(0n))?.code).toBe('savings.reversal_of_reversal');
    expect(reversalProblem({ type: 'withdrawal', amount: -75_000n, reversed: false }, open(0n))).toBeNull();
  });

  it('posts a deposit as cash debit against the kind’s account, and a withdrawal the other way', () => {
    expect(movementLines('wajib', ACCOUNT, 10_000n)).toEqual([
      { accountCode: '1.1.01', debit: 10_000n },
      { accountCode: '3.1.02', credit: 10_000n, party: { type: 'savings_account', id: ACCOUNT } },
    ]);
    expect(movementLines('sukarela', ACCOUNT, -75_000n)).toEqual([
      { accountCode: '2.1.01', debit: 75_000n, party: { type: 'savings_account', id: ACCOUNT } },
      { accountCode: '1.1.01', credit: 75_000n },
    ]);
    // At a teller with an open cash drawer, the cash line is the drawer's.
    const drawer = { type: 'cash_drawer', id: '01900000-0000-7000-8000-0000000000dd' };
    expect(movementLines('sukarela', ACCOUNT, 5_000n, drawer)[0]).toEqual({ accountCode: '1.1.01', debit: 5_000n, party: drawer });
  });

  it('numbers accounts by office, kind and sequence', () => {
    expect(formatAccountNumber('YK01', 'sukarela', 42)).toBe('YK01-SS-000042');
    expect(parseAccountNumber('YK01-SP-000001')).toEqual({ officeCode: 'YK01', kind: 'pokok', sequence: 1 });
    expect(parseAccountNumber('YK01-XX-000001')).toBeNull();
  });
});

describe('savings rules: properties', () => {
  const kind = fc.constantFrom<SavingsKind>(...SAVINGS_KINDS);
  const amount = fc.bigInt({ min: 1n, max: 10n ** 13n });

  it('every movement is one balanced cash line and one party-tagged line that moves the member by the amount', () => {
    fc.assert(
      fc.property(kind, amount, fc.boolean(), fc.option(fc.uuid()), (k, size, inward, drawerId) => {
        const signed = inward ? size : -size;
        const drawer = drawerId ? { type: 'cash_drawer', id: drawerId } : null;
        const lines = movementLines(k, ACCOUNT, signed, drawer);
        const debit = lines.reduce((sum, l) => sum + (l.debit ?? 0n), 0n);
        const credit = lines.reduce((sum, l) => sum + (l.credit ?? 0n), 0n);
        expect(debit).toBe(credit);
        expect(debit).toBe(size);
        const member = lines.filter((l) => l.party?.type === 'savings_account');
        expect(member).toHaveLength(1);
        expect(member[0]?.accountCode).toBe(SAVINGS_LEDGER_ACCOUNT[k]);
        // Liability and equity accounts grow by credits: the member's balance moves by `signed`.
        expect((member[0]?.credit ?? 0n) - (member[0]?.debit ?? 0n)).toBe(signed);
        const cash = lines.find((l) => l.accountCode === TELLER_CASH);
        expect((cash?.debit ?? 0n) - (cash?.credit ?? 0n)).toBe(signed);
        expect(cash?.party ?? null).toEqual(drawer);
      }),
    );
  });

  it('a sukarela account never goes below zero, whatever the cashier types', () => {
    const operation = fc.record({ withdraw: fc.boolean(), amount: fc.bigInt({ min: 0n, max: 1_000_000n }) });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        let balance = 0n;
        let accepted = 0n;
        for (const op of operations) {
          const problem = op.withdraw
            ? withdrawalProblem('sukarela', open(balance), op.amount)
            : depositProblem('sukarela', open(balance), op.amount, settings);
          if (op.withdraw && op.amount > 0n) expect(problem === null).toBe(op.amount <= balance);
          if (problem) continue;
          balance += op.withdraw ? -op.amount : op.amount;
          accepted += op.withdraw ? -op.amount : op.amount;
          expect(balance).toBeGreaterThanOrEqual(0n);
        }
        expect(balance).toBe(accepted);
      }),
    );
  });

  it('simpanan wajib is taken exactly in whole periods, and pokok and wajib are never paid out while a member', () => {
    fc.assert(
      fc.property(amount, fc.bigInt({ min: 1n, max: 1_000_000n }), amount, (size, period, balance) => {
        const custom = { pokokAmount: 50_000n, wajibAmount: period };
        expect(depositProblem('wajib', open(0n), size, custom) === null).toBe(size % period === 0n);
        expect(withdrawalProblem('pokok', open(balance), size)?.code).toBe('savings.not_withdrawable');
        expect(withdrawalProblem('wajib', open(balance), size)?.code).toBe('savings.not_withdrawable');
      }),
    );
  });

  it('reversing any accepted movement is allowed exactly when the balance stays at or above zero', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.bigInt({ min: -500_000n, max: 500_000n }).filter((a) => a !== 0n),
          { maxLength: 30 },
        ),
        fc.nat(),
        (raw, pick) => {
          // Keep only movements the rules would accept on a sukarela account.
          const accepted: bigint[] = [];
          let balance = 0n;
          for (const a of raw)
            if (balance + a >= 0n) {
              accepted.push(a);
              balance += a;
            }
          if (accepted.length === 0) return;
          const target = accepted[pick % accepted.length] as bigint;
          const problem = reversalProblem({ type: target > 0n ? 'deposit' : 'withdrawal', amount: target, reversed: false }, open(balance));
          expect(problem === null).toBe(balance - target >= 0n);
        },
      ),
    );
  });

  it('the running balance ends at the opening plus every movement', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n })),
        (opening, amounts) => {
          const balances = runningBalances(opening, amounts);
          expect(balances).toHaveLength(amounts.length);
          expect(balances.at(-1) ?? opening).toBe(amounts.reduce((sum, a) => sum + a, opening));
        },
      ),
    );
  });

  it('an account number reads back as the office, kind and sequence it was made of', () => {
    const office = fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,18}[A-Z0-9]$/);
    fc.assert(
      fc.property(office, kind, fc.integer({ min: 1, max: 9_999_999 }), (code, k, sequence) => {
        expect(parseAccountNumber(formatAccountNumber(code, k, sequence))).toEqual({ officeCode: code, kind: k, sequence });
      }),
    );
  });
});

describe('simpanan wajib as months', () => {
  it('counts months due from the opening month, paid from the balance, and the arrears in rupiah', () => {
    expect(wajibStanding('2026-01-20', '2026-04-02', 20_000n, 10_000n)).toEqual({
      monthlyAmount: 10_000n,
      monthsDue: 4,
      monthsPaid: 2,
      paidThrough: '2026-02',
      arrearsMonths: 2,
      arrearsAmount: 20_000n,
      monthsAhead: 0,
    });
    expect(wajibStanding('2025-11-05', '2026-01-31', 60_000n, 10_000n)).toMatchObject({
      monthsDue: 3,
      monthsPaid: 6,
      paidThrough: '2026-04',
      arrearsMonths: 0,
      arrearsAmount: 0n,
      monthsAhead: 3,
    });
    expect(wajibStanding('2026-03-01', '2026-03-01', 0n, 25_000n)).toMatchObject({
      monthsDue: 1,
      paidThrough: null,
      arrearsAmount: 25_000n,
    });
  });

  it('paid plus arrears covers every month due (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 200 }),
        fc.bigInt({ min: 1n, max: 1_000_000n }),
        (opened, daysLater, periods, amount) => {
          const openedOn = opened.toISOString().slice(0, 10);
          const today = addDays(openedOn, daysLater);
          const s = wajibStanding(openedOn, today, BigInt(periods) * amount, amount);
          expect(s.monthsPaid).toBe(periods);
          expect(s.monthsPaid + s.arrearsMonths - s.monthsAhead).toBe(s.monthsDue);
          expect(s.arrearsAmount).toBe(BigInt(s.arrearsMonths) * amount);
        },
      ),
    );
  });
});
