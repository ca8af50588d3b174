import { Badge, Button, Card, Code, Collapse, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditFilters, useAudit } from '../api/queries.ts';
import type { AuditRecord } from '../api/types.ts';
import { ChevronDownIcon, ChevronRightIcon } from '../components/icons.tsx';
import { LoadMore } from '../components/load-more.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ListStates } from '../components/states.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';

const ENTITY_TYPES = ['user', 'office', 'organisation', 'api_token'] as const;

/** Failures stand out; changes and creations are told apart at a glance. */
const actionColor = (action: string) =>
  action.endsWith('_failed') ? 'red' : action.endsWith('.create') ? 'teal' : action.startsWith('auth.') ? 'gray' : 'blue';

function useFormatTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'medium' });
  return (iso: string) => format.format(new Date(iso));
}

export function AuditPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatTime = useFormatTime();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [actorInput, setActorInput] = useState('');
  const [actor] = useDebouncedValue(actorInput.trim(), 300);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: AuditFilters = {
    entityType: entityType ?? undefined,
    actor: actor || undefined,
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
  const entityLabel = (type: string) => t(`audit.entityTypes.${type}` as 'audit.entityTypes.user', { defaultValue: type });
  const actionBadge = (action: string) => (
    <Badge variant="light" color={actionColor(action)} title={action} style={{ textTransform: 'none' }}>
      {t(`audit.actions.${action.replaceAll('.', '_')}` as 'audit.actions.auth_login', { defaultValue: action })}
    </Badge>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('audit.title')}>
        <Text size="sm" c="dimmed">
          {t('audit.newestFirst')}
        </Text>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('audit.entityType')}
          placeholder={t('common.all')}
          data={ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
          value={entityType}
          onChange={setEntityType}
          clearable
        />
        <TextInput label={t('audit.actor')} value={actorInput} onChange={(event) => setActorInput(event.currentTarget.value)} />
        <TextInput
          label={t('audit.from')}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.currentTarget.value)}
        />
        <TextInput
          label={t('audit.to')}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.currentTarget.value)}
        />
      </SimpleGrid>
      {filtered && (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setEntityType(null);
              setActorInput('');
              setFrom('');
              setTo('');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      )}

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
                  <Text size="sm">{record.actor ?? '—'}</Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {entityLabel(record.entityType)} {record.entityId ?? ''}
                </Text>
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
                        <Text size="sm">{record.actor ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>{actionBadge(record.action)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{entityLabel(record.entityType)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {record.entityId ?? ''}
                        </Text>
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

function Changes({ record }: { record: AuditRecord }) {
  const { t } = useTranslation();
  const json = (value: unknown) => (value === null || value === undefined ? t('audit.noChange') : JSON.stringify(value, null, 2));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" py={4}>
      {(['before', 'after'] as const).map((side) => (
        <Stack key={side} gap={4} miw={0}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t(`audit.${side}`)}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {json(record[side])}
          </Code>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
