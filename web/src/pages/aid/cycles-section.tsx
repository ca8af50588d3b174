// A programme's payment cycles, newest period first, and opening one for a period.

import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { type Cycle, canMakeCycles, createCycle, cyclesQuery, type ProgrammeView, useInvalidateAid } from '../../api/aid.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DateField } from '../../components/date-field.tsx';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { CycleStatusBadge } from './shared.tsx';

export function CyclesSection({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const cycles = useQuery(cyclesQuery(programme.id));
  const rows = cycles.data ?? [];
  const [opening, setOpening] = useState(false);
  const link = (c: Cycle) => (
    <Anchor component={Link} to={`/aid/cycles/${c.id}`} fw={600} size="sm">
      {c.name}
    </Anchor>
  );
  const period = (c: Cycle) => `${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}`;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('aid.cycles.title')}</Text>
        {canMakeCycles(me.role) && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setOpening(true)}>
            {t('aid.cycles.open')}
          </Button>
        )}
      </Group>
      <ListStates query={cycles} count={rows.length} empty={t('aid.cycles.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="cycles-list">
            {rows.map((c) => (
              <Card key={c.id} withBorder radius="md" padding="sm" data-testid="cycle-row">
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Stack gap={0} miw={0}>
                    {link(c)}
                    <Text size="xs" c="dimmed">
                      {period(c)}
                    </Text>
                  </Stack>
                  <CycleStatusBadge status={c.status} />
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`aid.cycles.computeStates.${c.computeState}`)} · {t('aid.cycles.maker')}: {c.createdByName}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="cycles-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.cycles.name')}</Table.Th>
                  <Table.Th>{t('aid.cycles.period')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('aid.cycles.computedAt')}</Table.Th>
                  <Table.Th>{t('aid.cycles.maker')}</Table.Th>
                  <Table.Th>{t('aid.cycles.checker')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id} data-testid="cycle-row">
                    <Table.Td>{link(c)}</Table.Td>
                    <Table.Td>{period(c)}</Table.Td>
                    <Table.Td>
                      <CycleStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{t(`aid.cycles.computeStates.${c.computeState}`)}</Table.Td>
                    <Table.Td>{c.createdByName}</Table.Td>
                    <Table.Td>{c.approvedByName ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {opening && <OpenCycleModal programme={programme} onClose={() => setOpening(false)} />}
    </Stack>
  );
}

function OpenCycleModal({ programme, onClose }: { programme: ProgrammeView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const invalidate = useInvalidateAid();
  const [name, setName] = useState('');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [tried, setTried] = useState(false);
  const open = useMutation({
    mutationFn: () => createCycle(programme.id, { name: name.trim(), periodStart, periodEnd }),
    onSuccess: async (cycle) => {
      await invalidate();
      toast.success(t('aid.cycles.opened'));
      void navigate(`/aid/cycles/${cycle.id}`);
    },
  });
  const required = (value: string) => (tried && !value.trim() ? t('common.required') : undefined);
  return (
    <Modal opened onClose={onClose} title={t('aid.cycles.openTitle')}>
      <Stack>
        <TextInput
          label={t('aid.cycles.name')}
          description={t('aid.cycles.nameHint')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={required(name) ?? fieldError(open.error, 'name')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('aid.cycles.periodStart')}
            required
            value={periodStart}
            onChange={(e) => setPeriodStart(e.currentTarget.value)}
            error={required(periodStart) ?? fieldError(open.error, 'periodStart')}
          />
          <DateField
            label={t('aid.cycles.periodEnd')}
            required
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.currentTarget.value)}
            error={required(periodEnd) ?? fieldError(open.error, 'periodEnd')}
          />
        </SimpleGrid>
        <FormError error={open.error} fields={['name', 'periodStart', 'periodEnd']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={open.isPending}
            onClick={() => {
              setTried(true);
              if (name.trim() && periodStart && periodEnd) open.mutate();
            }}
          >
            {t('aid.cycles.open')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
