import { Badge, Button, CloseButton, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FINANCING_STATUSES, LINKED_FINANCING_FILTERS, officersQuery, useFinancings } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { FinancingsList } from './financings-list.tsx';
import { canApply } from './shared.tsx';

export function FinancingsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const formatDate = useFormatDate();
  const [params, setParams] = useUrlSearchParams();
  const status = params.get('status');
  const setStatus = (value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set('status', value);
        else next.delete('status');
        return next;
      },
      { replace: true },
    );
  // The responsible officer picked here (a user id); `me` comes only with a link (the home page's figures).
  const officer = params.get('facilitator');
  const pickedOfficer = officer && officer !== 'me' ? officer : null;
  const officers = useQuery(officersQuery());
  const setOfficer = (value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set('facilitator', value);
        else next.delete('facilitator');
        return next;
      },
      { replace: true },
    );
  // Filters a link brought (the home page's figures): shown, and cleared together.
  const linked = Object.fromEntries(
    LINKED_FINANCING_FILTERS.flatMap((key) =>
      params.get(key) && !(key === 'facilitator' && pickedOfficer) ? [[key, params.get(key) as string]] : [],
    ),
  );
  const clearLinked = () =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const key of LINKED_FINANCING_FILTERS) next.delete(key);
        return next;
      },
      { replace: true },
    );
  const financings = useFinancings({ status: status ?? undefined, ...linked, ...(pickedOfficer ? { facilitator: pickedOfficer } : {}) });
  const rows = financings.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('financing.title')}>
        {canApply(me.role) && (
          <Button component={Link} to="/financings/new" leftSection={<PlusIcon size={16} />}>
            {t('financing.newApplication')}
          </Button>
        )}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('common.status')}
          placeholder={t('financing.allStatuses')}
          data={FINANCING_STATUSES.map((s) => ({ value: s, label: t(`financing.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="financing-status-filter"
        />
        <Select
          label={t('financing.officer.filter')}
          placeholder={t('financing.officer.allOfficers')}
          data={(officers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={pickedOfficer}
          onChange={setOfficer}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="financing-officer-filter"
        />
      </SimpleGrid>
      {Object.keys(linked).length > 0 && (
        <Group gap="xs" data-testid="financing-linked-filters">
          {Object.entries(linked).map(([key, value]) => (
            <Badge key={key} variant="light" color="gray" size="lg" style={{ textTransform: 'none' }}>
              {t(`financing.linkedFilters.${key}` as 'financing.linkedFilters.dueFrom', {
                value: key === 'facilitator' ? t('financing.linkedFilters.me') : key === 'overdue' ? '' : formatDate(value),
              })}
            </Badge>
          ))}
          <CloseButton aria-label={t('financing.linkedFilters.clear')} onClick={clearLinked} />
        </Group>
      )}
      <ListStates
        query={financings}
        count={rows.length}
        empty={status || pickedOfficer || Object.keys(linked).length > 0 ? t('financing.noMatch') : t('financing.empty')}
      >
        <FinancingsList rows={rows} />
        <LoadMore hasMore={financings.hasNextPage} loading={financings.isFetchingNextPage} onLoad={() => void financings.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}
