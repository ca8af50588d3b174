import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateShort, formatRupiah } from '../../../src/core/format.ts';
import { terbilang } from '../../../src/core/terbilang.ts';
import { receiptRecipient, shareOrCopy } from '../components/share.ts';
import { useToast } from '../components/toast.tsx';
import { useField } from './field-store.ts';
import { formatMonth } from './field-text.ts';
import { type OutboxEntry, phoneReceiptOf } from './outbox.ts';

/**
 * A synced contribution's receipt: "Kuitansi" opens the PDF (the worker is signed in, so it
 * needs signal), "Bagikan" hands the family a short text through the phone's share sheet, or
 * copies it when there is none.
 */
export function ReceiptActions({ entry }: { entry: OutboxEntry }) {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const { i18n } = useTranslation();
  const [sharing, setSharing] = useState(false);
  const receipt = entry.receipt;
  if (!receipt) return null;
  // The label holds the head's name as recorded, or the KK number when there was none.
  const head = entry.label.family && entry.label.family !== entry.label.number ? entry.label.family : null;
  const month = (m: string) => formatMonth(m, i18n.language);
  const period =
    receipt.firstMonth === receipt.lastMonth ? month(receipt.firstMonth) : `${month(receipt.firstMonth)} – ${month(receipt.lastMonth)}`;
  const share = async () => {
    setSharing(true);
    try {
      const outcome = await shareOrCopy(
        ft('shareTitle', { number: receipt.receiptNumber }),
        ft('shareText', {
          number: receipt.receiptNumber,
          who: receiptRecipient(head, entry.label.number),
          count: receipt.months,
          period,
          amount: formatRupiah(receipt.amount),
          words: receipt.amountInWords,
        }),
      );
      if (outcome === 'copied') toast.success(ft('shareCopied'));
      else if (outcome === 'failed') toast.failure(ft('shareFailed'));
    } finally {
      setSharing(false);
    }
  };
  return (
    <Stack gap={4} data-testid="field-receipt">
      <Text size="xs" c="dimmed">
        {ft('receiptLine', { number: receipt.receiptNumber, period })}
      </Text>
      <Group gap="xs" grow wrap="nowrap">
        <Button
          component="a"
          href={receipt.receiptPath}
          target="_blank"
          rel="noopener"
          variant="light"
          size="md"
          data-disabled={field.online ? undefined : true}
          onClick={(event) => {
            if (!field.online) event.preventDefault();
          }}
        >
          {ft('receiptOpen')}
        </Button>
        <Button variant="light" size="md" loading={sharing} onClick={() => void share()}>
          {ft('receiptShare')}
        </Button>
      </Group>
      {field.online ? null : (
        <Text size="xs" c="dimmed">
          {ft('receiptNeedsSignal')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The receipt the phone gives at once for money taken, offline too: its own number (device code
 * and sequence, the same on the server after sync), who paid, what for, how much in figures and
 * words, when and who received it; "Bagikan" hands the family the text.
 */
export function PhoneReceiptCard({ entry }: { entry: OutboxEntry }) {
  const { t: ft } = useTranslation('field');
  const toast = useToast();
  const [sharing, setSharing] = useState(false);
  const receipt = phoneReceiptOf(entry);
  if (!receipt) return null;
  const what =
    receipt.kind === 'repayment'
      ? ft('phoneReceiptRepayment', { number: receipt.reference })
      : ft('phoneReceiptContribution', { count: receipt.months ?? 0 });
  const amount = formatRupiah(receipt.amount);
  const words = `${terbilang(receipt.amount)} rupiah`;
  const date = formatDateShort(receipt.paidOn);
  const state =
    entry.status === 'applied' ? 'phoneReceiptApplied' : entry.status === 'refused' ? 'phoneReceiptRefused' : 'phoneReceiptWaiting';
  const share = async () => {
    setSharing(true);
    try {
      const outcome = await shareOrCopy(
        ft('shareTitle', { number: receipt.number }),
        ft('phoneReceiptText', {
          number: receipt.number,
          who: receiptRecipient(receipt.payer, null),
          what,
          amount,
          words,
          date,
          collector: receipt.collector,
        }),
      );
      if (outcome === 'copied') toast.success(ft('shareCopied'));
      else if (outcome === 'failed') toast.failure(ft('shareFailed'));
    } finally {
      setSharing(false);
    }
  };
  return (
    <Stack gap={4} data-testid="phone-receipt" aria-label={ft('shareTitle', { number: receipt.number })} component="section">
      <Text fw={800} data-testid="phone-receipt-number">
        {ft('shareTitle', { number: receipt.number })}
      </Text>
      <Text size="sm">{receipt.payer}</Text>
      <Text size="sm">{what}</Text>
      <Text size="lg" fw={800}>
        {amount}
      </Text>
      <Text size="xs" c="dimmed">
        {words}
      </Text>
      <Text size="sm">{ft('phoneReceiptBy', { date, collector: receipt.collector })}</Text>
      <Text size="xs" c={entry.status === 'refused' ? 'red.9' : 'dimmed'}>
        {ft(state)}
      </Text>
      <Button variant="light" size="lg" loading={sharing} onClick={() => void share()}>
        {ft('receiptShare')}
      </Button>
    </Stack>
  );
}
