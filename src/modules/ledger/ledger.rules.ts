/** Pure rules of the double-entry ledger: amounts are integer rupiah as bigint. */

export type PostingLine = {
  accountCode: string;
  debit?: bigint;
  credit?: bigint;
  fundId?: string | null;
  party?: { type: string; id: string } | null;
};

export type EntryProblem =
  | { code: 'ledger.too_few_lines' }
  | { code: 'ledger.line_amount_invalid'; line: number }
  | { code: 'ledger.unbalanced'; debit: bigint; credit: bigint };

/** Why an entry cannot be posted, or an empty list. Zero-amount lines are left out before. */
export function entryProblems(lines: PostingLine[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (lines.length < 2) problems.push({ code: 'ledger.too_few_lines' });
  let debit = 0n;
  let credit = 0n;
  lines.forEach((line, index) => {
    const d = line.debit ?? 0n;
    const c = line.credit ?? 0n;
    if (d < 0n || c < 0n || d > 0n === c > 0n) problems.push({ code: 'ledger.line_amount_invalid', line: index + 1 });
    debit += d;
    credit += c;
  });
  if (debit !== credit) problems.push({ code: 'ledger.unbalanced', debit, credit });
  return problems;
}

/** Drops zero lines and merges lines with the same account, fund and party (sides kept apart). */
export function compactLines(lines: PostingLine[]): PostingLine[] {
  const merged = new Map<string, PostingLine>();
  for (const line of lines) {
    const d = line.debit ?? 0n;
    const c = line.credit ?? 0n;
    if (d === 0n && c === 0n) continue;
    const side = d > 0n ? 'D' : 'C';
    const key = [line.accountCode, line.fundId ?? '', line.party?.type ?? '', line.party?.id ?? '', side].join('|');
    const existing = merged.get(key);
    if (existing) merged.set(key, { ...existing, debit: (existing.debit ?? 0n) + d, credit: (existing.credit ?? 0n) + c });
    else merged.set(key, { ...line, debit: d, credit: c });
  }
  return [...merged.values()];
}

/** The counter-entry of posted lines: every debit becomes a credit and back. */
export function reversedLines(lines: PostingLine[]): PostingLine[] {
  return lines.map((line) => ({ ...line, debit: line.credit ?? 0n, credit: line.debit ?? 0n }));
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** Debit-normal types (assets, expenses) show debit − credit; the others credit − debit. Contra flips. */
export function naturalBalance(type: AccountType, contra: boolean, debit: bigint, credit: bigint): bigint {
  const debitNormal = (type === 'asset' || type === 'expense') !== contra;
  return debitNormal ? debit - credit : credit - debit;
}

/** A trial-balance row puts the net of an account on the side where it lies. */
export function trialBalanceSides(debit: bigint, credit: bigint): { debit: bigint; credit: bigint } {
  const net = debit - credit;
  return net >= 0n ? { debit: net, credit: 0n } : { debit: 0n, credit: -net };
}
