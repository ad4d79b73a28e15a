import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { SESSION_KEY } from '../features/auth/storedSession';
import { getDatabase, type FieldbookDatabase } from './database';

const DatabaseContext = createContext<FieldbookDatabase | null>(null);

export function DatabaseProvider({ userId, children }: Readonly<{ userId: string; children: ReactNode }>) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ db: FieldbookDatabase | null; error: string | null }>({ db: null, error: null });

  useEffect(() => {
    let live = true;
    getDatabase(userId).then(
      (db) => live && setState({ db, error: null }),
      (e: unknown) => live && setState({ db: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [userId]);

  useEffect(() => {
    // Signed out (and wiped) in another window: this one must not keep showing the data, and
    // its open connection would hold up the deletion. Reloading lands on the sign-in page.
    const onStorage = (e: StorageEvent) => {
      if (e.key === SESSION_KEY && e.newValue === null) window.location.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  if (state.error) return <Alert severity="error" sx={{ m: 4 }}>{t('app.dbError', { message: state.error })}</Alert>;
  if (!state.db)
    return (
      <Box role="status" sx={{ display: 'flex', gap: 2, alignItems: 'center', justifyContent: 'center', height: '100vh' }}>
        <CircularProgress size={24} />
        <Typography>{t('app.loading')}</Typography>
      </Box>
    );
  return <DatabaseContext.Provider value={state.db}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): FieldbookDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseProvider');
  return db;
}
