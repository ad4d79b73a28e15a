/** Link targets an article may have: https and mailto only (no javascript:, data:, file: or relative URLs). */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return /^(https:|mailto:)/i.test(trimmed) ? trimmed : '';
}
