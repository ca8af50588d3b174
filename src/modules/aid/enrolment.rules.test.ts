import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, changeStatus, checkAccount, defaultRecipient, maskAccount } from './enrolment.rules.ts';

describe('checkAccount', () => {
  it('bank: 6–20 digits, separators ignored', () => {
    expect(checkAccount('bank', '123456')).toEqual({ ok: true, account: '123456' });
    expect(checkAccount('bank', '0123-4567 8901.2345')).toEqual({ ok: true, account: '0123456789012345' });
    expect(checkAccount('bank', '12345678901234567890')).toEqual({ ok: true, account: '12345678901234567890' });
    expect(checkAccount('bank', '12345')).toEqual({ ok: false, code: 'aid.account_format' });
    expect(checkAccount('bank', '123456789012345678901')).toEqual({ ok: false, code: 'aid.account_format' });
    expect(checkAccount('bank', '12345A')).toEqual({ ok: false, code: 'aid.account_format' });
    expect(checkAccount('bank', '')).toEqual({ ok: false, code: 'aid.account_format' });
  });

  it('e-money (lkd): a mobile number 08…, +628… or 628…, 10–13 digits, kept as 08…', () => {
    expect(checkAccount('lkd', '0812345678')).toEqual({ ok: true, account: '0812345678' });
    expect(checkAccount('lkd', '0812-3456-78901')).toEqual({ ok: true, account: '0812345678901' });
    expect(checkAccount('lkd', '+62 812 3456 7890')).toEqual({ ok: true, account: '081234567890' });
    expect(checkAccount('lkd', '6281234567890')).toEqual({ ok: true, account: '081234567890' });
    expect(checkAccount('lkd', '081234567')).toEqual({ ok: false, code: 'aid.account_format' }); // 9 digits
    expect(checkAccount('lkd', '08123456789012')).toEqual({ ok: false, code: 'aid.account_format' }); // 14 digits
    expect(checkAccount('lkd', '0212345678')).toEqual({ ok: false, code: 'aid.account_format' }); // a landline
    expect(checkAccount('lkd', '0801234567')).toEqual({ ok: false, code: 'aid.account_format' });
    expect(checkAccount('lkd', '+6581234567')).toEqual({ ok: false, code: 'aid.account_format' }); // Singapore
  });

  it('giro pos: 10–16 digits', () => {
    expect(checkAccount('giro_pos', '1234567890')).toEqual({ ok: true, account: '1234567890' });
    expect(checkAccount('giro_pos', '1234567890123456')).toEqual({ ok: true, account: '1234567890123456' });
    expect(checkAccount('giro_pos', '123456789')).toEqual({ ok: false, code: 'aid.account_format' });
    expect(checkAccount('giro_pos', '12345678901234567')).toEqual({ ok: false, code: 'aid.account_format' });
  });

  it('an accepted account is digits only, and checking it again gives it back unchanged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bank', 'lkd', 'giro_pos' as const),
        fc.string({ unit: fc.constantFrom(...'0123456789+ -.8'), maxLength: 24 }),
        (channel, raw) => {
          const first = checkAccount(channel, raw);
          if (!first.ok) return;
          expect(first.account).toMatch(/^\d{6,20}$/);
          expect(checkAccount(channel, first.account)).toEqual(first);
        },
      ),
    );
  });
});

describe('maskAccount', () => {
  it('keeps the last 4 digits only', () => {
    expect(maskAccount('081234567890')).toBe('********7890');
    expect(maskAccount('123456')).toBe('**3456');
    expect(maskAccount(null)).toBeNull();
  });
});

describe('defaultRecipient', () => {
  const today = '2025-03-15';
  const head: Candidate = { id: 'h', relation: 'head', sex: 'M', birthDate: '1980-01-01' };
  const wife: Candidate = { id: 'w', relation: 'wife', sex: 'F', birthDate: '1984-01-01' };
  const pupil: Candidate = { id: 'c', relation: 'child', sex: 'F', birthDate: '2010-01-01' };
  const student: Candidate = { id: 's', relation: 'child', sex: 'M', birthDate: '2008-03-15' };

  it('a family programme: the wife (mother or caregiver), else the head', () => {
    expect(defaultRecipient({ kind: 'household' }, [head, wife, pupil], today)).toBe('w');
    expect(defaultRecipient({ kind: 'household' }, [head, pupil], today)).toBe('h');
    expect(defaultRecipient({ kind: 'household' }, [pupil], today)).toBeUndefined();
  });

  it('a person programme: the person from 17, else the head', () => {
    expect(defaultRecipient({ kind: 'person', personId: 'c' }, [head, wife, pupil], today)).toBe('h');
    expect(defaultRecipient({ kind: 'person', personId: 's' }, [head, student], today)).toBe('s'); // 17 today
    expect(defaultRecipient({ kind: 'person', personId: 's' }, [head, student], '2025-03-14')).toBe('h');
  });
});

describe('changeStatus', () => {
  it('suspends and ends what is current, resumes a suspension, never reopens an ended one', () => {
    expect(changeStatus('enrolled', 'suspended', true)).toEqual({ ok: true, status: 'suspended' });
    expect(changeStatus('pending_account', 'ended', false)).toEqual({ ok: true, status: 'ended' });
    expect(changeStatus('suspended', 'enrolled', true)).toEqual({ ok: true, status: 'enrolled' });
    expect(changeStatus('suspended', 'enrolled', false)).toEqual({ ok: true, status: 'pending_account' });
    expect(changeStatus('suspended', 'ended', true)).toEqual({ ok: true, status: 'ended' });
    expect(changeStatus('suspended', 'suspended', true)).toEqual({ ok: false, code: 'aid.status_unchanged' });
    expect(changeStatus('enrolled', 'enrolled', true)).toEqual({ ok: false, code: 'aid.status_unchanged' });
    expect(changeStatus('pending_account', 'enrolled', false)).toEqual({ ok: false, code: 'aid.status_unchanged' });
    expect(changeStatus('ended', 'enrolled', true)).toEqual({ ok: false, code: 'aid.enrolment_ended' });
  });
});
