import { ActionIcon, Badge, Button, Card, Group, Menu, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useOffices } from '../api/queries.ts';
import type { OfficeView } from '../api/types.ts';
import { useSignedIn } from '../auth/session.ts';
import { ConfirmModal } from '../components/confirm-modal.tsx';
import { FormError, fieldError } from '../components/error-alert.tsx';
import { DotsIcon, PlusIcon } from '../components/icons.tsx';
import {
  emptyOffice,
  missingOfficeFields,
  OFFICE_FIELDS,
  type OfficeDraft,
  OfficeFields,
  officeBody,
} from '../components/office-fields.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { ListStates } from '../components/states.tsx';
import { useToast } from '../components/toast.tsx';
import { useIsPhone } from '../components/use-is-phone.ts';
import { canAdminister } from '../nav.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; office: OfficeView } | { kind: 'active'; office: OfficeView };

export function OfficesPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const editable = canAdminister(me.role);
  const isPhone = useIsPhone();
  const [showInactive, setShowInactive] = useState(false);
  const offices = useOffices(showInactive);
  const rows = offices.data ?? [];
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const actionsOf = (office: OfficeView) =>
    editable ? (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`${t('common.actions')}: ${office.code}`}>
            <DotsIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog({ kind: 'edit', office })}>{t('common.edit')}</Menu.Item>
          <Menu.Item color={office.active ? 'red' : undefined} onClick={() => setDialog({ kind: 'active', office })}>
            {office.active ? t('offices.deactivate') : t('offices.reactivate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ) : null;

  return (
    <Stack gap="md">
      <PageHeader title={t('offices.title')}>
        <Group gap="md">
          <Switch
            label={t('offices.showInactive')}
            checked={showInactive}
            onChange={(event) => setShowInactive(event.currentTarget.checked)}
          />
          {editable && (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setDialog({ kind: 'create' })}>
              {t('offices.add')}
            </Button>
          )}
        </Group>
      </PageHeader>

      <ListStates query={offices} count={rows.length} empty={t('offices.empty')}>
        {isPhone ? (
          <Stack gap="sm" data-testid="offices-list">
            {rows.map((office) => (
              <Card key={office.id} withBorder radius="md" padding="sm" data-testid="office-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Group gap={6}>
                      <Text fw={700} ff="monospace">
                        {office.code}
                      </Text>
                      <KindBadge office={office} />
                      {!office.active && <InactiveBadge />}
                    </Group>
                    <Text fw={500}>{office.name}</Text>
                    <Text size="sm" c="dimmed">
                      {office.regionName ?? office.regionCode}
                    </Text>
                  </Stack>
                  {actionsOf(office)}
                </Group>
                <Group gap={4} mt="xs">
                  <CoveredRegions office={office} />
                </Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="offices-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('offices.code')}</Table.Th>
                  <Table.Th>{t('offices.name')}</Table.Th>
                  <Table.Th>{t('offices.kind')}</Table.Th>
                  <Table.Th>{t('offices.homeRegion')}</Table.Th>
                  <Table.Th>{t('offices.coveredRegions')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {editable && <Table.Th w={60} aria-label={t('common.actions')} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((office) => (
                  <Table.Tr key={office.id} data-testid="office-row">
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace">
                        {office.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{office.name}</Text>
                      {office.address && (
                        <Text size="xs" c="dimmed">
                          {office.address}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <KindBadge office={office} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{office.regionName ?? office.regionCode}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <CoveredRegions office={office} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{office.active ? <Text size="sm">{t('common.active')}</Text> : <InactiveBadge />}</Table.Td>
                    {editable && <Table.Td>{actionsOf(office)}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>

      {dialog?.kind === 'create' && <OfficeFormModal office={null} onClose={close} />}
      {dialog?.kind === 'edit' && <OfficeFormModal key={dialog.office.id} office={dialog.office} onClose={close} />}
      {dialog?.kind === 'active' && <ActiveModal office={dialog.office} onClose={close} />}
    </Stack>
  );
}

function KindBadge({ office }: { office: OfficeView }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={office.kind === 'head' ? 'grape' : office.kind === 'branch' ? 'teal' : 'blue'}
      style={{ textTransform: 'none' }}
    >
      {t(`offices.kinds.${office.kind}`)}
    </Badge>
  );
}

function InactiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
      {t('common.inactive')}
    </Badge>
  );
}

function CoveredRegions({ office }: { office: OfficeView }) {
  return office.regions.map((region) => (
    <Badge key={region.code} variant="default" title={region.code} style={{ textTransform: 'none' }}>
      {region.name}
    </Badge>
  ));
}

function useInvalidateOffices() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['offices'] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    // Users show their offices' names, and the signed-in user's offices may have changed.
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['me'] });
  };
}

const draftOf = (office: OfficeView): OfficeDraft => ({
  code: office.code,
  name: office.name,
  kind: office.kind,
  regionCode: office.regionCode,
  address: office.address ?? '',
  coveredRegionCodes: office.regions.map((region) => region.code),
});

function OfficeFormModal({ office, onClose }: { office: OfficeView | null; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateOffices();
  const creating = office === null;
  const [draft, setDraft] = useState<OfficeDraft>(() => (office ? draftOf(office) : emptyOffice()));
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      office
        ? api.patch<OfficeView>(`/api/v1/offices/${office.id}`, { ...officeBody(draft), address: draft.address.trim() || null })
        : api.post<OfficeView>('/api/v1/offices', { code: draft.code.trim(), ...officeBody(draft) }),
    onSuccess: (saved) => {
      invalidate();
      toast.success(t(creating ? 'offices.created' : 'offices.updated', { code: saved.code }));
      onClose();
    },
  });
  const missing = missingOfficeFields(draft);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(missing).length === 0) save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={office ? t('offices.editTitle', { code: office.code }) : t('offices.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} fields={[...OFFICE_FIELDS]} />
          <OfficeFields
            value={draft}
            onChange={setDraft}
            codeEditable={creating}
            errorOf={(field) => (checked && missing[field] ? t('common.required') : undefined) ?? fieldError(save.error, field)}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? t('common.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ActiveModal({ office, onClose }: { office: OfficeView; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidateOffices();
  const deactivating = office.active;
  const change = useMutation({
    mutationFn: () => api.patch<OfficeView>(`/api/v1/offices/${office.id}`, { active: !deactivating }),
    onSuccess: () => {
      invalidate();
      toast.success(t(deactivating ? 'offices.deactivated' : 'offices.reactivated', { code: office.code }));
      onClose();
    },
  });
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t(deactivating ? 'offices.deactivateTitle' : 'offices.reactivateTitle', { code: office.code })}
      body={t(deactivating ? 'offices.deactivateBody' : 'offices.reactivateBody')}
      confirmLabel={deactivating ? t('offices.deactivate') : t('offices.reactivate')}
      danger={deactivating}
      loading={change.isPending}
      error={change.error}
      onConfirm={() => change.mutate()}
    />
  );
}
