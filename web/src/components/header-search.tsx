import { Badge, Group, Loader, Popover, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type SearchResult, searchQuery } from '../api/search.ts';
import { GroupedDigits } from '../pages/registry/shared.tsx';

type Hit = { key: string; to: string; title: React.ReactNode; detail?: React.ReactNode; badge?: string };
type Section = { label: string; hits: Hit[] };

type Translate = (key: string, values?: Record<string, string>) => string;

function sectionsOf(result: SearchResult, t: Translate): Section[] {
  return [
    {
      label: t('headerSearch.persons'),
      hits: result.persons.map((p) => ({
        key: p.id,
        to: `/persons/${p.id}`,
        title: p.fullName,
        detail: (
          <>
            <GroupedDigits value={p.nik} />
            {p.villageName ? ` · ${p.villageName}` : ''}
          </>
        ),
        badge: p.cadreId ? t('headerSearch.cadre') : undefined,
      })),
    },
    {
      label: t('headerSearch.households'),
      hits: result.households.map((h) => ({
        key: h.id,
        to: `/households/${h.id}`,
        title: t('headerSearch.householdOf', { kk: h.kkNumber, head: h.headName ?? '—' }),
        detail: h.villageName,
      })),
    },
    {
      label: t('headerSearch.financings'),
      hits: result.financings.map((f) => ({
        key: f.id,
        to: `/financings/${f.id}`,
        title: f.number,
        detail: `${f.personName} · ${t(`financing.statuses.${f.status}`)}`,
      })),
    },
    {
      label: t('headerSearch.groups'),
      hits: result.groups.map((g) => ({ key: g.id, to: `/groups/${g.id}`, title: g.name, detail: g.regionCode })),
    },
  ].filter((section) => section.hits.length > 0);
}

/**
 * The search box in the header: a person by NIK, KK or name, a financing by number, a group;
 * Enter opens the first match. The server answers within the user's role and regions.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [opened, { open, close }] = useDisclosure(false);
  const result = useQuery(searchQuery(debounced));
  const translate: Translate = (key, values) => String(t(key as 'headerSearch.label', values));
  const sections = result.data && debounced.length >= 2 ? sectionsOf(result.data, translate) : [];
  const first = sections[0]?.hits[0];
  const go = (to: string) => {
    close();
    setText('');
    void navigate(to);
  };

  return (
    <Popover
      opened={opened && text.trim().length > 0}
      position="bottom-start"
      width="target"
      withinPortal
      shadow="md"
      trapFocus={false}
      // A search box, not a combobox: the results are links reached with Tab (a textbox may not carry aria-expanded).
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          aria-label={t('headerSearch.label')}
          placeholder={t('headerSearch.placeholder')}
          value={text}
          size="sm"
          miw={0}
          style={{ flex: 1, maxWidth: 420 }}
          rightSection={result.isFetching ? <Loader size={14} /> : null}
          data-testid="header-search"
          onChange={(event) => {
            setText(event.currentTarget.value);
            open();
          }}
          onFocus={open}
          onBlur={() => setTimeout(close, 150)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
            if (event.key === 'Enter' && first) {
              event.preventDefault();
              go(first.to);
            }
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4} miw={280}>
        <ScrollArea.Autosize mah={420} type="auto">
          {text.trim().length < 2 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('headerSearch.tooShort')}
            </Text>
          ) : result.isError ? (
            <Text size="sm" c="red.9" p="xs" role="alert">
              {result.error.message}
            </Text>
          ) : result.data && !result.isPlaceholderData && sections.length === 0 && debounced === text.trim() ? (
            <Text size="sm" c="dimmed" p="xs" data-testid="header-search-nothing">
              {t('headerSearch.nothing')}
            </Text>
          ) : (
            <Stack gap={2} data-testid="header-search-results">
              {sections.map((section) => (
                <Stack key={section.label} gap={0}>
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt={6}>
                    {section.label}
                  </Text>
                  {section.hits.map((hit) => (
                    <UnstyledButton
                      key={hit.key}
                      px="xs"
                      py={6}
                      style={{ borderRadius: 6 }}
                      className="header-search-hit"
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => go(hit.to)}
                    >
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <Stack gap={0} miw={0}>
                          <Text size="sm" fw={600} truncate>
                            {hit.title}
                          </Text>
                          {hit.detail && (
                            <Text size="xs" c="dimmed" truncate component="div">
                              {hit.detail}
                            </Text>
                          )}
                        </Stack>
                        {hit.badge && (
                          <Badge size="sm" variant="light" color="grape" style={{ textTransform: 'none', flexShrink: 0 }}>
                            {hit.badge}
                          </Badge>
                        )}
                      </Group>
                    </UnstyledButton>
                  ))}
                </Stack>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
