import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert, Box, Button, Chip, CircularProgress, Link as MuiLink, Paper, Stack, Tab, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tabs, Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { canWorkPvQueue, PV_LIST_FILTERS, type PvListFilter, type PvQueueItem } from '../../../../shared/pharmacovigilance/api';
import { useOnline } from '../../app/useOnline';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { formatDateTime } from '../../components/format';
import { loose } from '../../i18n';
import { describeError } from '../auth/apiError';
import { patientText } from '../adverseEvents/adverseEventDetails';
import { PvStatusChip } from '../adverseEvents/SendStateChip';
import { timeAgo } from '../adverseEvents/sendState';
import { useNow } from '../adverseEvents/useAdverseEvents';
import { acknowledgePvReport, fetchPvQueue } from './pvClient';
import { PvReportDialog } from './PvReportDialog';

type Load = { state: 'loading' } | { state: 'ready'; items: PvQueueItem[] } | { state: 'error'; message: string };
/** A result, tagged with the request it answers (a newer request shows "loading", never an older answer). */
type Tagged = { key: string; load: Load };

/**
 * The pharmacovigilance queue (admins, medical affairs): every report the server has received,
 * open ones oldest first, with one-click acknowledgement. It reads the server, not this
 * computer, so it needs the network and says so when there is none.
 */
export function PharmacovigilancePage() {
  const { t } = useTranslation();
  const roles = useSessionStore((s) => s.session?.user.roles);
  if (!roles || !canWorkPvQueue(roles)) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>{t('pharmacovigilance.title')}</Typography>
        <Alert severity="info">{t('pharmacovigilance.notAllowed')}</Alert>
      </Box>
    );
  }
  return <PvQueue />;
}

function PvQueue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const online = useOnline();
  const now = useNow();
  const showToast = useToastStore((s) => s.show);
  const [filter, setFilter] = useState<PvListFilter>('received');
  const [result, setResult] = useState<Tagged>({ key: '', load: { state: 'loading' } });
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<PvQueueItem | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const key = `${filter}:${tick}:${online}`;
  const load: Load = result.key === key ? result.load : { state: 'loading' };

  useEffect(() => {
    if (!online) return;
    let live = true;
    fetchPvQueue(filter).then(
      (res) => live && setResult({ key, load: { state: 'ready', items: res.items } }),
      (e: unknown) => live && setResult({ key, load: { state: 'error', message: describeError(e) } }),
    );
    return () => {
      live = false;
    };
  }, [filter, online, key]);

  const acknowledge = async (item: PvQueueItem) => {
    setBusy(item.report.id);
    try {
      const res = await acknowledgePvReport(item.report.id);
      showToast(res.changed ? t('pharmacovigilance.acknowledged') : t('pharmacovigilance.alreadyAcknowledged'));
      reload();
    } catch (e) {
      showToast(t('pharmacovigilance.acknowledgeFailed', { message: describeError(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h1">{t('pharmacovigilance.title')}</Typography>
        {load.state === 'ready' && online && <Typography color="text.secondary">{t('pharmacovigilance.count', { count: load.items.length })}</Typography>}
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<RefreshIcon />} onClick={reload} disabled={!online}>{t('pharmacovigilance.refresh')}</Button>
      </Stack>
      <Typography color="text.secondary" sx={{ maxWidth: 860 }}>{t('pharmacovigilance.intro')}</Typography>
      <Tabs value={filter} onChange={(_, v: PvListFilter) => setFilter(v)} aria-label={t('pharmacovigilance.filter')}>
        {PV_LIST_FILTERS.map((f) => <Tab key={f} value={f} label={t(`pharmacovigilance.tab.${f}`)} />)}
      </Tabs>
      {!online ? (
        <Alert severity="warning" data-testid="pv-offline">{t('pharmacovigilance.offline')}</Alert>
      ) : load.state === 'loading' ? (
        <Box role="status" sx={{ display: 'flex', gap: 1.5, alignItems: 'center', py: 3 }}>
          <CircularProgress size={20} />
          <Typography>{t('pharmacovigilance.loading')}</Typography>
        </Box>
      ) : load.state === 'error' ? (
        <Alert severity="error" action={<Button color="inherit" size="small" onClick={reload}>{t('pharmacovigilance.retry')}</Button>}>
          {t('pharmacovigilance.loadFailed', { message: load.message })}
        </Alert>
      ) : load.items.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>{filter === 'received' ? t('pharmacovigilance.emptyOpen') : t('pharmacovigilance.empty')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('pharmacovigilance.title')}>
            <TableHead>
              <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableCell>{t('adverseEvents.receivedAt')}</TableCell>
                <TableCell>{t('adverseEvents.product')}</TableCell>
                <TableCell>{t('adverseEvents.event')}</TableCell>
                <TableCell>{t('adverseEvents.seriousness')}</TableCell>
                <TableCell>{t('pharmacovigilance.reportedBy')}</TableCell>
                <TableCell align="right">{t('pharmacovigilance.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {load.items.map((item) => {
                const r = item.report;
                const received = r.receivedAt ?? r.capturedAt;
                const serious = r.seriousness === 'serious';
                const criteria = (r.seriousnessCriteria ?? []).map((c) => t(`adverseEvents.criterion.${c}`)).join(', ');
                return (
                  <TableRow key={r.id} hover aria-label={`${r.product.name} ${r.patient.initials}`} sx={{ '& td': { verticalAlign: 'top' } }}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(received, lang)}
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {t('pharmacovigilance.captured', { ago: timeAgo(now - Date.parse(r.capturedAt), lang) ?? t('adverseEvents.justNow') })}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ minWidth: 110 }}>{r.product.name}</TableCell>
                    <TableCell sx={{ minWidth: 200 }}>
                      <MuiLink component="button" type="button" variant="body2" onClick={() => setOpen(item)} sx={{ textAlign: 'left' }} title={t('pharmacovigilance.details')}>
                        <Box component="span" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>{r.event}</Box>
                      </MuiLink>
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
                        {t('adverseEvents.patient')}: {patientText(r.patient, loose(t))}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ minWidth: 96 }}>
                      <Chip size="small" color={serious ? 'error' : 'default'} variant={serious ? 'filled' : 'outlined'} label={t(`adverseEvents.seriousnessValue.${r.seriousness}`)} />
                      {criteria && <Typography variant="caption" color="error" sx={{ display: 'block', mt: 0.5 }}>{criteria}</Typography>}
                    </TableCell>
                    <TableCell sx={{ minWidth: 110 }}>
                      {item.repName ?? r.repId}
                      {item.customerName && <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>{item.customerName}</Typography>}
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {r.pvStatus === 'acknowledged' ? (
                        <>
                          <PvStatusChip status={r.pvStatus} />
                          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
                            {[item.acknowledgedByName, r.pvAcknowledgedAt ? formatDateTime(r.pvAcknowledgedAt, lang) : null].filter(Boolean).join(' · ')}
                          </Typography>
                        </>
                      ) : (
                        <Button size="small" variant="contained" startIcon={<TaskAltIcon />} disabled={busy !== null} onClick={() => void acknowledge(item)}>
                          {t('pharmacovigilance.acknowledge')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open && <PvReportDialog item={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
