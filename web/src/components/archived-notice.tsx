import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Says which months of a report's range are archived (jaring partitions archive), so a short report is not taken as complete. */
export function ArchivedMonthsNotice({ months }: { months: readonly string[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!months || months.length === 0) return null;
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const names = months.map((month) => format.format(new Date(`${month}-01T00:00:00Z`))).join(', ');
  return (
    <Alert color="orange" variant="light" role="status" data-testid="archived-months">
      {t('archive.notice', { months: names })}
    </Alert>
  );
}
