import { createTheme, Modal, MultiSelect, Notification, PasswordInput, Select } from '@mantine/core';
import type { TFunction } from 'i18next';

/** The look, plus the labels Mantine gives its own buttons, in the UI language. */
export function buildTheme(t: TFunction) {
  const clearButtonProps = { 'aria-label': t('common.clear') };
  return createTheme({
    primaryColor: 'teal',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    defaultRadius: 'md',
    components: {
      PasswordInput: PasswordInput.extend({
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } },
      }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
      Select: Select.extend({ defaultProps: { clearButtonProps } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps } }),
    },
  });
}
