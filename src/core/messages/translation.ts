/**
 * Another language's texts for the same keys as the Indonesian resource. i18next picks `key_one`
 * for a `count` of 1 in English and falls back to `key` (the `other` form) for the rest; Indonesian
 * has only that one form, so the Indonesian resource has no suffixed keys.
 */
export type Translation<T> = { [K in keyof T]: string } & Partial<Record<`${keyof T & string}_one`, string>>;
