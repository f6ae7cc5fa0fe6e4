/**
 * Orders strings by UTF-16 code units, as SQLite's BINARY collation does: the same order
 * on every machine and locale, unlike `localeCompare`. For ids, slugs and ISO dates.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
