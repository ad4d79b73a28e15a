import { Link } from 'react-router';
import { Box, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import EventOutlinedIcon from '@mui/icons-material/EventOutlined';
import PhoneOutlinedIcon from '@mui/icons-material/PhoneOutlined';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import MailOutlineIcon from '@mui/icons-material/MailOutlined';
import DirectionsWalkOutlinedIcon from '@mui/icons-material/DirectionsWalkOutlined';
import { useTranslation } from 'react-i18next';
import type { Visit, VisitKind } from '../../../../shared/schemas';
import { formatDateTime, formatDay, formatMoney } from '../../components/format';
import { isVisitEditable } from './visitFormModel';

const KIND_ICONS: Record<VisitKind, typeof EventOutlinedIcon> = {
  visit: DirectionsWalkOutlinedIcon,
  call: PhoneOutlinedIcon,
  meeting: GroupsOutlinedIcon,
  email: MailOutlineIcon,
  event: EventOutlinedIcon,
};

/** The investment log as a timeline, newest first (the caller sorts). */
export function VisitTimeline({ visits, customerId }: Readonly<{ visits: readonly Visit[]; customerId: string }>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Box component="ol" aria-label={t('visits.timeline')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {visits.map((v) => {
        const Icon = KIND_ICONS[v.kind];
        const when = formatDateTime(v.startAt, lang);
        // Drafts can still be changed; submitted contacts only opened to read.
        const editable = isVisitEditable(v);
        const action = editable ? t('common.edit') : t('visitFlow.view');
        return (
          <Box component="li" key={v.id} aria-label={`${t(`visitKind.${v.kind}`)} ${when}`} sx={{ display: 'flex', gap: 1.5, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Box sx={{ pt: 0.25 }}><Icon fontSize="small" color="primary" /></Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 600 }}>{t(`visitKind.${v.kind}`)}</Typography>
                {editable && <Chip size="small" color="warning" variant="outlined" label={t('visitStatus.draft')} />}
                <Typography variant="body2" color="text.secondary">
                  {when}
                  {v.location ? ` · ${v.location}` : ''}
                  {v.durationMinutes !== undefined ? ` · ${t('visits.minutes', { count: v.durationMinutes })}` : ''}
                  {v.cost ? ` · ${formatMoney(v.cost.amount, v.cost.currency, lang)}` : ''}
                </Typography>
              </Stack>
              {v.summary && <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>{v.summary}</Typography>}
              {(v.productsPresented?.length || v.samples?.length) ? (
                <Stack direction="row" sx={{ gap: 0.5, mt: 0.75, flexWrap: 'wrap' }}>
                  {v.productsPresented?.map((p) => <Chip key={`p-${p.name}`} size="small" label={p.name} />)}
                  {v.samples?.map((s) => <Chip key={`s-${s.product.name}`} size="small" variant="outlined" label={`${s.product.name} × ${s.quantity}`} />)}
                </Stack>
              ) : null}
              {v.concessions?.length ? (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {t('visits.concessions')}: {v.concessions.map((c) => `${t(`concessionKind.${c.kind}`)} ${c.description}`).join('; ')}
                </Typography>
              ) : null}
              {(v.nextStep || v.followUpDate) && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  <strong>{t('visits.nextStep')}:</strong> {v.nextStep ?? ''}
                  {v.followUpDate ? ` (${t('visits.followUp', { date: formatDay(v.followUpDate, lang) })})` : ''}
                </Typography>
              )}
            </Box>
            <Tooltip title={action}>
              <IconButton component={Link} to={`/customers/${customerId}/visits/${v.id}`} aria-label={`${action} ${t(`visitKind.${v.kind}`)} ${when}`} size="small">
                {editable ? <EditOutlinedIcon fontSize="small" /> : <VisibilityOutlinedIcon fontSize="small" />}
              </IconButton>
            </Tooltip>
          </Box>
        );
      })}
    </Box>
  );
}
