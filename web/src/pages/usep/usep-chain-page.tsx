import { Anchor, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { multiplierQuery } from '../../api/usep.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates } from '../../components/states.tsx';
import { Figure } from './usep-shared.tsx';

/** The chain stimulus of a city: how far every rupiah has travelled, by group and for the city. */
export function UsepChainPage() {
  const { t } = useTranslation();
  const [regency, setRegency] = useState('34.71');
  const valid = /^\d{2}\.\d{2}$/.test(regency);
  const city = useQuery(multiplierQuery(regency));
  const c = city.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('usepWeb.chainPageTitle')} />
      <Text size="sm" c="dimmed">
        {t('usepWeb.chainPageHint')}
      </Text>
      <TextInput
        label={t('usep.regency')}
        description={t('usepWeb.regencyHint')}
        value={regency}
        onChange={(e) => setRegency(e.currentTarget.value.trim())}
        error={valid ? undefined : t('usepWeb.regencyInvalid')}
        maw={260}
      />
      {valid && (
        <ListStates query={city} count={c?.groups.length ?? 0} empty={t('usepWeb.noStimulatedGroups')}>
          {c && (
            <Stack gap="md">
              <Paper withBorder p="md" radius="md">
                <Text fw={600} mb="xs">
                  {c.regency.name}
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" data-testid="city-multiplier">
                  <Figure label={t('usepWeb.stimulus')} value={formatRupiah(c.total.stimulusRupiah)} />
                  <Figure label={t('usep.revolved')} value={formatRupiah(c.total.revolvedRupiah)} />
                  <Figure label={t('usep.multiplier')} value={`${c.total.multiplier}×`} testId="city-multiplier-value" />
                  <Figure label={t('usep.families')} value={c.total.families} />
                  <Figure label={t('usep.rounds')} value={c.total.rounds} />
                  <Figure label={t('usepWeb.familiesPerMillion')} value={c.total.familiesPerMillion} />
                </SimpleGrid>
                <Text size="xs" c="dimmed" mt="xs">
                  {t('usepWeb.multiplierExplained')}
                </Text>
              </Paper>
              <Table.ScrollContainer minWidth={320}>
                <Table striped verticalSpacing="xs" data-testid="group-multipliers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('usep.group')}</Table.Th>
                      <Table.Th ta="right">{t('usep.revolved')}</Table.Th>
                      <Table.Th ta="right">{t('usep.multiplier')}</Table.Th>
                      <Table.Th ta="right">{t('usep.families')}</Table.Th>
                      <Table.Th ta="right">{t('usep.arrears')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.groups.map((g) => (
                      <Table.Tr key={g.groupId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/usep/groups/${g.groupId}`}>
                            {g.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t('usepWeb.ofStimulus', { amount: formatRupiah(g.multiplier.stimulusRupiah) })} ·{' '}
                            {t('usepWeb.roundsCount', { count: g.multiplier.rounds })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{formatRupiah(g.multiplier.revolvedRupiah)}</Table.Td>
                        <Table.Td ta="right">{g.multiplier.multiplier}×</Table.Td>
                        <Table.Td ta="right">{g.multiplier.families}</Table.Td>
                        <Table.Td ta="right">
                          {formatRupiah(g.overdueRupiah)}
                          {g.recipientsInArrears > 0 && (
                            <Text size="xs" c="red.9">
                              {t('usepWeb.recipientsInArrears', { count: g.recipientsInArrears })}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )}
        </ListStates>
      )}
    </Stack>
  );
}
