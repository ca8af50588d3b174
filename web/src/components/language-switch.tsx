import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(value) => {
        if (value === currentLocale()) return;
        setLanguage(value === 'en' ? 'en' : 'id');
        // Server texts (errors, region paths) come in the request's language: fetch them again.
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      }}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
