import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Button, Card, CardContent, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { Customer, Visit } from '../../../../shared/schemas';
import { formatDay, formatMoney } from '../../components/format';
import { useCustomerVisits } from '../visits/useVisits';
import { VisitTimeline } from '../visits/VisitTimeline';
import { assessmentSection, baseSections, isShownFor, type SectionSpec } from './customerFields';
import { useCustomer } from './useCustomers';
import { FieldList, useFilledFields } from './FieldList';
import { TierChip } from './TierChip';
import { CustomerTypeIcon } from './CustomerTypeIcon';
import { MissingCustomer } from './MissingCustomer';
import { CustomerRemindersCard } from '../reminders/CustomerRemindersCard';
import { CustomerFeedbackCard } from '../feedback/CustomerFeedbackCard';
import { CustomerQuestionsCard } from '../questions/CustomerQuestionsCard';

/** The customer file: base record, assessment and investment log, the same for every role. */
export function CustomerFilePage() {
  const { customerId } = useParams();
  const { data: customer, loading } = useCustomer(customerId);
  const visits = useCustomerVisits(customerId);
  if (loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (!customer) return <MissingCustomer />;
  return <CustomerFile customer={customer} visits={visits.data} />;
}

function CustomerFile({ customer, visits }: Readonly<{ customer: Customer; visits: readonly Visit[] }>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const costs = new Map<string, number>();
  for (const v of visits) if (v.cost) costs.set(v.cost.currency, (costs.get(v.cost.currency) ?? 0) + v.cost.amount);
  const subtitle = [customer.institution, customer.department, customer.title, customer.address?.city].filter(Boolean).join(' · ');

  return (
    <Box sx={{ p: 3 }}>
      <Button component={Link} to="/customers" startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>
        {t('customerFile.backToList')}
      </Button>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 0.5, flexWrap: 'wrap' }}>
        <CustomerTypeIcon type={customer.type} />
        <Typography variant="h1">{customer.name}</Typography>
        <Chip size="small" label={t(`customerType.${customer.type}`)} />
        <TierChip tier={customer.assessment?.tier} />
        <Typography color="text.secondary">{customer.code}</Typography>
        <Box sx={{ flex: 1 }} />
        <Button component={Link} to={`/customers/${customer.id}/edit`} startIcon={<EditOutlinedIcon />} variant="outlined">
          {t('common.edit')}
        </Button>
        <Button component={Link} to={`/customers/${customer.id}/visits/new`} startIcon={<AddIcon />} variant="contained">
          {t('customerFile.logVisit')}
        </Button>
      </Stack>
      {subtitle && <Typography color="text.secondary" sx={{ mb: 2 }}>{subtitle}</Typography>}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 5fr) minmax(0, 6fr)' }, gap: 2, alignItems: 'start', mt: 2 }}>
        <Stack spacing={2}>
          <Card component="section" aria-labelledby="block-base">
            <CardContent>
              <Typography id="block-base" variant="h2" sx={{ mb: 1.5 }}>{t('customerFile.base')}</Typography>
              <Stack spacing={2}>
                {baseSections.map((section) => (
                  <BaseSection key={section.id} customer={customer} section={section} />
                ))}
                {customer.contacts?.length ? (
                  <Box>
                    <Typography variant="subtitle2" color="primary" sx={{ mb: 0.5 }}>{t('customerFile.contacts')}</Typography>
                    {customer.contacts.map((c, i) => (
                      <Typography key={i} variant="body2">{[c.name, c.role, c.phone, c.email].filter(Boolean).join(' · ')}</Typography>
                    ))}
                  </Box>
                ) : null}
                {customer.keyDates?.length ? (
                  <Box>
                    <Typography variant="subtitle2" color="primary" sx={{ mb: 0.5 }}>{t('customerFile.keyDates')}</Typography>
                    {customer.keyDates.map((k, i) => (
                      <Typography key={i} variant="body2">
                        {t(`keyDateKind.${k.kind}`)}{k.label ? ` (${k.label})` : ''}: {k.date.length === 10 ? formatDay(k.date, lang) : k.date}
                      </Typography>
                    ))}
                  </Box>
                ) : null}
              </Stack>
            </CardContent>
          </Card>
          <Card component="section" aria-labelledby="block-assessment">
            <CardContent>
              <Typography id="block-assessment" variant="h2" sx={{ mb: 1.5 }}>{t('customerFile.assessment')}</Typography>
              <AssessmentBlock customer={customer} />
            </CardContent>
          </Card>
          <CustomerRemindersCard customer={customer} />
          <CustomerFeedbackCard customer={customer} />
          <CustomerQuestionsCard customer={customer} />
        </Stack>
        <Card component="section" aria-labelledby="block-investment">
          <CardContent>
            <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1.5, mb: 1 }}>
              <Typography id="block-investment" variant="h2">{t('customerFile.investment')}</Typography>
              <Typography variant="body2" color="text.secondary">
                {t('customerFile.visitCount', { count: visits.length })}
                {[...costs].map(([cur, sum]) => ` · ${t('customerFile.totalCost')} ${formatMoney(sum, cur, lang)}`).join('')}
              </Typography>
            </Stack>
            {visits.length === 0 ? (
              <Typography color="text.secondary" sx={{ py: 2 }}>{t('customerFile.noVisits')}</Typography>
            ) : (
              <VisitTimeline visits={visits} customerId={customer.id} />
            )}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}

/** One part of the base record; parts with nothing filled in are left out. */
function BaseSection({ customer, section }: Readonly<{ customer: Customer; section: SectionSpec }>) {
  const { t } = useTranslation();
  const rows = useFilledFields(customer, section.fields.filter((f) => isShownFor(f, customer.type) && f.path !== 'name' && f.path !== 'type'));
  if (rows.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle2" color="primary" sx={{ mb: 0.5 }}>{t(section.title)}</Typography>
      <FieldList rows={rows} />
    </Box>
  );
}

function AssessmentBlock({ customer }: Readonly<{ customer: Customer }>) {
  const { t } = useTranslation();
  const rows = useFilledFields(customer, assessmentSection.fields);
  if (rows.length === 0) return <Typography color="text.secondary">{t('customerFile.noAssessment')}</Typography>;
  return <FieldList rows={rows} />;
}
