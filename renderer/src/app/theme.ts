import { createTheme, type Theme } from '@mui/material/styles';

/** Calm, dense, professional: a tool used all day, in both languages. */
export function buildTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#0b6e8a' : '#5cc6e3' },
      secondary: { main: mode === 'light' ? '#7a4fb4' : '#c7a6f2' },
      background: mode === 'light' ? { default: '#f5f7f9', paper: '#ffffff' } : { default: '#0f1418', paper: '#172026' },
    },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: [
        'system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"PingFang SC"', '"Microsoft YaHei"',
        '"Noto Sans CJK SC"', '"Noto Sans SC"', 'sans-serif',
      ].join(','),
      h1: { fontSize: '1.6rem', fontWeight: 600 },
      h2: { fontSize: '1.25rem', fontWeight: 600 },
      h3: { fontSize: '1.05rem', fontWeight: 600 },
      // Sentence-case buttons: capitals shout in English and mean nothing in Chinese.
      button: { textTransform: 'none', fontWeight: 600 },
    },
    components: {
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiPaper: { defaultProps: { elevation: 0 }, styleOverrides: { root: { backgroundImage: 'none' } } },
      MuiCard: { defaultProps: { variant: 'outlined' } },
    },
  });
}
