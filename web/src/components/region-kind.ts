import { useTranslation } from 'react-i18next';
import type { RegionItem } from '../api/types.ts';

/** "Kabupaten", "Kota", "Desa"…: the region's own kind, else its level. */
export function useKindLabel() {
  const { t } = useTranslation();
  return (region: Pick<RegionItem, 'kind' | 'levelName'>) =>
    t(`regions.kinds.${region.kind}` as 'regions.kinds.desa', { defaultValue: t(`regions.levels.${region.levelName}`) });
}
