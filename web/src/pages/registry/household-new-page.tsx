import { Alert, Button, Checkbox, Divider, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../../api/client.ts';
import { type HouseholdView, useInvalidateRegistry } from '../../api/registry.ts';
import { useSignedIn } from '../../auth/session.ts';
import { FormError, fieldError } from '../../components/error-alert.tsx';
import { PlusIcon } from '../../components/icons.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { useToast } from '../../components/toast.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { emptyMember, type MEMBER_FIELDS, type MemberDraft, MemberFields, memberBody, missingMemberFields } from './member-fields.tsx';
import { canChangeRegistry, scrollToFirstError } from './shared.tsx';

const CARDS = ['kks', 'kis', 'kip', 'pkh'] as const;
type Card = (typeof CARDS)[number];
const HOUSEHOLD_FIELDS = ['kkNumber', 'villageCode', 'address', 'rt', 'rw', 'phone', 'welfareDecile', 'cards', 'members'];

/** Digits only, at most `max` (RT/RW, KK number). */
const digitsOf = (raw: string, max: number) => raw.replace(/\s+/g, '').slice(0, max);

export function HouseholdNewPage() {
  const me = useSignedIn();
  if (!canChangeRegistry(me.role)) return <NotFoundPage />;
  return <HouseholdForm />;
}

function HouseholdForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const invalidate = useInvalidateRegistry();
  const [kkNumber, setKkNumber] = useState('');
  const [villageCode, setVillageCode] = useState<string | null>(null);
  const [address, setAddress] = useState('');
  const [rt, setRt] = useState('');
  const [rw, setRw] = useState('');
  const [phone, setPhone] = useState('');
  const [decile, setDecile] = useState<string | null>(null);
  const [cards, setCards] = useState<Card[]>([]);
  const [members, setMembers] = useState<MemberDraft[]>(() => [emptyMember('head')]);
  const [checked, setChecked] = useState(false);

  const save = useMutation({
    mutationFn: () =>
      api.post<HouseholdView>('/api/v1/households', {
        kkNumber: kkNumber.trim(),
        villageCode: villageCode ?? '',
        address: address.trim(),
        rt: rt.trim() || undefined,
        rw: rw.trim() || undefined,
        phone: phone.trim() || undefined,
        welfareDecile: decile ? Number(decile) : null,
        cards: Object.fromEntries(CARDS.map((card) => [card, cards.includes(card)])),
        members: members.map(memberBody),
      }),
    onSuccess: async (household) => {
      await invalidate();
      toast.success(t('household.registered', { kk: household.kkNumber }));
      void navigate(`/households/${household.id}`);
    },
    onError: scrollToFirstError,
  });

  const kkDigits = kkNumber.trim();
  const local = {
    kkNumber: !kkDigits ? t('common.required') : /^\d{16}$/.test(kkDigits) ? undefined : t('household.kkSixteen'),
    villageCode: villageCode ? undefined : t('household.villageRequired'),
  };
  const missing = members.map(missingMemberFields);
  const heads = members.filter((member) => member.relation === 'head').length;
  const localOk = !local.kkNumber && !local.villageCode && heads === 1 && missing.every((fields) => fields.length === 0);
  const show = (message: string | undefined) => (checked ? message : undefined);
  const serverError = (field: string) => fieldError(save.error, field);
  const memberError = (index: number, field: (typeof MEMBER_FIELDS)[number]) =>
    (checked && missing[index]?.includes(field) ? t('common.required') : undefined) ?? serverError(`members.${index}.${field}`);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (localOk) save.mutate();
    else scrollToFirstError();
  };

  // A problem of the members as a whole (e.g. not exactly one head), not of one field.
  const membersError = save.error instanceof ApiError ? save.error.fieldErrors.find((e) => e.field === 'members')?.message : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={880}>
        <PageHeader title={t('household.newTitle')}>
          <Button component={Link} to="/households/import" variant="default">
            {t('household.orImport')}
          </Button>
        </PageHeader>
        <Text size="sm" c="dimmed">
          {t('household.newIntro')}
        </Text>

        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Stack gap="sm">
            <Divider label={<SectionLabel text={t('household.kkSection')} />} labelPosition="left" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('registry.kkNumber')}
                description={t('household.kkHint', { count: kkDigits.length })}
                required
                value={kkNumber}
                onChange={(event) => setKkNumber(digitsOf(event.currentTarget.value, 24))}
                error={show(local.kkNumber) ?? serverError('kkNumber')}
                inputMode="numeric"
                autoComplete="off"
                name="kkNumber"
                styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              />
              <RegionSelect
                label={t('registry.village')}
                description={t('household.villageHint')}
                required
                level={4}
                placeholder={t('household.villagePlaceholder')}
                value={villageCode}
                onChange={setVillageCode}
                error={show(local.villageCode) ?? serverError('villageCode')}
                data-testid="household-village"
              />
            </SimpleGrid>
            <Textarea
              label={t('registry.address')}
              placeholder={t('household.addressPlaceholder')}
              value={address}
              onChange={(event) => setAddress(event.currentTarget.value)}
              error={serverError('address')}
              autosize
              minRows={1}
              maxLength={300}
              name="address"
            />
            <TextInput
              label={t('registry.phone')}
              description={t('household.phoneHint')}
              value={phone}
              onChange={(event) => setPhone(event.currentTarget.value)}
              error={serverError('phone')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              maw={{ base: '100%', sm: 320 }}
              name="phone"
              data-testid="household-phone"
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <TextInput
                label={t('registry.rt')}
                value={rt}
                onChange={(event) => setRt(digitsOf(event.currentTarget.value, 3))}
                error={serverError('rt')}
                inputMode="numeric"
                name="rt"
              />
              <TextInput
                label={t('registry.rw')}
                value={rw}
                onChange={(event) => setRw(digitsOf(event.currentTarget.value, 3))}
                error={serverError('rw')}
                inputMode="numeric"
                name="rw"
              />
              <Select
                label={t('registry.decile')}
                description={t('household.decileHint')}
                placeholder={t('household.decileUnknown')}
                data={Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: t('registry.decileN', { n: i + 1 }) }))}
                value={decile}
                onChange={setDecile}
                error={serverError('welfareDecile')}
                clearable
                style={{ gridColumn: 'span 2' }}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('registry.cards')}
              description={t('household.cardsHint')}
              value={cards}
              onChange={(value) => setCards(value as Card[])}
              error={serverError('cards')}
            >
              <Group gap="lg" mt={6}>
                {CARDS.map((card) => (
                  <Checkbox key={card} value={card} label={t(`registry.cardNames.${card}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </Paper>

        <Divider label={<SectionLabel text={t('household.membersSection', { count: members.length })} />} labelPosition="left" />
        {((heads !== 1 && checked) || membersError) && (
          <Alert color="orange" variant="light" role="alert">
            {heads !== 1 ? t('household.oneHead', { count: heads }) : membersError}
          </Alert>
        )}
        {members.map((member, index) => (
          <MemberFields
            key={member.key}
            value={member}
            onChange={(next) => setMembers((all) => all.map((m) => (m.key === member.key ? next : m)))}
            errorOf={(field) => memberError(index, field)}
            title={index === 0 ? t('household.memberHead') : t('household.memberN', { n: index + 1 })}
            onRemove={members.length > 1 ? () => setMembers((all) => all.filter((m) => m.key !== member.key)) : undefined}
            removeLabel={t('household.removeMember', { n: index + 1 })}
            testId={`member-${index}`}
          />
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<PlusIcon size={16} />}
            onClick={() => setMembers((all) => [...all, emptyMember(all.some((m) => m.relation === 'head') ? null : 'head')])}
            disabled={members.length >= 30}
          >
            {t('household.addMemberRow')}
          </Button>
        </Group>

        <FormError error={save.error} fields={HOUSEHOLD_FIELDS} />
        {checked && !localOk && (
          <Text size="sm" c="red.9" role="alert">
            {t('household.checkMarked')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/persons">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('household.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const SectionLabel = ({ text }: { text: string }) => (
  <Text size="sm" fw={700} c="teal.9">
    {text}
  </Text>
);
