import { Alert, Anchor, Badge, Button, Code, FileInput, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasMessage, translate } from '../../../../src/core/messages.ts';
import { api } from '../../api/client.ts';
import { exportUrl, type ImportResult, useInvalidateRegistry } from '../../api/registry.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RegionSelect } from '../../components/region-picker.tsx';
import { DownloadIcon, FileIcon } from '../../components/registry-icons.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { currentLocale } from '../../i18n/index.ts';

const HEADER = 'no_kk,nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,hubungan_keluarga,alamat,rt,rw,kode_desa,desil';
const SAMPLE = [
  HEADER,
  '3204110101260001,3204110505850001,Dadan Hermawan,L,Bandung,05-05-1985,KEPALA KELUARGA,Kp. Cibodas,001,002,32.04.11.2001,3',
  '3204110101260001,3204114707880001,Rina Marlina,P,Bandung,07-07-1988,ISTRI,Kp. Cibodas,001,002,32.04.11.2001,3',
  '3204110101260001,3204111203150001,Rizky Hermawan,L,Bandung,12-03-2015,ANAK,Kp. Cibodas,001,002,32.04.11.2001,3',
].join('\r\n');
const SAMPLE_URL = `data:text/csv;charset=utf-8,${encodeURIComponent(`${SAMPLE}\r\n`)}`;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FIRST_PROBLEMS = 100;

const contentTypeOf = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX_TYPE : /\.(csv|txt)$/i.test(file.name) ? 'text/csv' : null);

function send(file: File, options: { dryRun: boolean; skipInvalid: boolean }) {
  const path = `/api/v1/households/import?dryRun=${options.dryRun}&skipInvalid=${options.skipInvalid}`;
  return api.upload<ImportResult>(path, file, contentTypeOf(file) ?? 'text/csv');
}

/** Upload → the server checks every row (nothing saved) → the problems per row → confirm. */
export function ImportPage() {
  const { t } = useTranslation();
  const invalidate = useInvalidateRegistry();
  const [file, setFile] = useState<File | null>(null);
  const [wrongType, setWrongType] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The preview skips invalid rows, so it counts what "import the valid rows" would save.
  const preview = useMutation({ mutationFn: (chosen: File) => send(chosen, { dryRun: true, skipInvalid: true }) });
  const commit = useMutation({
    mutationFn: (skipInvalid: boolean) => send(file as File, { dryRun: false, skipInvalid }),
    onSuccess: async () => {
      setConfirming(false);
      await invalidate();
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    preview.reset();
    commit.reset();
    setWrongType(Boolean(chosen && !contentTypeOf(chosen)));
    if (chosen && contentTypeOf(chosen)) preview.mutate(chosen);
  };

  const result = preview.data;
  const done = commit.data?.committed ? commit.data : null;

  return (
    <Stack gap="lg">
      <PageHeader title={t('importer.title')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Text size="sm">{t('importer.intro')}</Text>
          <Text size="sm" c="dimmed">
            {t('importer.columns')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {HEADER}
          </Code>
          <Group gap="xs">
            <Anchor href={SAMPLE_URL} download="contoh-impor-keluarga.csv" size="sm">
              {t('importer.template')}
            </Anchor>
          </Group>
          <FileInput
            label={t('importer.file')}
            placeholder={t('importer.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={choose}
            clearable
            leftSection={<FileIcon size={16} />}
            error={wrongType ? t('importer.wrongType') : undefined}
            disabled={preview.isPending || commit.isPending}
            data-testid="import-file"
          />
        </Stack>
      </Paper>

      {preview.isPending && (
        <Group gap="xs">
          <Loader size="sm" color="teal" />
          <Text size="sm">{t('importer.checking')}</Text>
        </Group>
      )}
      {preview.isError && <ErrorAlert error={preview.error} onRetry={() => file && preview.mutate(file)} />}

      {done ? (
        <Alert
          color="teal"
          variant="light"
          title={t('importer.done', { households: done.importedHouseholds, persons: done.importedPersons })}
        >
          <Group gap="sm" mt="xs">
            <Button component={Link} to="/persons" size="xs">
              {t('persons.title')}
            </Button>
            <Button variant="default" size="xs" onClick={() => choose(null)}>
              {t('importer.another')}
            </Button>
          </Group>
        </Alert>
      ) : (
        result && (
          <Preview
            result={result}
            onImport={() => setConfirming(true)}
            error={commit.isError && !confirming ? commit.error : null}
            onAnother={() => choose(null)}
          />
        )
      )}

      {result && confirming && (
        <ConfirmModal
          opened
          title={t('importer.confirmTitle')}
          body={t('importer.confirmBody', {
            households: result.importedHouseholds,
            persons: result.importedPersons,
            rejected: result.rejectedRows,
          })}
          confirmLabel={t('importer.confirmTitle')}
          loading={commit.isPending}
          error={commit.error}
          onConfirm={() => commit.mutate(result.rejectedRows > 0)}
          onClose={() => setConfirming(false)}
        />
      )}

      <ExportPanel />
    </Stack>
  );
}

function Preview({ result, onImport, error, onAnother }: { result: ImportResult; onImport(): void; error: unknown; onAnother(): void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [all, setAll] = useState(false);
  // Each problem from its code in the UI's language: the server's text keeps the language of the upload.
  const locale = currentLocale();
  const problems = (all ? result.problems : result.problems.slice(0, FIRST_PROBLEMS)).map((problem) => ({
    ...problem,
    reason: hasMessage(problem.code) ? translate(problem.code, locale, problem.params) : problem.reason,
  }));
  const rejected = result.rejectedRows > 0;
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Title order={3} size="h4">
        {t('importer.previewTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('importer.households')} value={result.importedHouseholds} color="teal" />
        <Stat label={t('importer.persons')} value={result.importedPersons} color="teal" />
        <Stat label={t('importer.rejected')} value={result.rejectedRows} color={rejected ? 'red' : 'gray'} />
        <Stat label={t('importer.unchanged')} value={result.unchangedPersons} color="gray" />
      </SimpleGrid>

      {result.problems.length === 0 ? (
        <Alert color="teal" variant="light">
          {t('importer.noProblems')}
        </Alert>
      ) : (
        <>
          <Group gap="xs">
            <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
              {t('importer.problems', { count: result.problems.length })}
            </Badge>
          </Group>
          {isPhone ? (
            <Stack gap={6} data-testid="import-problems">
              {problems.map((problem) => (
                <Paper key={`${problem.line}-${problem.column}-${problem.code}`} withBorder radius="sm" p="xs" data-testid="import-problem">
                  <Text size="xs" c="dimmed">
                    {t('importer.line')} {problem.line} · {problem.column}
                  </Text>
                  <Text size="sm">{problem.reason}</Text>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={560} mah={480}>
              <Table striped verticalSpacing={4} stickyHeader data-testid="import-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('importer.line')}</Table.Th>
                    <Table.Th w={180}>{t('importer.column')}</Table.Th>
                    <Table.Th>{t('importer.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((problem) => (
                    <Table.Tr key={`${problem.line}-${problem.column}-${problem.code}`} data-testid="import-problem">
                      <Table.Td>{problem.line}</Table.Td>
                      <Table.Td>
                        <Code>{problem.column}</Code>
                      </Table.Td>
                      <Table.Td>{problem.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {!all && result.problems.length > FIRST_PROBLEMS && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                {t('importer.showAll', { count: result.problems.length })}
              </Button>
            </Group>
          )}
        </>
      )}

      {error ? <ErrorAlert error={error} /> : null}
      {result.importedHouseholds === 0 ? (
        <Alert color="gray" variant="light">
          {t('importer.nothingToImport')}
        </Alert>
      ) : rejected ? (
        <Alert color="orange" variant="light">
          {t('importer.allOrNothing')}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onAnother}>
          {t('importer.another')}
        </Button>
        {result.importedHouseholds > 0 && (
          <Button color={rejected ? 'orange' : undefined} onClick={onImport}>
            {rejected
              ? t('importer.importValid', { count: result.rejectedRows })
              : t('importer.importAll', { count: result.importedHouseholds })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={value > 0 ? color : 'dimmed'}>
        {value.toLocaleString('id-ID')}
      </Text>
    </Paper>
  );
}

function ExportPanel() {
  const { t } = useTranslation();
  const [village, setVillage] = useState<string | null>(null);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('importer.exportTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('importer.exportIntro')}
        </Text>
        <RegionSelect
          label={t('registry.village')}
          level={4}
          placeholder={t('persons.allVillages')}
          value={village}
          onChange={setVillage}
        />
        <Group gap="sm">
          <Button component="a" href={exportUrl('csv', village)} download variant="light" leftSection={<DownloadIcon size={16} />}>
            {t('importer.exportCsv')}
          </Button>
          <Button component="a" href={exportUrl('xlsx', village)} download variant="light" leftSection={<DownloadIcon size={16} />}>
            {t('importer.exportXlsx')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
