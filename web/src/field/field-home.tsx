import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateShort, formatRupiah } from '../../../src/core/format.ts';
import { FieldFamilyList } from './field-family.tsx';
import { FieldHealthHome } from './field-health.tsx';
import { FieldMyCard } from './field-my-card.tsx';
import { downloadBundle, useField } from './field-store.ts';
import { formatMoment } from './field-text.ts';

const LOGIN = `/login?next=${encodeURIComponent('/field')}`;

/** The phone's data: sign in, download the bundle, and a cadre's families or a facilitator's groups to open. */
export function FieldHomeScreen() {
  const field = useField();
  const { t: ft } = useTranslation('field');
  const { i18n } = useTranslation();
  const stored = field.bundle;
  const canDownload = field.online && !field.signedOut;
  return (
    <Stack gap="sm">
      {field.signedOut || !field.worker ? (
        <Alert color="orange" title={ft('signInTitle')}>
          <Stack gap="xs">
            <Text size="sm">{ft(field.signedOut && field.worker ? 'signedOutBody' : 'signInBody')}</Text>
            {field.online ? (
              <Button component="a" href={LOGIN} size="md" w="fit-content">
                {ft('signIn')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {ft('dataTitle')}
          </Title>
          {field.worker ? (
            <Text size="sm" c="dimmed">
              {ft('signedInAs', { name: field.worker.fullName })}
            </Text>
          ) : null}
          {stored ? (
            <>
              <Text size="sm" data-testid="downloaded-at">
                {ft('downloadedAt', { when: formatMoment(stored.downloadedAt, i18n.language) })}
              </Text>
              {stored.bundle.groups.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {ft('dueUntil', { date: formatDateShort(stored.bundle.dueUntil) })}
                </Text>
              ) : null}
              {field.worker && stored.username && stored.username !== field.worker.username ? (
                <Text size="sm" c="orange.9">
                  {ft('otherWorker', { name: stored.username })}
                </Text>
              ) : null}
            </>
          ) : (
            <Text size="sm">{ft('noData')}</Text>
          )}
          <Button size="lg" fullWidth onClick={() => void downloadBundle()} loading={field.downloading} disabled={!canDownload}>
            {ft('download')}
          </Button>
          {!field.online ? (
            <Text size="sm" c="dimmed">
              {ft('downloadOffline')}
            </Text>
          ) : null}
          {field.problem === 'server' && field.problemDetail ? (
            <Text size="sm" c="red.9" role="alert">
              {ft('downloadFailed', { detail: field.problemDetail })}
            </Text>
          ) : null}
          <FieldMyCard />
        </Stack>
      </Card>
      {stored?.bundle.cadreId ? <FieldFamilyList families={stored.bundle.families} /> : null}
      {stored?.bundle.health ? <FieldHealthHome health={stored.bundle.health} /> : null}
      {stored && !stored.bundle.cadreId && !stored.bundle.health && stored.bundle.groups.length === 0 ? (
        <Text c="dimmed">{ft('noGroups')}</Text>
      ) : null}
      {stored?.bundle.groups.map((group) => (
        <Card
          key={group.groupId}
          withBorder
          padding="md"
          component={Link}
          to={`/field/groups/${group.groupId}`}
          aria-label={group.name}
          style={{ minHeight: 64 }}
        >
          <Stack gap={2}>
            <Text fw={700} size="lg">
              {group.name}
            </Text>
            <Text size="sm" c="dimmed">
              {ft('groupMembers', { count: group.members.length })} · {ft('groupFinancings', { count: group.financings.length })}
            </Text>
            <Text fw={700} c="teal.9">
              {ft('groupDue', { amount: formatRupiah(group.dueNow) })}
            </Text>
          </Stack>
        </Card>
      ))}
      <Anchor href="/" size="sm" c="dimmed" ta="center" mt="md">
        {ft('officeApp')}
      </Anchor>
    </Stack>
  );
}
