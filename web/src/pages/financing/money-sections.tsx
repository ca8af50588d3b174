// The money screens of issue 15 §3 on the financing page: the responsible officer (shown, and
// changed by a manager) and, while an application waits, the household's other financings.
import { Anchor, Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.ts';
import {
  type Exposure,
  exposureQuery,
  type Financing,
  type FinancingStatus,
  officersQuery,
  useInvalidateFinancing,
} from '../../api/financing.ts';
import { ErrorAlert, fieldError } from '../../components/error-alert.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { Detail } from '../registry/shared.tsx';
import { StatusBadge } from './shared.tsx';

/** OFFICER_KEEPERS on the server: who may change the responsible officer. */
export const canAssignOfficer = (role: string) => role === 'admin' || role === 'manager';

/** The responsible officer, with a button to change them for a manager. */
export function OfficerDetail({ financing, canAssign }: { financing: Financing; canAssign: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const officer = financing.facilitator;
  const changeable = canAssign && !['rejected', 'closed'].includes(financing.status);
  return (
    <Detail label={t('financing.officer.label')} testId="financing-officer">
      <Stack gap={2} align="flex-start">
        <Text size="sm" span c={officer ? undefined : 'dimmed'}>
          {officer ? officer.name : t('financing.officer.none')}
          {officer?.viaGroup ? ` (${t('financing.officer.viaGroup')})` : ''}
        </Text>
        {changeable && (
          <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)} data-testid="change-officer">
            {officer ? t('financing.officer.change') : t('financing.officer.assign')}
          </Anchor>
        )}
      </Stack>
      {open && <OfficerModal financing={financing} onClose={() => setOpen(false)} />}
    </Detail>
  );
}

function OfficerModal({ financing, onClose }: { financing: Financing; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateFinancing();
  const officers = useQuery(officersQuery(financing.officeCode));
  const [userId, setUserId] = useState<string | null>(financing.facilitator?.viaGroup ? null : (financing.facilitator?.id ?? null));
  const save = useMutation({
    mutationFn: () => api.put<Financing>(`/api/v1/financings/${financing.id}/officer`, { userId }),
    onSuccess: async (saved) => {
      await invalidate();
      toast.success(t('financing.officer.saved', { name: saved.facilitator?.name ?? '' }));
      onClose();
    },
  });
  const options = (officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name} · ${t(`roles.${o.role}` as 'roles.manager')}` }));
  return (
    <Modal opened onClose={onClose} centered title={t('financing.officer.title', { number: financing.number })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (userId) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('financing.officer.intro', { office: financing.officeCode })}</Text>
          <Select
            label={t('financing.officer.pick')}
            data={options}
            value={userId}
            onChange={setUserId}
            searchable
            required
            nothingFoundMessage={t('financing.officer.noneToPick')}
            disabled={officers.isPending}
            error={fieldError(save.error, 'userId')}
            comboboxProps={{ withinPortal: true }}
            data-testid="officer-select"
          />
          {officers.isSuccess && options.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('financing.officer.noneToPick')}
            </Text>
          )}
          {save.error && !fieldError(save.error, 'userId') ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!userId}>
              {t('financing.officer.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Over-indebtedness on the approval screen: the member's and the household's other financings, with totals. */
export function HouseholdExposureSection({ financing }: { financing: Financing }) {
  const { t } = useTranslation();
  const exposure = useQuery(exposureQuery(financing.id));
  const data = exposure.data;
  return (
    <Stack gap="xs" data-testid="household-exposure">
      <Title order={3} size="h4">
        {t('financing.exposure.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('financing.exposure.intro')}
      </Text>
      <ListStates query={exposure} count={data ? Math.max(data.items.length, 1) : 0} empty="">
        {data && <ExposureBody exposure={data} />}
      </ListStates>
    </Stack>
  );
}

function ExposureBody({ exposure }: { exposure: Exposure }) {
  const { t } = useTranslation();
  const { totals } = exposure;
  const late = BigInt(totals.overdue) > 0n;
  return (
    <Stack gap="sm">
      {exposure.items.length === 0 ? (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed" ta="center" data-testid="exposure-empty">
            {t('financing.exposure.empty')}
          </Text>
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {exposure.items.map((f) => {
            const overdue = BigInt(f.overdue) > 0n;
            return (
              <Card key={f.id} withBorder radius="md" padding="sm" data-testid="exposure-item">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {f.personName}{' '}
                      <Text span size="xs" c="dimmed">
                        · {t(`financing.exposure.whose.${f.whose}`)}
                      </Text>
                    </Text>
                    <Anchor component={Link} to={`/financings/${f.id}`} size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {f.number}
                    </Anchor>
                  </Stack>
                  <StatusBadge status={f.status as FinancingStatus} />
                </Group>
                <Group justify="space-between" mt={6} gap="xs">
                  <Text size="sm">
                    {f.status === 'applied' || f.status === 'approved'
                      ? `${t('financing.principal')} ${formatRupiah(f.principal)}`
                      : `${t('financing.exposure.outstanding')} ${formatRupiah(f.outstanding)}`}
                  </Text>
                  {overdue && (
                    <Text size="sm" fw={700} c="red.9" data-testid="exposure-overdue">
                      {t('financing.exposure.overdue')} {formatRupiah(f.overdue)} ·{' '}
                      {t('financing.exposure.daysLate', { count: f.daysPastDue })}
                    </Text>
                  )}
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <Paper withBorder radius="md" p="sm" data-testid="exposure-totals">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Detail label={t('financing.exposure.totalOutstanding')}>{formatRupiah(totals.outstanding)}</Detail>
          <Detail label={t('financing.exposure.totalOverdue')}>
            <Text span size="sm" fw={late ? 700 : undefined} c={late ? 'red.9' : undefined}>
              {formatRupiah(totals.overdue)}
            </Text>
          </Detail>
          <Detail label={t('financing.exposure.totalPending')}>{formatRupiah(totals.pending)}</Detail>
          <Detail label={t('financing.exposure.withThis')}>
            <Text span size="sm" fw={700}>
              {formatRupiah(totals.withThis)}
            </Text>
          </Detail>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
