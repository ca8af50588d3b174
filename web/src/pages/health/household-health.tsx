// The household page's "Family health": clean water, healthy latrine and the Keluarga Sehat index
// with its 12 indicators, and the questions to ask where the records say nothing. Health workers
// and the admin see it (each read audited); health workers record and answer.
import { Badge, Button, Group, Modal, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  canReadClinical,
  canRecordClinical,
  type HouseholdHealthInput,
  type HouseholdHealthView,
  householdHealthQuery,
  householdIksQuery,
  type IksView,
  saveHouseholdHealth,
  useInvalidateHealth,
} from '../../api/health-profile.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { Detail } from '../registry/shared.tsx';
import { useFormatDecimal } from './health-format.ts';

type Tri = boolean | null;
type Code = IksView['indicators'][number]['code'];
export const CATEGORY_COLORS = { sehat: 'teal', pra_sehat: 'yellow', tidak_sehat: 'red' } as const;

export function HouseholdHealth({ householdId }: { householdId: string }) {
  const me = useSignedIn();
  if (!canReadClinical(me.role)) return null;
  return <HealthPanel householdId={householdId} canEdit={canRecordClinical(me.role)} />;
}

function HealthPanel({ householdId, canEdit }: { householdId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const health = useQuery(householdHealthQuery(householdId));
  const iks = useQuery(householdIksQuery(householdId));
  const [editing, setEditing] = useState(false);
  const title = (
    <Title order={3} size="h4">
      {t('healthProfile.household.title')}
    </Title>
  );
  if (health.isPending || iks.isPending)
    return (
      <Stack gap="sm">
        {title}
        <PageLoader />
      </Stack>
    );
  const error = health.error ?? iks.error;
  if (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
    return (
      <Stack gap="sm">
        {title}
        <ErrorAlert
          error={error}
          onRetry={() => {
            void health.refetch();
            void iks.refetch();
          }}
        />
      </Stack>
    );
  }
  if (!health.data || !iks.data) return null;
  return (
    <Stack gap="sm" data-testid="household-health">
      <Group justify="space-between">
        {title}
        {canEdit && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            {t('healthProfile.household.edit')}
          </Button>
        )}
      </Group>
      <HealthSummary health={health.data} iks={iks.data} />
      {editing && <HouseholdHealthModal householdId={householdId} health={health.data} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function HealthSummary({ health, iks }: { health: HouseholdHealthView; iks: IksView }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const decimal = useFormatDecimal();
  const tri = (value: Tri) => (value === null ? t('healthProfile.unknown') : value ? t('healthProfile.yes') : t('healthProfile.no'));
  const value = iks.iks === null ? 0 : Number(iks.iks) * 100;
  const status = (i: IksView['indicators'][number]) =>
    !i.applicable ? (
      <Badge variant="outline" color="gray">
        {t('healthProfile.household.notApplicable')}
      </Badge>
    ) : i.met ? (
      <Badge variant="light" color="teal">
        {t('healthProfile.household.met')}
      </Badge>
    ) : (
      <Badge variant="light" color="red">
        {t('healthProfile.household.notMet')}
      </Badge>
    );
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <Detail label={t('healthProfile.household.cleanWater')}>{tri(health.cleanWater)}</Detail>
          <Detail label={t('healthProfile.household.healthyLatrine')}>{tri(health.healthyLatrine)}</Detail>
          <Detail label={t('healthProfile.household.iks')}>
            {iks.iks === null ? (
              t('healthProfile.household.noIks')
            ) : (
              <Group gap="xs">
                <Text fw={700} data-testid="iks-value">
                  {decimal(iks.iks)}
                </Text>
                {iks.category && (
                  <Badge color={CATEGORY_COLORS[iks.category]} autoContrast data-testid="iks-category">
                    {t(`healthProfile.category.${iks.category}`)}
                  </Badge>
                )}
              </Group>
            )}
          </Detail>
        </SimpleGrid>
        {iks.category && <Progress value={value} color={CATEGORY_COLORS[iks.category]} aria-label={t('healthProfile.household.iks')} />}
        {isPhone ? (
          <Stack gap={6} data-testid="iks-indicators">
            {iks.indicators.map((i) => (
              <Group key={i.code} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{t(`healthProfile.indicator.${i.code}`)}</Text>
                {status(i)}
              </Group>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing={4} data-testid="iks-indicators">
            <Table.Tbody>
              {iks.indicators.map((i, n) => (
                <Table.Tr key={i.code}>
                  <Table.Td w={32}>{n + 1}</Table.Td>
                  <Table.Td>{t(`healthProfile.indicator.${i.code}`)}</Table.Td>
                  <Table.Td>{status(i)}</Table.Td>
                  <Table.Td>
                    {health.toAsk.includes(i.code) && (
                      <Text size="xs" c="dimmed">
                        {health.answers[i.code] === undefined
                          ? t('healthProfile.household.notAnswered')
                          : t('healthProfile.household.answered')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('healthProfile.household.toAsk')}
          </Text>
          {health.toAsk.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('healthProfile.household.nothingToAsk')}
            </Text>
          ) : (
            <>
              <Text size="xs" c="dimmed">
                {t('healthProfile.household.toAskHint')}
              </Text>
              {health.toAsk.map((code) => (
                <Group key={code} gap="xs" wrap="nowrap" justify="space-between" data-testid="iks-question">
                  <Text size="sm">{t(`healthProfile.question.${code}`)}</Text>
                  <Badge variant="light" color={health.answers[code] === undefined ? 'gray' : health.answers[code] ? 'teal' : 'red'}>
                    {health.answers[code] === undefined ? t('healthProfile.household.notAnswered') : tri(health.answers[code] ?? null)}
                  </Badge>
                </Group>
              ))}
            </>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function TriSelect({ label, value, onChange }: { label: string; value: Tri; onChange: (value: Tri) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      value={value === null ? 'unknown' : String(value)}
      onChange={(v) => onChange(v === 'true' ? true : v === 'false' ? false : null)}
      data={[
        { value: 'unknown', label: t('healthProfile.household.notAnswered') },
        { value: 'true', label: t('healthProfile.yes') },
        { value: 'false', label: t('healthProfile.no') },
      ]}
      allowDeselect={false}
    />
  );
}

function HouseholdHealthModal({ householdId, health, onClose }: { householdId: string; health: HouseholdHealthView; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateHealth();
  const [cleanWater, setCleanWater] = useState<Tri>(health.cleanWater);
  const [healthyLatrine, setHealthyLatrine] = useState<Tri>(health.healthyLatrine);
  const questions = health.toAsk.filter((code) => code !== 'air_bersih' && code !== 'jamban_sehat');
  const [answers, setAnswers] = useState<Partial<Record<Code, Tri>>>(
    Object.fromEntries(questions.map((code) => [code, health.answers[code] ?? null])),
  );
  const save = useMutation({
    mutationFn: () => saveHouseholdHealth(householdId, { cleanWater, healthyLatrine, answers } as HouseholdHealthInput),
    onSuccess: async () => {
      toast.success(t('healthProfile.household.saved'));
      await invalidate('households', householdId);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('healthProfile.household.edit')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} fields={['cleanWater', 'healthyLatrine', 'answers']} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TriSelect label={t('healthProfile.household.cleanWater')} value={cleanWater} onChange={setCleanWater} />
            <TriSelect label={t('healthProfile.household.healthyLatrine')} value={healthyLatrine} onChange={setHealthyLatrine} />
          </SimpleGrid>
          {questions.length > 0 && (
            <Text size="sm" fw={500}>
              {t('healthProfile.household.toAsk')}
            </Text>
          )}
          {questions.map((code) => (
            <TriSelect
              key={code}
              label={t(`healthProfile.question.${code}`)}
              value={answers[code] ?? null}
              onChange={(v) => setAnswers((a) => ({ ...a, [code]: v }))}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('healthProfile.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('healthProfile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
