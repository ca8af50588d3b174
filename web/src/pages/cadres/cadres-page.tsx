import { Anchor, Button, Card, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type CadreSettings, cadreSettingsQuery, cadresQuery, canManageCadres, useInvalidateCadres } from '../../api/cadres.ts';
import { api } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon, SettingsIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { ListStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { useFormatDate } from '../registry/shared.tsx';
import { CadreRecruitModal } from './cadre-recruit-modal.tsx';
import { CollectionRulesModal } from './collection-rules-modal.tsx';
import { CadreStatusBadge } from './shared.tsx';

export function CadresPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const formatDate = useFormatDate();
  const cadres = useQuery(cadresQuery);
  const rows = cadres.data ?? [];
  const [settings, setSettings] = useState(false);
  const [recruiting, setRecruiting] = useState(false);
  const [rules, setRules] = useState(false);

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
      <ListStates query={cadres} count={rows.length} empty={canManageCadres(me.role) ? t('cadres.emptyRecruit') : t('cadres.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="cadres-list">
            {rows.map((cadre) => (
              <Card key={cadre.id} withBorder radius="md" padding="sm" data-testid="cadre-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Anchor component={Link} to={`/cadres/${cadre.id}`} fw={600} miw={0}>
                    {cadre.name}
                  </Anchor>
                  <CadreStatusBadge status={cadre.status} />
                </Group>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {cadre.letterNumber} · {t('cadres.validUntil')} {formatDate(cadre.validUntil)}
                </Text>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="cadres-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cadres.name')}</Table.Th>
                  <Table.Th>{t('cadres.status')}</Table.Th>
                  <Table.Th>{t('cadres.letterNumber')}</Table.Th>
                  <Table.Th>{t('cadres.validUntil')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((cadre) => (
                  <Table.Tr key={cadre.id} data-testid="cadre-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/cadres/${cadre.id}`} fw={500} size="sm">
                        {cadre.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <CadreStatusBadge status={cadre.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{cadre.letterNumber}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(cadre.validUntil)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
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

function SettingsModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const settings = useQuery(cadreSettingsQuery);
  return (
    <Modal opened onClose={onClose} title={t('cadres.settingsTitle')} centered>
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} onClose={onClose} />
      )}
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
