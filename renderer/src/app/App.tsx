import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router';
import { CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { useUiStore } from './uiStore';
import { useSessionStore } from './sessionStore';
import { buildTheme } from './theme';
import { createAppRouter } from './router';
import { DatabaseProvider } from '../db/DatabaseContext';
import { i18n } from '../i18n';
import { SignInPage } from '../features/auth/SignInPage';
import { SyncRunner } from '../features/sync/SyncRunner';

export function App() {
  const themeMode = useUiStore((s) => s.themeMode);
  const language = useUiStore((s) => s.language);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const mode = themeMode === 'system' ? (prefersDark ? 'dark' : 'light') : themeMode;
  const theme = useMemo(() => buildTheme(mode), [mode]);
  const userId = useSessionStore((s) => s.session?.user.id ?? null);
  const [router] = useState(createAppRouter);

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? i18n.language;
  }, [language]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {userId === null ? (
        <SignInPage />
      ) : (
        <DatabaseProvider key={userId} userId={userId}>
          <SyncRunner />
          <RouterProvider router={router} />
        </DatabaseProvider>
      )}
    </ThemeProvider>
  );
}
