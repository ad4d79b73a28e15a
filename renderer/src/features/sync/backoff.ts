/**
 * Delay before reconnect attempt `attempt` (0 = first retry): exponential from `baseMs`,
 * capped at `maxMs`, with "full jitter" in the upper half so that many laptops coming back
 * online at once do not reconnect in step.
 */
export function backoffDelay(attempt: number, { baseMs = 1_000, maxMs = 30_000, random = Math.random } = {}): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
