// One programme: its definition (rules, benefit table, windows, priority regions; the admin edits
// it), an eligibility check that explains every rule, its enrolments and its payment cycles.
import { Anchor, Badge, Button, Card, Group, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { canEditProgrammes, eligibilityQuery, type ProgrammeView, programmeQuery } from '../../api/aid.ts';
import { ApiError } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useUrlSearchParams } from '../../components/use-url-search-params.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { Detail, useFormatDate } from '../registry/shared.tsx';
import { CyclesSection } from './cycles-section.tsx';
import { EnrolmentsSection } from './enrolments-section.tsx';
import { ProgrammeEditModal } from './programme-edit-modal.tsx';
import { useProgrammeName, useRuleText, useValueText } from './shared.tsx';

const TABS = ['definition', 'eligibility', 'enrolments', 'cycles'] as const;
type Tab = (typeof TABS)[number];

export function ProgrammePage() {
  const { id = '' } = useParams();
  const programme = useQuery(programmeQuery(id));
  if (programme.isPending) return <PageLoader />;
  if (programme.isError) {
    if (programme.error instanceof ApiError && (programme.error.status === 404 || programme.error.status === 422)) return <NotFoundPage />;
    return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  return <ProgrammeDetail programme={programme.data} />;
}

function ProgrammeDetail({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const nameOf = useProgrammeName();
  const navigate = useNavigate();
  const [params, setParams] = useUrlSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'definition';
  const [editing, setEditing] = useState(false);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} miw={0}>
          <Anchor component={Link} to="/aid/programmes" size="sm">
            ← {t('aid.back')}
          </Anchor>
          <Title order={1} size="h2" data-testid="programme-title">
            {nameOf(programme)}
          </Title>
          <Text size="sm" c="dimmed">
            {programme.code.toUpperCase()} · {t(`aid.units.${programme.targetUnit}`)} · {t(`aid.periods.${programme.period}`)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" component={Link} to={`/aid/progress?programme=${programme.code}`}>
            {t('aid.progress.open')}
          </Button>
          {canEditProgrammes(me.role) && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('aid.edit.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (old) => {
              const next = new URLSearchParams(old);
              next.set('tab', value ?? 'definition');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`aid.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="definition" pt="md">
          <Definition programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="eligibility" pt="md">
          <EligibilityCheck programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="enrolments" pt="md">
          <EnrolmentsSection programme={programme} />
        </Tabs.Panel>
        <Tabs.Panel value="cycles" pt="md">
          <CyclesSection programme={programme} />
        </Tabs.Panel>
      </Tabs>
      {editing && (
        <ProgrammeEditModal
          programme={programme}
          onClose={() => setEditing(false)}
          onSaved={(saved) => saved.code !== programme.code && navigate(`/aid/programmes/${saved.code}`, { replace: true })}
        />
      )}
    </Stack>
  );
}

function useConditionText() {
  const { t } = useTranslation();
  return (condition: ProgrammeView['rates'][number]['condition']) => {
    const parts: string[] = [];
    if (condition.pregnant) parts.push(t('aid.rules.pregnant'));
    if (condition.ageMin !== undefined || condition.ageMax !== undefined)
      parts.push(t('aid.rules.age', { min: condition.ageMin ?? 0, max: condition.ageMax ?? '…' }));
    if (condition.schoolLevel) parts.push(condition.schoolLevel);
    if (condition.disability) parts.push(t('aid.rules.disability'));
    if (condition.sex) parts.push(t(`registry.sex.${condition.sex}`));
    return parts.length > 0 ? parts.join(', ') : t('aid.rates.anyone');
  };
}

function Definition({ programme }: { programme: ProgrammeView }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const ruleText = useRuleText();
  const conditionText = useConditionText();
  const per = t(`aid.per.${programme.period === 'month' ? 'month' : 'year'}`);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          <Detail label={t('aid.targetUnit')}>{t(`aid.units.${programme.targetUnit}`)}</Detail>
          <Detail label={t('aid.period')}>
            {t(`aid.periods.${programme.period}`)}
            {programme.stagesPerYear ? ` · ${programme.stagesPerYear} ${t('aid.per.year')}` : ''}
          </Detail>
          <Detail label={t('aid.channel')}>{t(`aid.channels.${programme.channel}`)}</Detail>
          <Detail label={t('aid.fund')} testId="programme-fund">
            {programme.fundCode ?? t('aid.noFund')}
          </Detail>
          <Detail label={t('aid.memberCap')}>{programme.memberCap ?? t('aid.none')}</Detail>
          <Detail label={t('aid.newYearPercent')}>{programme.newYearPercent ?? t('aid.none')}</Detail>
          <Detail label={t('aid.finalYearPercent')}>{programme.finalYearPercent ?? t('aid.none')}</Detail>
          <Detail label={t('aid.priorityRegions')}>
            {programme.priorityRegions.length > 0 ? programme.priorityRegions.join(', ') : t('aid.none')}
          </Detail>
        </SimpleGrid>
      </Paper>

      <Title order={3} size="h4">
        {t('aid.rules.title')}
      </Title>
      {programme.eligibility.length === 0 ? (
        <Text c="dimmed">{t('aid.rules.none')}</Text>
      ) : (
        <List data-testid="programme-rules">
          {programme.eligibility.map((rule, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id and keep their order
            <List.Item key={index}>{ruleText(rule)}</List.Item>
          ))}
        </List>
      )}

      <Title order={3} size="h4">
        {t('aid.rates.title')}
      </Title>
      {isPhone ? (
        <Stack gap="xs">
          {programme.rates.map((rate) => (
            <Card key={`${rate.category}-${rate.effectiveFrom}`} withBorder radius="md" padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">
                  {rate.category}
                </Text>
                <Text fw={600} size="sm">
                  {formatRupiah(rate.amount)} {per}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t(`aid.rates.${rate.basis}`)} · {conditionText(rate.condition)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDate(rate.effectiveFrom)} – {rate.effectiveTo ? formatDate(rate.effectiveTo) : t('aid.rates.untilChanged')}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs" data-testid="programme-rates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('aid.rates.category')}</Table.Th>
                <Table.Th>{t('aid.rates.basis')}</Table.Th>
                <Table.Th>{t('aid.rates.condition')}</Table.Th>
                <Table.Th ta="right">{t('aid.rates.amount')}</Table.Th>
                <Table.Th ta="right">{t('aid.rates.maxPerUnit')}</Table.Th>
                <Table.Th>{t('aid.rates.from')}</Table.Th>
                <Table.Th>{t('aid.rates.to')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programme.rates.map((rate) => (
                <Table.Tr key={`${rate.category}-${rate.effectiveFrom}`}>
                  <Table.Td>{rate.category}</Table.Td>
                  <Table.Td>{t(`aid.rates.${rate.basis}`)}</Table.Td>
                  <Table.Td>{conditionText(rate.condition)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatRupiah(rate.amount)}{' '}
                    <Text span size="xs" c="dimmed">
                      {per}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{rate.maxPerUnit ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(rate.effectiveFrom)}</Table.Td>
                  <Table.Td>{rate.effectiveTo ? formatDate(rate.effectiveTo) : t('aid.rates.untilChanged')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {programme.paymentWindows.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('aid.rates.windows')}
          </Title>
          <List>
            {programme.paymentWindows.map((w) => (
              <List.Item key={w.startsOn}>
                {formatDate(w.startsOn)} – {formatDate(w.endsOn)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** Is this person (or their family) eligible, and why: every rule with the value seen and what is required. */
function EligibilityCheck({ programme }: { programme: ProgrammeView }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const valueText = useValueText();
  const [personId, setPersonId] = useState<string | null>(null);
  const check = useQuery(eligibilityQuery(programme.id, { person: personId ?? undefined }, i18n.language));
  const passedBadge = (passed: boolean) => (
    <Badge color={passed ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none', flexShrink: 0 }}>
      {passed ? t('aid.eligibility.passed') : t('aid.eligibility.failed')}
    </Badge>
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('aid.eligibility.intro')}
      </Text>
      <PersonPicker
        label={t('aid.eligibility.pick')}
        value={personId}
        onChange={(person) => setPersonId(person?.id ?? null)}
        data-testid="eligibility-person"
      />
      {personId && check.isPending && <PageLoader />}
      {check.isError && <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />}
      {check.data && (
        <Stack gap="sm" data-testid="eligibility-result">
          <Group>
            <Badge size="lg" color={check.data.eligible ? 'teal' : 'red'} variant="filled" style={{ textTransform: 'none' }}>
              {check.data.eligible ? t('aid.eligibility.eligible') : t('aid.eligibility.notEligible')}
            </Badge>
          </Group>
          {check.data.rules.length === 0 ? (
            <Text c="dimmed">{t('aid.eligibility.noRules')}</Text>
          ) : isPhone ? (
            check.data.rules.map((rule, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rules' order is the programme's
              <Card key={index} withBorder radius="md" padding="sm" data-testid="eligibility-rule">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text fw={600} size="sm" ff="monospace">
                    {rule.rule}
                  </Text>
                  {passedBadge(rule.passed)}
                </Group>
                <Text size="sm">{rule.message}</Text>
                <Text size="xs" c="dimmed">
                  {t('aid.eligibility.seen')}: {valueText(rule.value)} · {t('aid.eligibility.required')}: {valueText(rule.required)}
                </Text>
              </Card>
            ))
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('aid.eligibility.rule')}</Table.Th>
                    <Table.Th>{t('aid.eligibility.seen')}</Table.Th>
                    <Table.Th>{t('aid.eligibility.required')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    <Table.Th>{t('aid.eligibility.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {check.data.rules.map((rule, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the rules' order is the programme's
                    <Table.Tr key={index} data-testid="eligibility-rule">
                      <Table.Td ff="monospace">{rule.rule}</Table.Td>
                      <Table.Td>{valueText(rule.value)}</Table.Td>
                      <Table.Td>{valueText(rule.required)}</Table.Td>
                      <Table.Td>{passedBadge(rule.passed)}</Table.Td>
                      <Table.Td>{rule.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}
