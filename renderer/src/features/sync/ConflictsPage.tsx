import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import TaskAltOutlinedIcon from '@mui/icons-material/TaskAltOutlined';
import type { Conflict } from '../../../../shared/schemas';
import type { Actor } from '../../../../shared/sync/actor';
import { nowIso } from '../../../../shared/util/time';
import { useToastStore } from '../../app/toastStore';
import { formatDateTime } from '../../components/format';
import { useDatabase } from '../../db/DatabaseContext';
import { loose, type LooseT } from '../../i18n';
import { changedSinceKept, planApply, splitConflicts, targetKey, type ApplyPlan } from './conflictActions';
import { authorName, describeTarget, fieldLabel, formatStoredValue, formatValue, type Fmt } from './conflictDisplay';
import { applyConflict, dismissConflict } from './conflictRepository';
import { ConflictCard, type ConflictCardView } from './ConflictCard';
import { ResolvedConflicts, type ResolvedConflictView } from './ResolvedConflicts';
import { useActor, useConflictContext, useConflicts, type ConflictContext } from './useConflicts';

/** Why "Use this value" is not offered, in words. */
function blockedText(plan: Extract<ApplyPlan<object>, { ok: false }>, t: LooseT): string {
  if (plan.reason === 'missing') return t('conflicts.missing');
  if (plan.reason === 'refused') return t('conflicts.refused', { reason: t(`conflicts.refusedReason.${plan.refusal}`) });
  return t('conflicts.invalid');
}

function openView(c: Conflict, ctx: ConflictContext, actor: Actor, f: Fmt): ConflictCardView {
  const target = ctx.targets.get(targetKey(c.targetCollection, c.documentId)) as object | undefined;
  const plan = planApply(c, target ?? null, actor, nowIso());
  const changed = changedSinceKept(target ?? null, c);
  const by = authorName(c.otherBy, actor.userId, ctx.colleagues, f.t);
  return {
    id: c.id,
    target: describeTarget(c, target, ctx.customers, f),
    field: fieldLabel(c.targetCollection, c.field, f.t),
    kept: formatStoredValue(c.targetCollection, c.field, c.keptValue, f),
    other: formatStoredValue(c.targetCollection, c.field, c.otherValue, f),
    otherBy: f.t('conflicts.by', { name: by, at: formatDateTime(c.otherAt ?? c.createdAt, f.language) }),
    ...(changed ? { now: formatValue(c.targetCollection, c.field, changed.value, f) } : {}),
    ...(plan.ok ? {} : { blocked: blockedText(plan, f.t) }),
  };
}

function resolvedView(c: Conflict, ctx: ConflictContext, f: Fmt): ResolvedConflictView {
  const target = ctx.targets.get(targetKey(c.targetCollection, c.documentId));
  const status = c.status === 'applied' ? 'applied' : 'dismissed';
  return {
    id: c.id,
    target: describeTarget(c, target, ctx.customers, f),
    field: fieldLabel(c.targetCollection, c.field, f.t),
    status,
    value: formatStoredValue(c.targetCollection, c.field, status === 'applied' ? c.otherValue : c.keptValue, f),
    resolvedAt: formatDateTime(c.resolvedAt ?? c.updatedAt, f.language),
  };
}

/**
 * "Nothing is ever lost": every value that lost a same-field conflict in sync, with one click to
 * use it instead of the kept one, or to keep the current value.
 */
export function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const actor = useActor();
  const showToast = useToastStore((s) => s.show);
  const all = useConflicts();
  const ctx = useConflictContext(all.data);
  const [busy, setBusy] = useState<string | null>(null);
  const f: Fmt = useMemo(() => ({ t: loose(t), language: i18n.language }), [t, i18n.language]);
  const { open, resolved } = useMemo(() => splitConflicts(all.data), [all.data]);

  const run = async (id: string, action: () => Promise<string>) => {
    setBusy(id);
    try {
      showToast(await action());
    } catch (e) {
      showToast(t('conflicts.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };
  const use = (c: Conflict) =>
    run(c.id, async () => {
      const refused = await applyConflict(db, c, actor, nowIso());
      return refused ? blockedText(refused, f.t) : t('conflicts.applied');
    });
  const keep = (c: Conflict) =>
    run(c.id, async () => {
      await dismissConflict(db, c, actor.userId, nowIso());
      return t('conflicts.dismissed');
    });

  return (
    <Box sx={{ p: 3, maxWidth: 1040 }}>
      <Typography variant="h1" sx={{ mb: 1 }}>{t('conflicts.title')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: 760 }}>{t('conflicts.intro')}</Typography>
      {all.loading || !ctx ? (
        <CircularProgress size={24} />
      ) : (
        <>
          {open.length === 0 ? (
            <Paper variant="outlined" sx={{ p: 3, display: 'flex', gap: 1.5, alignItems: 'center' }}>
              <TaskAltOutlinedIcon color="success" />
              <Typography>{t('conflicts.empty')}</Typography>
            </Paper>
          ) : (
            <Stack component="section" aria-label={t('conflicts.openList')} spacing={2}>
              {open.map((c) => (
                <ConflictCard key={c.id} view={openView(c, ctx, actor, f)} busy={busy !== null} onUse={() => void use(c)} onKeep={() => void keep(c)} />
              ))}
            </Stack>
          )}
          {resolved.length > 0 && <ResolvedConflicts items={resolved.map((c) => resolvedView(c, ctx, f))} />}
        </>
      )}
    </Box>
  );
}
