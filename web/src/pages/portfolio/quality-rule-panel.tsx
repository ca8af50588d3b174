import { Badge, Button, Center, Group, Loader, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type QualityRuleName, qualityRuleQuery, useSetQualityRule } from '../../api/portfolio.ts';
import { ErrorAlert, FormError, fieldError } from '../../components/error-alert.tsx';
import { useToast } from '../../components/toast.tsx';

// A record so that a rule added on the server is a compile error here.
const RULE_ORDER: Record<QualityRuleName, number> = { bank: 0, lkm: 1 };
const RULES = (Object.keys(RULE_ORDER) as QualityRuleName[]).sort((a, b) => RULE_ORDER[a] - RULE_ORDER[b]);

/** The admin's choice of quality-class rule (kolektibilitas): the bank rule or the LKM rule. */
export function QualityRulePanel() {
  const { t } = useTranslation();
  const current = useQuery(qualityRuleQuery);
  return (
    <Paper withBorder radius="md" p="md" data-testid="quality-rule">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('portfolio.qualityRule.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portfolio.qualityRule.intro')}
        </Text>
        {current.isPending ? (
          <Center py="sm">
            <Loader color="teal" size="sm" aria-label={t('app.loading')} />
          </Center>
        ) : current.isError ? (
          <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <QualityRuleForm rule={current.data.rule} defaultRule={current.data.defaultRule} />
        )}
      </Stack>
    </Paper>
  );
}

function QualityRuleForm({ rule, defaultRule }: { rule: QualityRuleName; defaultRule: QualityRuleName }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [choice, setChoice] = useState<QualityRuleName>(rule);
  const save = useSetQualityRule();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(choice, {
          onSuccess: (saved) => toast.success(t('portfolio.qualityRule.saved', { rule: t(`portfolio.qualityRule.names.${saved.rule}`) })),
        });
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          value={choice}
          onChange={(value) => setChoice(value as QualityRuleName)}
          label={t('portfolio.qualityRule.label')}
          error={fieldError(save.error, 'rule')}
        >
          <Stack gap="xs" mt={6}>
            {RULES.map((name) => (
              <Radio
                key={name}
                value={name}
                data-testid={`quality-rule-${name}`}
                label={
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={500} span>
                      {t(`portfolio.qualityRule.names.${name}`)}
                    </Text>
                    {name === defaultRule && (
                      <Badge size="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {t('portfolio.qualityRule.default')}
                      </Badge>
                    )}
                    {name === rule && (
                      <Badge size="sm" variant="light" color="teal" style={{ textTransform: 'none' }} data-testid="quality-rule-current">
                        {t('portfolio.qualityRule.current')}
                      </Badge>
                    )}
                  </Group>
                }
                description={t(`portfolio.qualityRule.thresholds.${name}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <FormError error={save.error} fields={['rule']} />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={choice === rule}>
            {t('portfolio.qualityRule.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
