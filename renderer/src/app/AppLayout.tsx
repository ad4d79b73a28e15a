import { Outlet, NavLink, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  AppBar, Box, Drawer, List, ListItemButton, ListItemIcon, ListItemText, Snackbar, Toolbar, Typography,
} from '@mui/material';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import { useGlobalShortcuts } from './useShortcuts';
import { useToastStore } from './toastStore';
import { AccountMenu } from '../features/auth/AccountMenu';
import { SessionEndedBanner } from '../features/auth/SessionEndedBanner';
import { SessionEndedDialog } from '../features/auth/SessionEndedDialog';
import { SyncStatus } from '../features/sync/SyncStatus';
import { ConflictsNavIcon } from '../features/sync/ConflictsNavIcon';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import HealthAndSafetyOutlinedIcon from '@mui/icons-material/HealthAndSafetyOutlined';
import { canWorkPvQueue } from '../../../shared/pharmacovigilance/api';
import { ReportAdverseEventButton } from '../features/adverseEvents/ReportAdverseEventButton';
import { OverdueReportsBanner, UnsentReportsChip } from '../features/adverseEvents/UnsentReports';
import { useSessionStore } from './sessionStore';
import { TodayNavIcon } from '../features/reminders/TodayNavIcon';
import { ReminderNotifier } from '../features/reminders/ReminderNotifier';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { canUseTeamWorkspace } from '../features/team/teamMembers';
import MenuBookOutlinedIcon from '@mui/icons-material/MenuBookOutlined';
import MedicationOutlinedIcon from '@mui/icons-material/MedicationOutlined';
import { isAnswerer } from '../../../shared/sync/questionAccess';
import { QuestionsNavIcon } from '../features/questions/QuestionsNavIcon';
import { InboxNavIcon } from '../features/questions/InboxNavIcon';
import { AnswerNotifier } from '../features/questions/AnswerNotifier';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';

const DRAWER_WIDTH = 216;

/** The app frame: navigation holds only what is built. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const toast = useToastStore();
  useGlobalShortcuts();
  const roles = useSessionStore((s) => s.session?.user.roles);

  const nav = [
    { to: '/today', label: t('today.nav'), icon: <TodayNavIcon /> },
    { to: '/customers', label: t('nav.customers'), icon: <PeopleAltOutlinedIcon /> },
    { to: '/feedback', label: t('feedback.nav'), icon: <RateReviewOutlinedIcon /> },
    { to: '/knowledge', label: t('knowledge.nav'), icon: <MenuBookOutlinedIcon /> },
    { to: '/products', label: t('catalog.nav'), icon: <MedicationOutlinedIcon /> },
    { to: '/questions', label: t('questions.navMine'), icon: <QuestionsNavIcon /> },
    ...(isAnswerer({ roles: roles ?? [] }) ? [{ to: '/inbox', label: t('questions.navInbox'), icon: <InboxNavIcon /> }] : []),
    ...(canWorkPvQueue(roles ?? []) ? [{ to: '/pharmacovigilance', label: t('pharmacovigilance.nav'), icon: <HealthAndSafetyOutlinedIcon /> }] : []),
    ...(canUseTeamWorkspace(roles ?? []) ? [{ to: '/team', label: t('team.nav'), icon: <GroupsOutlinedIcon /> }] : []),
    ...((roles ?? []).includes('admin') ? [{ to: '/admin/import', label: t('adminImport.nav'), icon: <UploadFileOutlinedIcon /> }] : []),
    { to: '/conflicts', label: t('conflicts.nav'), icon: <ConflictsNavIcon /> },
    { to: '/settings', label: t('nav.settings'), icon: <SettingsOutlinedIcon /> },
  ];

  return (
    <Box sx={{ display: 'flex', height: '100vh' }}>
      <AppBar position="fixed" color="inherit" elevation={0} sx={{ zIndex: (th) => th.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ fontWeight: 700, color: 'primary.main', letterSpacing: 0.2 }}>
            {t('app.name')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <ReportAdverseEventButton />
          <UnsentReportsChip />
          <SyncStatus />
          <AccountMenu />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar variant="dense" />
        <Box component="nav" aria-label={t('nav.main')}>
          <List dense>
            {nav.map((item) => (
              <ListItemButton
                key={item.to}
                component={NavLink}
                to={item.to}
                selected={location.pathname.startsWith(item.to)}
                aria-current={location.pathname.startsWith(item.to) ? 'page' : undefined}
                sx={{ mx: 1, borderRadius: 1 }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" id="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', height: '100vh' }}>
        <Toolbar variant="dense" />
        <SessionEndedBanner />
        <OverdueReportsBanner />
        <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <Outlet />
        </Box>
      </Box>
      <SessionEndedDialog />
      <ReminderNotifier />
      <AnswerNotifier />
      <Snackbar
        key={toast.key}
        open={toast.message !== null}
        message={toast.message}
        autoHideDuration={3000}
        onClose={toast.clear}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </Box>
  );
}
