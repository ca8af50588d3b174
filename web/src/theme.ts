import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  Modal,
  MultiSelect,
  Notification,
  PasswordInput,
  parseThemeColor,
  Select,
  type VariantColorsResolver,
} from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * WCAG AA (4.5:1 for text): Mantine's default teal (shade 6) under white button text and as link
 * colour is about 2.6:1, and its dimmed grey about 3.3:1 on white; shade 9 is 5:1 and grey 7 is 8:1.
 * e2e/aid.test.ts checks every text of the aid screens with `lowContrastTexts`.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7] ?? '#495057',
    // Placeholders are read as hints ("Pilih berkas CSV"): grey 6 is 3.3:1, so the dimmed grey.
    '--mantine-color-placeholder': theme.colors.gray[7] ?? '#495057',
    // Links stay above 4.5:1 on hovered and striped table rows too (teal 9 alone is 4.5:1 on grey 1).
    '--mantine-color-anchor': darken(theme.colors.teal[9] ?? '#087f5b', 0.15),
  },
  dark: {},
});

// White text is below 4.5:1 on these colours' darkest shade (e.g. orange 4.3:1): they fill darker.
const PALE_FILLS = ['green', 'lime', 'yellow', 'orange'];

/**
 * Light badges, buttons and alerts write in their colour's shade 9 on shade 1, which is 2.7–4.3:1
 * for yellow, orange, green and teal: their text is darkened to at least 5:1.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const darkest = parsed.isThemeColor ? input.theme.colors[parsed.color]?.[9] : undefined;
  if (!darkest) return base;
  if (input.variant === 'light') return { ...base, color: darken(darkest, 0.3) };
  if (input.variant === 'filled' && PALE_FILLS.includes(parsed.color))
    return { ...base, background: darken(darkest, 0.2), hover: darken(darkest, 0.3) };
  return base;
};

/**
 * Orange 9 (#d9480f) is the app's warning text ("Data demo", arrears) and only 4.3:1 on white: its
 * darkest shade is taken down to #b43c0b (5.9:1, 5.5:1 on grey 0), every use of it at once.
 */
const orange = DEFAULT_THEME.colors.orange.map((shade, i) => (i === 9 ? '#b43c0b' : shade)) as unknown as MantineColorsTuple;

/** The look, plus the labels Mantine gives its own buttons, in the UI language. */
export function buildTheme(t: TFunction) {
  const clearButtonProps = { 'aria-label': t('common.clear') };
  return createTheme({
    primaryColor: 'teal',
    colors: { orange },
    primaryShade: { light: 9, dark: 8 },
    variantColorResolver,
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
