import { Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of the pages shown before signing in: name, language switch, content. */
export function PublicFrame({ children, size = 420 }: { children: React.ReactNode; size?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Group gap={8}>
          <Text fw={800} size="xl" c="teal.9">
            {t('app.name')}
          </Text>
          <Text size="sm" c="dimmed" visibleFrom="xs">
            {t('app.tagline')}
          </Text>
        </Group>
        <LanguageSwitch size="sm" />
      </Group>
      <Container size={size} px="md" pb="xl" pt="md">
        {children}
      </Container>
    </Box>
  );
}
