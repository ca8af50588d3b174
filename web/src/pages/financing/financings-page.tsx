import { Button, Select, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FINANCING_STATUSES, useFinancings } from '../../api/financing.ts';
import { useSignedIn } from '../../auth/session.ts';
import { PlusIcon } from '../../components/icons.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ListStates } from '../../components/states.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { FinancingsList } from './financings-list.tsx';
import { canApply } from './shared.tsx';

export function FinancingsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const _isPhone = useIsPhone();
  const _formatDate = useFormatDate();
  const [params, setParams] = useSearchParams();
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
  const financings = useFinancings({ status: status ?? undefined });
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
      </SimpleGrid>
      <ListStates query={financings} count={rows.length} empty={status ? t('financing.noMatch') : t('financing.empty')}>
        <FinancingsList rows={rows} />
        <LoadMore hasMore={financings.hasNextPage} loading={financings.isFetchingNextPage} onLoad={() => void financings.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}
