import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatRupiah } from '../../components/rupiah-input.tsx';
import { QueryStates } from '../../components/states.tsx';
import { useToast } from '../../components/toast.tsx';
import { canManagePartnerships, type PartnerView, useInvalidatePartnerships } from './partnership-api.ts';

/** One partner: kind, pillar, contacts (editable by managers) and the resources it brings to each partnership. */
export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const partner = useQuery({
    queryKey: ['partnerships', 'partner', id],
    queryFn: () => api.get<PartnerView>(`/api/v1/partners/${encodeURIComponent(id)}`),
  });
  return <QueryStates query={partner}>{(view) => <Partner view={view} />}</QueryStates>;
}

function Partner({ view }: { view: PartnerView }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  return (
    <Stack gap="md">
      <PageHeader title={view.name} />
      <Group gap={6}>
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {t(`partnerships.kinds.${view.kind}`)}
        </Badge>
        <Badge variant="outline" style={{ textTransform: 'none' }}>
          {view.widerElement ? t(`partnerships.elements.${view.widerElement}`) : t(`partnerships.pillars.${view.pillar}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {view.officeCode}
        </Badge>
      </Group>
      {canManagePartnerships(me.role) ? (
        <Contacts view={view} />
      ) : (
        <Text size="sm">{[view.contactName, view.contactPhone, view.contactEmail, view.address].filter(Boolean).join(' · ') || '—'}</Text>
      )}
      <Paper withBorder radius="md" p="sm" data-testid="partner-resources">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('partnerships.sections.resources')}</Text>
          <Text fw={700}>{formatRupiah(view.moneyTotal)}</Text>
        </Group>
        {view.resources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('partnerships.noneYet')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={300}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {view.resources.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/partnerships/${r.partnershipId}`} size="sm">
                        {r.partnershipTitle}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {t(`partnerships.resources.${r.kind}`)}: {r.description}
                    </Table.Td>
                    <Table.Td ta="right">{r.amount !== null ? formatRupiah(r.amount) : (r.quantity ?? '')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function Contacts({ view }: { view: PartnerView }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invalidate = useInvalidatePartnerships();
  const initial = {
    contactName: view.contactName,
    contactPhone: view.contactPhone,
    contactEmail: view.contactEmail,
    address: view.address,
  };
  const [form, setForm] = useState(initial);
  useEffect(
    () =>
      setForm({ contactName: view.contactName, contactPhone: view.contactPhone, contactEmail: view.contactEmail, address: view.address }),
    [view],
  );
  const save = useMutation({
    mutationFn: () => api.patch<PartnerView>(`/api/v1/partners/${view.id}`, form),
    onSuccess: async () => {
      await invalidate();
      toast.success(t('partnerships.saved'));
    },
  });
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((old) => ({ ...old, [key]: value }));
    },
    error: fieldError(save.error, key),
  });
  return (
    <Paper withBorder radius="md" p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label={t('partnerships.fields.contactName')} {...field('contactName')} />
        <TextInput label={t('partnerships.fields.contactPhone')} {...field('contactPhone')} />
        <TextInput label={t('partnerships.fields.contactEmail')} {...field('contactEmail')} />
        <TextInput label={t('partnerships.fields.address')} {...field('address')} />
      </SimpleGrid>
      <FormError error={save.error} fields={['contactName', 'contactPhone', 'contactEmail', 'address']} />
      <Group justify="flex-end" mt="xs">
        <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
          {t('partnerships.save')}
        </Button>
      </Group>
    </Paper>
  );
}
