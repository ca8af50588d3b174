import { Group, Title } from '@mantine/core';

export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" gap="sm" wrap="wrap">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children}
    </Group>
  );
}
