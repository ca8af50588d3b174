import { Anchor, Badge, Button, Card, Collapse, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { auditChanges } from '../../../src/modules/audit/audit-changes.rules.ts';
import { auditActionWords, auditRecordTypeChoices, auditRecordTypeWords } from '../../../src/modules/audit/audit-words.rules.ts';
import { type AuditFilters, useAudit } from '../api/queries.ts';
import type { AuditRecord } from '../api/types.ts';
import { ArchivedMonthsNotice } from '../components/archived-notice.tsx';
import { DateField } from '../components/date-field.tsx';
import { ChevronDownIcon, ChevronRightIcon } from '../components/icons.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ListStates } from '../components/states.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { useUrlSearchParams } from '../components/use-url-search-params.ts';

/** The page of the record an audit line is about, where the web app has one. */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  person: (id) => `/persons/${id}`,
  household: (id) => `/households/${id}`,
  group: (id) => `/groups/${id}`,
  financing: (id) => `/financings/${id}`,
  savings_account: (id) => `/savings/${id}`,
  journal_entry: (id) => `/finance/entries/${id}`,
  fund: (id) => `/finance/funds/${id}`,
  cadre: (id) => `/cadres/${id}`,
  partnership: (id) => `/partnerships/${id}`,
  partner: (id) => `/partnerships/partners/${id}`,
  aid_programme: (id) => `/aid/programmes/${id}`,
  aid_cycle: (id) => `/aid/cycles/${id}`,
  counselling_session: (id) => `/health/sessions/${id}`,
  user: () => '/users',
  office: () => '/offices',
  organisation: () => '/organisation',
};

const recordPage = (type: string, id: string | null) => (id ? RECORD_PAGES[type]?.(id) : undefined);

function exportHref(format: 'csv' | 'xlsx', filters: AuditFilters) {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const query = params.toString();
  return `/api/v1/audit/export.${format}${query ? `?${query}` : ''}`;
}

/** Failures stand out; changes and creations are told apart at a glance. */
const actionColor = (action: string) =>
  action.endsWith('_failed') ? 'red' : action.endsWith('.create') ? 'teal' : action.startsWith('auth.') ? 'gray' : 'blue';

function useFormatTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium' });
  return (iso: string) => format.format(new Date(iso));
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const isPhone = useIsPhone();
  const formatTime = useFormatTime();
  // The filters live in the address (/audit?action=…&from=…&recordType=…&user=…): a home-page count links to the exact list.
  const [params, setParams] = useUrlSearchParams();
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const entityType = params.get('recordType');
  const setEntityType = (value: string | null) => setParam('recordType', value);
  const action = params.get('action');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const setFrom = (value: string) => setParam('from', value);
  const setTo = (value: string) => setParam('to', value);
  const [actorInput, setActorInput] = useState(() => params.get('user') ?? '');
  const [actor] = useDebouncedValue(actorInput.trim(), 300);
  const urlActor = params.get('user') ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed name, once it settles, goes to the address
  useEffect(() => {
    if (actor !== urlActor) setParam('user', actor || null);
  }, [actor]);
  const filters: AuditFilters = {
    entityType: entityType ?? undefined,
    actor: urlActor || undefined,
    action: action ?? undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const audit = useAudit(filters);
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const entityLabel = (type: string) => auditRecordTypeWords(type, locale);
  const actionBadge = (action: string) => (
    <Badge variant="light" color={actionColor(action)} title={action} style={{ textTransform: 'none' }}>
      {auditActionWords(action, locale)}
    </Badge>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')}>
        <Text size="sm" c="dimmed">
          {t('audit.newestFirst')}
        </Text>
        <Group gap="xs">
          <Button component="a" href={exportHref('csv', filters)} variant="light" size="xs" download>
            {t('audit.exportCsv')}
          </Button>
          <Button component="a" href={exportHref('xlsx', filters)} variant="light" size="xs" download>
            {t('audit.exportXlsx')}
          </Button>
        </Group>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          data={auditRecordTypeChoices(locale)}
          searchable
          value={entityType}
          onChange={setEntityType}
          clearable
        />
        <TextInput label={t('audit.actor')} value={actorInput} onChange={(event) => setActorInput(event.currentTarget.value)} />
        <DateField label={t('audit.from')} value={from} max={to || undefined} onChange={(event) => setFrom(event.currentTarget.value)} />
        <DateField label={t('audit.to')} value={to} min={from || undefined} onChange={(event) => setTo(event.currentTarget.value)} />
      </SimpleGrid>
      {filtered && (
        <Group gap="xs">
          {action && (
            <Badge variant="light" color="blue" style={{ textTransform: 'none' }} data-testid="audit-action-filter">
              {t('audit.actionFilter', { action: auditActionWords(action, locale) })}
            </Badge>
          )}
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setActorInput('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}

      <ArchivedMonthsNotice months={audit.data?.pages[0]?.archivedMonths} />
      <ListStates query={audit} count={rows.length} empty={filtered ? t('common.noResults') : t('audit.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="audit-list">
            {rows.map((record) => (
              <Card key={record.id} withBorder radius="md" padding="sm" data-testid="audit-row">
                <Text size="xs" c="dimmed">
                  {formatTime(record.at)}
                </Text>
                <Group gap={6} mt={4}>
                  {actionBadge(record.action)}
                  <Text size="sm" title={record.actor ?? undefined}>
                    {record.actorName ?? record.actor ?? '—'}
                  </Text>
                </Group>
                <RecordCell type={record.entityType} id={record.entityId} label={entityLabel(record.entityType)} />
                <Group>
                  <DetailsToggle opened={open.has(record.id)} onClick={() => toggle(record.id)} />
                </Group>
                <Collapse expanded={open.has(record.id)}>
                  <Changes record={record} />
                </Collapse>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" data-testid="audit-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40} aria-label={t('audit.details')} />
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((record) => (
                  <Fragment key={record.id}>
                    <Table.Tr data-testid="audit-row" onClick={() => toggle(record.id)} style={{ cursor: 'pointer' }}>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="gray"
                          size="compact-xs"
                          aria-expanded={open.has(record.id)}
                          aria-label={open.has(record.id) ? t('audit.hideDetails') : t('audit.details')}
                          onClick={(event) => {
                            event.stopPropagation();
                            toggle(record.id);
                          }}
                        >
                          {open.has(record.id) ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
                        </Button>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatTime(record.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" title={record.actor ?? undefined}>
                          {record.actorName ?? record.actor ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>{actionBadge(record.action)}</Table.Td>
                      <Table.Td>
                        <RecordCell type={record.entityType} id={record.entityId} label={entityLabel(record.entityType)} />
                      </Table.Td>
                    </Table.Tr>
                    {open.has(record.id) && (
                      <Table.Tr>
                        <Table.Td colSpan={5} bg="gray.0">
                          <Changes record={record} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={audit.hasNextPage} loading={audit.isFetchingNextPage} onLoad={() => void audit.fetchNextPage()} />
      </ListStates>
    </Stack>
  );
}

function DetailsToggle({ opened, onClick }: { opened: boolean; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      mt={4}
      px={0}
      onClick={onClick}
      aria-expanded={opened}
      leftSection={opened ? <ChevronDownIcon size={14} /> : <ChevronRightIcon size={14} />}
    >
      {opened ? t('audit.hideDetails') : t('audit.details')}
    </Button>
  );
}

function RecordCell({ type, id, label }: { type: string; id: string | null; label: string }) {
  const { t } = useTranslation();
  const page = recordPage(type, id);
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      {page ? (
        <Anchor component={Link} to={page} size="xs" onClick={(event) => event.stopPropagation()}>
          {t('audit.openRecord')}
        </Anchor>
      ) : id ? (
        <Text size="xs" c="dimmed" ff="monospace">
          {id}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Before and after, field by field: only what changed, money in rupiah. */
function Changes({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const changes = auditChanges(record.before, record.after);
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed" py={4}>
        {t('audit.noChange')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withRowBorders={false} verticalSpacing={2} data-testid="audit-changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {change.field}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" td={change.before !== null && change.after !== null ? 'line-through' : undefined}>
                  {change.before ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {change.after ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
