import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInWords, dateTextPattern, formatDateText, readDateText } from '../../../src/core/date-text.ts';

/** What the field hands the form: the ISO date (`2026-06-12`), or '' while empty or not a date. */
export type DateFieldChange = { currentTarget: { value: string } };

export type DateFieldProps = Omit<TextInputProps, 'type' | 'value' | 'onChange' | 'min' | 'max' | 'defaultValue'> & {
  /** ISO `YYYY-MM-DD` or ''. */
  value: string;
  onChange(event: DateFieldChange): void;
  /** ISO bounds, as on a native date input: typed dates outside them are shown as an error. */
  min?: string;
  max?: string;
};

/**
 * A date typed day first (DD/MM/YYYY) in the app's language, never the browser's: a native
 * `<input type="date">` follows the browser's locale, so 12/06/2026 could read as 12 June or
 * December 6. Same props as the TextInput it replaces; `onChange` receives the ISO date as
 * `event.currentTarget.value`, so forms keep their ISO state. The date in words under the field
 * confirms what was read; an impossible date (31/02) says so.
 */
export function DateField({ value, onChange, min, max, error, description, onBlur, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const [text, setText] = useState(() => formatDateText(value));
  const [left, setLeft] = useState(false);
  // The last ISO value this field handed the form: a different value comes from outside (a reset, a NIK).
  const handed = useRef(value);
  useEffect(() => {
    if (value !== handed.current) {
      handed.current = value;
      setText(formatDateText(value));
      setLeft(false);
    }
  }, [value]);

  const read = readDateText(text);
  const shape =
    read.kind === 'impossible'
      ? t('common.dateField.impossible', { text: text.trim() })
      : (read.kind === 'unreadable' || read.kind === 'incomplete') && left
        ? t('common.dateField.unreadable', { pattern: dateTextPattern(locale) })
        : undefined;
  const range =
    read.kind === 'date' && min && read.iso < min
      ? t('common.dateField.tooEarly', { date: formatDateText(min) })
      : read.kind === 'date' && max && read.iso > max
        ? t('common.dateField.tooLate', { date: formatDateText(max) })
        : undefined;
  const words = read.kind === 'date' ? dateInWords(read.iso, locale) : undefined;

  return (
    <TextInput
      {...props}
      value={text}
      placeholder={props.placeholder ?? dateTextPattern(locale)}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      description={
        description && words ? (
          <>
            {description} · {words}
          </>
        ) : (
          (description ?? words)
        )
      }
      // A date that cannot be read first; then the form's own words (more specific) before the bare bounds.
      error={shape ?? error ?? range}
      onBlur={(event) => {
        setLeft(true);
        if (read.kind === 'date') setText(formatDateText(read.iso));
        onBlur?.(event);
      }}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        setLeft(false);
        const next = readDateText(typed);
        const iso = next.kind === 'date' ? next.iso : '';
        if (iso !== handed.current) {
          handed.current = iso;
          onChange({ currentTarget: { value: iso } });
        }
      }}
    />
  );
}
