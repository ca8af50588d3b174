import { TextInput } from '@mantine/core';
import { formatRupiah } from '../../../src/core/format.ts';
import { rupiahOf } from '../../../src/core/input.ts';

/** Whole rupiah: the value is a digit string (never a float); shown with thousands dots ("1.250.000"). */
export function RupiahInput({
  value,
  onChange,
  ...props
}: {
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  name?: string;
  value: string;
  onChange(digits: string): void;
}) {
  const shown = value ? formatRupiah(value).replace(/^Rp/, '') : '';
  return (
    <TextInput
      {...props}
      value={shown}
      onChange={(event) =>
        onChange(
          event.currentTarget.value
            .replace(/\D/g, '')
            .replace(/^0+(?=\d)/, '')
            .slice(0, 15),
        )
      }
      leftSection="Rp"
      inputMode="numeric"
      autoComplete="off"
    />
  );
}

/** Whole rupiah of digit strings, added and subtracted exactly. */
export const rupiahMinus = (a: string, b: string) => ((rupiahOf(a) ?? 0n) - (rupiahOf(b) ?? 0n)).toString();
export const rupiahSum = (values: string[]) => values.reduce((sum, v) => sum + (rupiahOf(v) ?? 0n), 0n).toString();
export { formatRupiah };
