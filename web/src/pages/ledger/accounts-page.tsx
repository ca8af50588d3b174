import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { accountsQuery } from '../../api/ledger.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { TypeBadge } from './ledger-shared.tsx';

/** The chart of accounts as a tree: headers in bold, postable accounts open their ledger. */
export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useQuery(accountsQuery);
  const rows = accounts.data ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('ledger.chartTitle')} />
      <Text size="sm" c="dimmed">
        {t('ledger.chartIntro')}
      </Text>
      <ListStates query={accounts} count={rows.length} empty={t('common.empty')}>
        <Table verticalSpacing={6} highlightOnHover data-testid="chart-of-accounts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('ledger.code')}</Table.Th>
              <Table.Th>{t('ledger.account')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((account) => {
              const depth = account.code.split('.').length - 1;
              return (
                <Table.Tr key={account.code} data-testid="account-row">
                  <Table.Td>
                    <Text size="sm" fw={account.postable ? undefined : 700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {account.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} pl={depth * 14} wrap="wrap">
                      {account.postable ? (
                        <Anchor component={Link} to={`/finance/ledger?account=${encodeURIComponent(account.code)}`} size="sm">
                          {account.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={700}>
                          {account.name}
                        </Text>
                      )}
                      {depth === 0 && <TypeBadge type={account.type} />}
                      {account.contra && (
                        <Badge size="sm" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {t('ledger.contra')}
                        </Badge>
                      )}
                      {account.scheme !== 'both' && (
                        <Badge
                          size="sm"
                          variant="light"
                          color={account.scheme === 'sharia' ? 'green' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {t(`ledger.schemes.${account.scheme}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ListStates>
    </Stack>
  );
}
