/**
 * Parses what a person types as a number: "12,500.50", "12 500", full-width "１２５００".
 * Returns undefined for an empty string and NaN for text that is not a number.
 */
export function parseUserNumber(text: string): number | undefined {
  const folded = text.normalize('NFKC').replace(/[\s,_]/g, '');
  if (folded === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(folded)) return Number.NaN;
  return Number(folded);
}
