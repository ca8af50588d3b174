import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type CadreListItem,
  type CadreSettings,
  cadreSettingsQuery,
  cadresQuery,
  canManageCadres,
  useInvalidateCadres,
} from '../../api/cadres.ts';
import { api } from '../../api/client.ts';
import { type CadreOverviewItem, cadresOverviewQuery } from '../../api/contributions.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ArchivedMonthsNotice } from '../../components/archived-notice.tsx';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon, SettingsIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { ListStates, QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { CadreRecruitModal } from './cadre-recruit-modal.tsx';
import { CollectionRulesModal } from './collection-rules-modal.tsx';
import { CadreStatusBadge } from './shared.tsx';

type SortKey = 'attention' | 'name' | 'cash' | 'collection';
const SORTS: SortKey[] = ['attention', 'name', 'cash', 'collection'];

/**
 * The cadres in the caller's area with, from one overview request, each one's caseload against
 * the cap, the cash they hold (since when; held too long first) and this month's collected
 * against due. Sorted by what needs attention first, or by name, cash or collection.
 */
export function CadresPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const cadres = useQuery(cadresQuery);
  const overview = useQuery(cadresOverviewQuery);
  const [sort, setSort] = useState<SortKey>('attention');
  const figures = new Map((overview.data?.items ?? []).map((item, index) => [item.cadreId, { ...item, index }]));
  const rows = sortCadres(cadres.data ?? [], figures, sort);
  const flagged = overview.data?.items.filter((item) => item.cashFlagged).length ?? 0;
  const [settings, setSettings] = useState(false);
  const [recruiting, setRecruiting] = useState(false);
  const [rules, setRules] = useState(false);
  const cap = overview.data?.caseloadCap;

  return (
    <Stack gap="md">
      <PageHeader title={t('cadres.title')}>
        <Group gap="xs">
          {me.role === 'admin' && (
            <Button variant="default" leftSection={<SettingsIcon size={16} />} onClick={() => setSettings(true)}>
              {t('cadres.settings')}
            </Button>
          )}
          {me.role === 'admin' && (
            <Button variant="default" onClick={() => setRules(true)}>
              {t('cadres.rules.open')}
            </Button>
          )}
          {canManageCadres(me.role) && (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setRecruiting(true)} data-testid="recruit-open">
              {t('cadres.recruit.open')}
            </Button>
          )}
        </Group>
      </PageHeader>
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      <ArchivedMonthsNotice months={overview.data?.archivedMonths} />
      {flagged > 0 && overview.data && (
        <Alert color="red" variant="light" p="xs" data-testid="cadres-flagged">
          <Text size="sm">{t('cadres.overview.flagged', { count: flagged, limit: overview.data.cashHoldingLimitDays })}</Text>
        </Alert>
      )}
      {rows.length > 1 && (
        <Select
          label={t('cadres.overview.sortLabel')}
          data={SORTS.map((value) => ({ value, label: t(`cadres.overview.sort.${value}`) }))}
          value={sort}
          onChange={(value) => value && setSort(value as SortKey)}
          allowDeselect={false}
          maw={isPhone ? undefined : 280}
          comboboxProps={{ withinPortal: true }}
          data-testid="cadres-sort"
        />
      )}
      <ListStates query={cadres} count={rows.length} empty={canManageCadres(me.role) ? t('cadres.emptyRecruit') : t('cadres.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="cadres-list">
            {rows.map((cadre) => {
              const item = figures.get(cadre.id);
              return (
                <Card
                  key={cadre.id}
                  withBorder
                  radius="md"
                  padding="sm"
                  data-testid="cadre-row"
                  style={item?.cashFlagged ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Anchor component={Link} to={`/cadres/${cadre.id}`} fw={600} miw={0}>
                      {cadre.name}
                    </Anchor>
                    <CadreStatusBadge status={cadre.status} />
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {cadre.letterNumber} · {t('cadres.validUntil')} {formatDate(cadre.validUntil)}
                  </Text>
                  {item && (
                    <SimpleGrid cols={2} spacing="xs" mt={6}>
                      <Figure label={t('cadres.overview.caseload')} testId="cadre-caseload-cell">
                        <Caseload count={item.caseload} cap={cap} />
                      </Figure>
                      <Figure label={t('cadres.overview.collected')} testId="cadre-collected-cell">
                        <Collected item={item} />
                      </Figure>
                      <Figure label={t('cadres.overview.cash')} testId="cadre-cash-cell">
                        <Cash item={item} />
                      </Figure>
                    </SimpleGrid>
                  )}
                </Card>
              );
            })}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="cadres-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cadres.name')}</Table.Th>
                  <Table.Th>{t('cadres.status')}</Table.Th>
                  <Table.Th>{t('cadres.overview.caseload')}</Table.Th>
                  <Table.Th>{t('cadres.overview.cash')}</Table.Th>
                  <Table.Th>{t('cadres.overview.collected')}</Table.Th>
                  <Table.Th>{t('cadres.letterNumber')}</Table.Th>
                  <Table.Th>{t('cadres.validUntil')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((cadre) => {
                  const item = figures.get(cadre.id);
                  return (
                    <Table.Tr key={cadre.id} data-testid="cadre-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/cadres/${cadre.id}`} fw={500} size="sm">
                          {cadre.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {/* Wide enough for "Dibekukan" when the figures take the room. */}
                        <Box miw={110}>
                          <CadreStatusBadge status={cadre.status} />
                        </Box>
                      </Table.Td>
                      <Table.Td data-testid="cadre-caseload-cell">
                        {item ? <Caseload count={item.caseload} cap={cap} /> : <Pending />}
                      </Table.Td>
                      <Table.Td data-testid="cadre-cash-cell">{item ? <Cash item={item} /> : <Pending />}</Table.Td>
                      <Table.Td data-testid="cadre-collected-cell">{item ? <Collected item={item} /> : <Pending />}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{cadre.letterNumber}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(cadre.validUntil)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {settings && <SettingsModal onClose={() => setSettings(false)} />}
      {recruiting && <CadreRecruitModal onClose={() => setRecruiting(false)} />}
      {rules && <CollectionRulesModal onClose={() => setRules(false)} />}
    </Stack>
  );
}

type Figures = Map<string, CadreOverviewItem & { index: number }>;

/** The list in the chosen order; "attention" keeps the server's (held too long first, longest first, then by name). */
function sortCadres(rows: CadreListItem[], figures: Figures, sort: SortKey): CadreListItem[] {
  const last = Number.MAX_SAFE_INTEGER;
  const percent = (id: string) => Number(figures.get(id)?.collectabilityPercent ?? last);
  const cash = (id: string) => BigInt(figures.get(id)?.cashHeld ?? '-1');
  const byName = (a: CadreListItem, b: CadreListItem) => a.name.localeCompare(b.name);
  const order: Record<SortKey, (a: CadreListItem, b: CadreListItem) => number> = {
    attention: (a, b) => (figures.get(a.id)?.index ?? last) - (figures.get(b.id)?.index ?? last) || byName(a, b),
    name: byName,
    cash: (a, b) => (cash(b.id) > cash(a.id) ? 1 : cash(b.id) < cash(a.id) ? -1 : byName(a, b)),
    collection: (a, b) => percent(a.id) - percent(b.id) || byName(a, b),
  };
  return [...rows].sort(order[sort]);
}

function Pending() {
  return (
    <Text size="sm" c="dimmed">
      …
    </Text>
  );
}

function Figure({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <Stack gap={0} miw={0} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Caseload({ count, cap }: { count: number; cap: number | undefined }) {
  const { t } = useTranslation();
  const full = cap !== undefined && count >= cap;
  return (
    <Text size="sm" c={full ? 'red.9' : undefined} fw={full ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {cap === undefined ? count : t('cadres.overview.caseloadValue', { count, cap })}
    </Text>
  );
}

function Cash({ item }: { item: CadreOverviewItem }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600} c={item.cashFlagged ? 'red.9' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatRupiah(item.cashHeld)}
        </Text>
        {item.cashFlagged && (
          <Badge color="red" variant="light" size="sm" style={{ textTransform: 'none' }} data-testid="cadre-cash-flag">
            {t('cadres.overview.heldTooLong')}
          </Badge>
        )}
      </Group>
      {item.cashSince && (
        <Text size="xs" c="dimmed">
          {item.daysHeld === 0
            ? t('cadres.overview.sinceToday')
            : t('cadres.overview.since', { date: formatDate(item.cashSince), count: item.daysHeld })}
        </Text>
      )}
    </Stack>
  );
}

function Collected({ item }: { item: CadreOverviewItem }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(
    Number(item.collectabilityPercent),
  );
  return (
    <Stack gap={0}>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('cadres.overview.collectedValue', { collected: formatRupiah(item.collected), due: formatRupiah(item.due) })}
      </Text>
      {BigInt(item.due) > 0n && (
        <Text size="xs" c="dimmed">
          {t('cadres.overview.percent', { percent })}
        </Text>
      )}
    </Stack>
  );
}

function SettingsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const settings = useQuery(cadreSettingsQuery);
  return (
    <Modal opened onClose={onClose} title={t('cadres.settingsTitle')} centered>
      <QueryStates query={settings}>{(data) => <SettingsForm settings={data} onClose={onClose} />}</QueryStates>
    </Modal>
  );
}

function SettingsForm({ settings, onClose }: { settings: CadreSettings; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateCadres();
  const [cap, setCap] = useState<number | string>(settings.caseloadCap);
  const [origin, setOrigin] = useState(settings.cardOrigin ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.put<CadreSettings>('/api/v1/cadres/settings', {
        caseloadCap: Number(cap),
        cardOrigin: origin.trim() === '' ? null : origin.trim(),
      }),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('cadres.settingsSaved'));
      onClose();
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <NumberInput
          label={t('cadres.caseloadCap')}
          description={t('cadres.caseloadCapHint')}
          min={1}
          max={10000}
          allowDecimal={false}
          value={cap}
          onChange={setCap}
          error={fieldError(save.error, 'caseloadCap')}
          required
        />
        <TextInput
          label={t('cadres.cardOrigin')}
          description={t('cadres.cardOriginHint')}
          value={origin}
          onChange={(event) => setOrigin(event.currentTarget.value)}
          error={fieldError(save.error, 'cardOrigin')}
          inputMode="url"
        />
        <FormError error={save.error} fields={['caseloadCap', 'cardOrigin']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
