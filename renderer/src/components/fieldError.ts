import type { TFunction } from 'i18next';
import type { FieldError } from '../../../shared/validation/validateDocument';

/** The message shown under a field for a validation error, in the UI language. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  // Params vary by code ({max}, {min,max}); the typed overloads can't express that union.
  const translate = t as unknown as (key: string, params: Record<string, string | number>) => string;
  return translate(`validation.${error.code}`, error.params ?? {});
}
