import { Alert, Anchor, Button, Card, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  agreementUrl,
  collectionSheetUrl,
  type Financing,
  financingQuery,
  passbookUrl,
  type Repayment,
  receiptUrl,
} from '../../api/financing.ts';
import { businessesQuery } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PrintIcon } from '../../components/financing-icons.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, GroupedDigits, todayIso, useFormatDate } from '../registry/shared.tsx';
import {
  BusinessResultsSection,
  canReschedule,
  canWriteOff,
  type Rescheduled,
  RescheduledAlert,
  RescheduleModal,
  WriteOffModal,
  WrittenOffNotice,
} from './financing-actions.tsx';
import { DecisionModal, DisburseModal, RepayModal, ReverseModal } from './financing-modals.tsx';
import { canAssignOfficer, HouseholdExposureSection, OfficerDetail } from './money-sections.tsx';
import { canCollect, canDecide, canDisburse, canReverse, InstalmentBadge, StatusBadge, useProfitLabel } from './shared.tsx';

export function FinancingPage() {
  const { id = '' } = useParams();
  const financing = useQuery(financingQuery(id));
  if (financing.isPending) return <PageLoader />;
  if (financing.isError) {
    if (financing.error instanceof ApiError && (financing.error.status === 404 || financing.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={financing.error} onRetry={() => void financing.refetch()} />;
  }
  return <FinancingDetail financing={financing.data} />;
}

/** A link to a PDF, opened in a new tab to print. */
function PdfLink({ href, label, testId }: { href: string; label: string; testId?: string }) {
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      variant="light"
      size="compact-sm"
      leftSection={<PrintIcon size={14} />}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

function FinancingDetail({ financing }: { financing: Financing }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const [modal, setModal] = useState<'approve' | 'reject' | 'disburse' | 'repay' | 'writeOff' | 'reschedule' | null>(null);
  const [reversing, setReversing] = useState<Repayment | null>(null);
  const [recorded, setRecorded] = useState<Repayment | null>(null);
  const [rescheduled, setRescheduled] = useState<Rescheduled | null>(null);
  const status = financing.status;
  const close = () => setModal(null);
  const hasAgreement = ['approved', 'disbursed', 'closed', 'written_off'].includes(status);
  const hasPassbook = ['disbursed', 'closed', 'written_off'].includes(status);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to="/financings" size="sm">
          ← {t('financing.detail.back')}
        </Anchor>
        <Group gap="xs" wrap="wrap">
          <Title order={1} size="h2" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="financing-number">
            {financing.number}
          </Title>
          <StatusBadge status={status} />
        </Group>
        <Text size="sm">
          <Anchor component={Link} to={`/persons/${financing.person.id}`} fw={600}>
            {financing.person.name}
          </Anchor>{' '}
          · <GroupedDigits value={financing.person.nik} />
        </Text>
      </Stack>

      <Group gap="xs" wrap="wrap" data-testid="financing-actions">
        {status === 'applied' && canDecide(me.role) && (
          <>
            <Button onClick={() => setModal('approve')}>{t('financing.actions.approve')}</Button>
            <Button variant="default" color="red" onClick={() => setModal('reject')}>
              {t('financing.actions.reject')}
            </Button>
          </>
        )}
        {status === 'approved' && canDisburse(me.role) && (
          <Button onClick={() => setModal('disburse')}>{t('financing.actions.disburse')}</Button>
        )}
        {status === 'disbursed' && canCollect(me.role) && <Button onClick={() => setModal('repay')}>{t('financing.actions.repay')}</Button>}
        {canReschedule(financing, me.role) && (
          <Button variant="default" onClick={() => setModal('reschedule')}>
            {t('financing.reschedule.action')}
          </Button>
        )}
        {canWriteOff(financing, me.role) && (
          <Button variant="default" color="red" onClick={() => setModal('writeOff')}>
            {t('financing.writeOff.action')}
          </Button>
        )}
      </Group>

      <WrittenOffNotice financing={financing} />
      <RescheduledAlert value={rescheduled} onClose={() => setRescheduled(null)} />

      {recorded && (
        <Alert color="teal" withCloseButton onClose={() => setRecorded(null)} data-testid="repayment-recorded">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">{t('financing.actions.repaid', { amount: formatRupiah(recorded.amount) })}</Text>
            <PdfLink href={receiptUrl(financing.id, recorded.id)} label={t('financing.actions.printReceipt')} testId="print-receipt" />
          </Group>
        </Alert>
      )}

      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md">
          <Detail label={t('financing.product')}>
            {financing.product.name} ({t(`financing.schemes.${financing.product.scheme as 'sharia'}`)})
          </Detail>
          <Detail label={t('financing.principal')}>{formatRupiah(financing.principal)}</Detail>
          <Detail label={t('financing.installments')}>{t('financing.installmentsCount', { count: financing.installments })}</Detail>
          <Detail label={t('financing.totals')}>{formatRupiah(financing.totals.total)}</Detail>
          <Detail label={t('financing.outstanding')} testId="financing-outstanding">
            {hasPassbook ? formatRupiah(financing.outstanding.total) : '—'}
          </Detail>
          {financing.status === 'disbursed' && (
            <Detail label={t('financing.arrears.overdue')} testId="financing-overdue">
              <Text
                span
                size="sm"
                fw={BigInt(financing.arrears.overdue) > 0n ? 700 : undefined}
                c={BigInt(financing.arrears.overdue) > 0n ? 'red.9' : undefined}
              >
                {formatRupiah(financing.arrears.overdue)}
              </Text>
            </Detail>
          )}
          {financing.status === 'disbursed' && (
            <Detail label={t('financing.arrears.dueToday')} testId="financing-due-today">
              {formatRupiah(financing.arrears.dueToday)}
            </Detail>
          )}
          <Detail label={t('financing.daysPastDue')}>
            <Text span size="sm" c={financing.daysPastDue > 0 ? 'red.9' : undefined}>
              {financing.daysPastDue}
            </Text>
          </Detail>
          {financing.businessId && (
            <Detail label={t('financing.business')} testId="financing-business">
              <BusinessName personId={financing.person.id} businessId={financing.businessId} />
            </Detail>
          )}
          <Detail label={t('financing.fund')}>{financing.fundCode}</Detail>
          <Detail label={t('financing.office')}>{financing.officeCode}</Detail>
          <Detail label={t('financing.appliedOn')}>{formatDate(financing.appliedOn)}</Detail>
          <Detail label={t('financing.disbursedOn')}>{formatDate(financing.disbursedOn)}</Detail>
          <Detail label={t('financing.createdBy')}>{financing.createdByName}</Detail>
          <OfficerDetail financing={financing} canAssign={canAssignOfficer(me.role)} />
          {financing.decisionNote && <Detail label={t('financing.decisionNote')}>{financing.decisionNote}</Detail>}
        </SimpleGrid>
        <Stack gap="xs" mt="md">
          <Detail label={t('financing.purpose')}>{financing.purpose}</Detail>
          {financing.groupRecommendation && <Detail label={t('financing.groupRecommendation')}>{financing.groupRecommendation}</Detail>}
          {financing.healthNotes && <Detail label={t('financing.healthNotes')}>{financing.healthNotes}</Detail>}
        </Stack>
      </Paper>

      {(hasAgreement || hasPassbook) && (
        <Group gap="xs" wrap="wrap" data-testid="financing-documents">
          {hasAgreement && <PdfLink href={agreementUrl(financing.id)} label={t('financing.detail.agreement')} testId="agreement-link" />}
          {hasPassbook && <PdfLink href={passbookUrl(financing.id)} label={t('financing.detail.passbook')} testId="passbook-link" />}
          {financing.groupId && status === 'disbursed' && (
            <PdfLink href={collectionSheetUrl(financing.groupId, todayIso())} label={t('financing.detail.collectionSheet')} />
          )}
        </Group>
      )}

      {(status === 'applied' || status === 'approved') && <HouseholdExposureSection financing={financing} />}

      <ScheduleSection financing={financing} />
      <BusinessResultsSection financing={financing} />
      <RepaymentsSection financing={financing} onReverse={canReverse(me.role) ? setReversing : undefined} />

      {(modal === 'approve' || modal === 'reject') && <DecisionModal financing={financing} decision={modal} opened onClose={close} />}
      {modal === 'disburse' && <DisburseModal financing={financing} opened onClose={close} />}
      {modal === 'repay' && <RepayModal financing={financing} opened onClose={close} onRecorded={setRecorded} />}
      <ReverseModal financing={financing} repayment={reversing} onClose={() => setReversing(null)} />
      {modal === 'writeOff' && <WriteOffModal financing={financing} opened onClose={close} />}
      {modal === 'reschedule' && <RescheduleModal financing={financing} opened onClose={close} onDone={setRescheduled} />}
    </Stack>
  );
}

/** The financed business, by name and type, from the member's businesses in the registry. */
function BusinessName({ personId, businessId }: { personId: string; businessId: string }) {
  const { t } = useTranslation();
  const businesses = useQuery(businessesQuery(personId));
  if (businesses.isPending) return <Loader size="xs" aria-label={t('app.loading')} />;
  const business = businesses.data?.find((b) => b.id === businessId);
  if (!business)
    return (
      <Text span size="sm" c="dimmed">
        {businesses.isError ? t('financing.businessUnavailable') : '—'}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/persons/${personId}`} size="sm">
      {business.name} · {business.businessType}
    </Anchor>
  );
}

function ScheduleSection({ financing }: { financing: Financing }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const profitLabel = useProfitLabel();
  const projected = financing.schedule.some((i) => i.status === 'projected');
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('financing.detail.schedule')}
      </Title>
      {projected && (
        <Alert color="blue" variant="light" data-testid="projected-note">
          {t('financing.detail.projected')}
        </Alert>
      )}
      {isPhone ? (
        <Stack gap={4} data-testid="schedule">
          {financing.schedule.map((i) => (
            <Group
              key={i.n}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              py={4}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="instalment"
            >
              <Text size="sm" miw={0}>
                {i.n}. {formatDate(i.dueDate)}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>
                  {formatRupiah(i.total)}
                </Text>
                <InstalmentBadge status={i.status} />
              </Group>
            </Group>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={4} data-testid="schedule">
            <Table.Thead>
              <Table.Tr>
                <Table.Th ta="right">#</Table.Th>
                <Table.Th>{t('financing.detail.due')}</Table.Th>
                <Table.Th ta="right">{t('financing.principal')}</Table.Th>
                <Table.Th ta="right">{profitLabel(financing.product.kind)}</Table.Th>
                <Table.Th ta="right">{t('financing.detail.penalty')}</Table.Th>
                <Table.Th ta="right">{t('financing.detail.total')}</Table.Th>
                <Table.Th ta="right">{t('financing.detail.paid')}</Table.Th>
                <Table.Th>{t('common.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {financing.schedule.map((i) => (
                <Table.Tr key={i.n} data-testid="instalment">
                  <Table.Td ta="right">{i.n}</Table.Td>
                  <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(i.principal)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(i.profit)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(i.penalty)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(i.total)}</Table.Td>
                  <Table.Td ta="right">{formatRupiah(i.paid)}</Table.Td>
                  <Table.Td>
                    <InstalmentBadge status={i.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function RepaymentsSection({ financing, onReverse }: { financing: Financing; onReverse?: (repayment: Repayment) => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const profitLabel = useProfitLabel();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('financing.detail.repayments')}
      </Title>
      {financing.repayments.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text c="dimmed" ta="center" size="sm" data-testid="empty-state">
            {t('financing.detail.noRepayments')}
          </Text>
        </Paper>
      ) : (
        <Stack gap="xs" data-testid="repayments">
          {financing.repayments.map((r) => (
            <Card key={r.id} withBorder radius="md" padding="sm" data-testid="repayment" opacity={r.reversed ? 0.75 : 1}>
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2} miw={0}>
                  <Group gap={6}>
                    <Text fw={600} size="sm" td={r.reversed ? 'line-through' : undefined}>
                      {formatRupiah(r.amount)}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatDate(r.paidOn)} · {t(`financing.channels.${r.channel as 'counter'}`)}
                    </Text>
                    {r.reversed && (
                      <Text size="xs" c="red.9" fw={600}>
                        {t('financing.detail.reversed')}
                        {r.reversalReason ? `: ${r.reversalReason}` : ''}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('financing.principal')} {formatRupiah(r.principal)} · {profitLabel(financing.product.kind)} {formatRupiah(r.profit)}{' '}
                    · {t('financing.detail.penalty')} {formatRupiah(r.penalty)} · {t('financing.detail.receivedBy')}{' '}
                    {r.receivedByName ?? r.receivedBy}
                  </Text>
                  {r.fieldReceiptNumber ? (
                    <Text size="xs" c="dimmed" data-testid="field-receipt-number">
                      {t('financing.detail.fieldReceipt', { number: r.fieldReceiptNumber })}
                    </Text>
                  ) : null}
                </Stack>
                <Group gap="xs">
                  <PdfLink href={receiptUrl(financing.id, r.id)} label={t('financing.detail.receipt')} testId="receipt-link" />
                  {onReverse && !r.reversed && (
                    <Button size="compact-sm" variant="subtle" color="red" onClick={() => onReverse(r)}>
                      {t('financing.actions.reverse')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
