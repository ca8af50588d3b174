import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOURS: Record<string, string> = { active: 'teal', suspended: 'orange', revoked: 'red' };

export function CadreStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status] ?? 'gray'} style={{ textTransform: 'none' }} data-testid="cadre-status">
      {t(`cadres.statuses.${status as 'active'}`)}
    </Badge>
  );
}
