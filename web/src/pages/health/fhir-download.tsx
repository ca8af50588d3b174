import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types.ts';
import { useSignedIn } from '../../auth/session.ts';
import { DownloadIcon } from '../../components/registry-icons.tsx';

/** Who reads clinical records: CLINICAL_READERS of src/modules/health/health.roles.ts (the server checks it again). */
const CLINICAL_READERS: readonly Role[] = ['health_worker', 'admin'];

/** The person's health record as an HL7 FHIR R4 file for SATUSEHAT or another clinic; only for those who may read it. */
export function FhirDownload({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  if (!CLINICAL_READERS.includes(me.role)) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="fhir-download">
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2} miw={0}>
          <Title order={3} size="h5">
            {t('healthProfile.fhir.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('healthProfile.fhir.hint')}
          </Text>
        </Stack>
        <Button
          component="a"
          href={`/api/v1/persons/${encodeURIComponent(personId)}/fhir`}
          download={`fhir-${personId}.json`}
          variant="light"
          size="xs"
          leftSection={<DownloadIcon size={14} />}
        >
          {t('healthProfile.fhir.download')}
        </Button>
      </Group>
    </Paper>
  );
}
