import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VitalFlags } from '../../../../src/modules/health/encounters.rules.ts';

const COLOR = { low: 'orange', hypothermia: 'orange', normal: 'teal', high: 'red', fever: 'red', crisis: 'red' } as const;
const BMI_COLOR = { severely_thin: 'red', thin: 'orange', normal: 'teal', overweight: 'orange', obese: 'red' } as const;

/** The flags of a set of vital signs as badges: high blood pressure, fever, high glucose, BMI and its category. */
export function FlagBadges({ flags }: { flags: VitalFlags }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} data-testid="vital-flags">
      {flags.bloodPressure && (
        <Badge color={COLOR[flags.bloodPressure]} variant="light" style={{ textTransform: 'none' }}>
          {t(`healthEncounters.flags.bloodPressure.${flags.bloodPressure}`)}
        </Badge>
      )}
      {flags.temperature && (
        <Badge color={COLOR[flags.temperature]} variant="light" style={{ textTransform: 'none' }}>
          {t(`healthEncounters.flags.temperature.${flags.temperature}`)}
        </Badge>
      )}
      {flags.glucose && (
        <Badge color={COLOR[flags.glucose]} variant="light" style={{ textTransform: 'none' }}>
          {t(`healthEncounters.flags.glucose.${flags.glucose}`)}
        </Badge>
      )}
      {flags.bmi && (
        <Badge color={flags.bmi.category ? BMI_COLOR[flags.bmi.category] : 'gray'} variant="light" style={{ textTransform: 'none' }}>
          {t('healthEncounters.bmi')} {i18n.language === 'en' ? flags.bmi.value : flags.bmi.value.replace('.', ',')}
          {flags.bmi.category ? ` · ${t(`healthEncounters.flags.bmi.${flags.bmi.category}`)}` : ''}
        </Badge>
      )}
    </Group>
  );
}
