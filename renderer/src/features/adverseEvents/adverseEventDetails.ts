import type { AdverseEvent } from '../../../../shared/schemas';
import type { LooseT } from '../../i18n';

/** One-line texts of a report's structured parts, in the UI language (list rows, the detail page, the queue). */
export function patientText(p: AdverseEvent['patient'], t: LooseT): string {
  return [p.initials, p.ageYears !== undefined ? t('adverseEvents.ageYears', { count: p.ageYears }) : null, t(`adverseEvents.sexValue.${p.sex}`)]
    .filter(Boolean)
    .join(' · ');
}

export function reporterText(r: AdverseEvent['reporter']): string {
  return [r.name, r.role, r.contact].filter(Boolean).join(' · ');
}

export function seriousnessText(report: Pick<AdverseEvent, 'seriousness' | 'seriousnessCriteria'>, t: LooseT): string {
  const base = t(`adverseEvents.seriousnessValue.${report.seriousness}`);
  const criteria = (report.seriousnessCriteria ?? []).map((c) => t(`adverseEvents.criterion.${c}`));
  return criteria.length > 0 ? `${base} (${criteria.join(', ')})` : base;
}
