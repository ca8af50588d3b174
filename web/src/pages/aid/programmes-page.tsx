import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { canEditProgrammes, type ProgrammeView, programmesQuery } from '../../api/aid.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { ProgrammeEditModal } from './programme-edit-modal.tsx';
import { useProgrammeName } from './shared.tsx';

export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const nameOf = useProgrammeName();
  const programmes = useQuery(programmesQuery);
  const [adding, setAdding] = useState(false);
  const rows = programmes.data ?? [];
  const link = (p: ProgrammeView) => (
    <Anchor component={Link} to={`/aid/programmes/${p.code}`} fw={600} size="sm">
      {nameOf(p)}
    </Anchor>
  );
  const badges = (p: ProgrammeView) => (
    <Group gap={4} wrap="nowrap">
      {p.builtIn && (
        <Badge variant="light" color="blue" style={{ textTransform: 'none', maxWidth: 'none', minWidth: 'fit-content' }}>
          {t('aid.builtIn')}
        </Badge>
      )}
      {!p.active && (
        <Badge variant="outline" color="gray" style={{ textTransform: 'none', maxWidth: 'none', minWidth: 'fit-content' }}>
          {t('aid.inactive')}
        </Badge>
      )}
    </Group>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('aid.title')}>
        {canEditProgrammes(me.role) && (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setAdding(true)}>
            {t('aid.add')}
          </Button>
        )}
      </PageHeader>
      <ListStates query={programmes} count={rows.length} empty={t('aid.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="programmes-list">
            {rows.map((p) => (
              <Card key={p.id} withBorder radius="md" padding="sm" data-testid="programme-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={0} miw={0}>
                    {link(p)}
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.code}
                    </Text>
                  </Stack>
                  {badges(p)}
                </Group>
                <Text size="sm" mt={6}>
                  {t(`aid.units.${p.targetUnit}`)} · {t(`aid.periods.${p.period}`)} · {t(`aid.channels.${p.channel}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('aid.fund')}: {p.fundCode ?? t('aid.noFund')}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="programmes-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('aid.name')}</Table.Th>
                  <Table.Th>{t('aid.code')}</Table.Th>
                  <Table.Th>{t('aid.targetUnit')}</Table.Th>
                  <Table.Th>{t('aid.period')}</Table.Th>
                  <Table.Th>{t('aid.channel')}</Table.Th>
                  <Table.Th>{t('aid.fund')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id} data-testid="programme-row">
                    <Table.Td>{link(p)}</Table.Td>
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td>{t(`aid.units.${p.targetUnit}`)}</Table.Td>
                    <Table.Td>{t(`aid.periods.${p.period}`)}</Table.Td>
                    <Table.Td>{t(`aid.channels.${p.channel}`)}</Table.Td>
                    <Table.Td>
                      {p.fundCode ?? (
                        <Text size="sm" c="dimmed">
                          {t('aid.noFund')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{badges(p)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {adding && (
        <ProgrammeEditModal
          programme={null}
          onClose={() => setAdding(false)}
          onSaved={(saved) => navigate(`/aid/programmes/${saved.code}`)}
        />
      )}
    </Stack>
  );
}
