import 'i18next';
import type { en } from './en';

// Typed keys: t('customers.titel') fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
