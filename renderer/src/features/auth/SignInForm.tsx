import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, IconButton, InputAdornment, Stack, TextField } from '@mui/material';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { loose } from '../../i18n';
import type { SignInField, SignInMessage, SignInValues } from './signInFormModel';

export interface SignInFormProps {
  initial: SignInValues;
  /** The user name is fixed when signing in again to the same local data. */
  lockUserName?: boolean;
  busy: boolean;
  errors: Partial<Record<SignInField, SignInMessage>>;
  failure: SignInMessage | null;
  onSubmit(values: SignInValues): void;
}

/** Server address, user name and password; errors come from the caller. */
export function SignInForm({ initial, lockUserName = false, busy, errors, failure, onSubmit }: Readonly<SignInFormProps>) {
  const { t } = useTranslation();
  const tx = loose(t);
  const [values, setValues] = useState(initial);
  const [showPassword, setShowPassword] = useState(false);
  const set = (field: SignInField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const help = (field: SignInField): string | undefined => {
    const e = errors[field];
    return e ? tx(`auth.${e.key}`, e.params) : undefined;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(values);
  };

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={t('auth.title')}>
      {failure && <Alert severity="error" role="alert">{tx(`auth.${failure.key}`, failure.params)}</Alert>}
      <TextField
        label={t('auth.userName')}
        value={values.userName}
        onChange={set('userName')}
        autoComplete="username"
        autoFocus={!lockUserName}
        disabled={lockUserName}
        error={Boolean(errors.userName)}
        helperText={help('userName')}
        slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
      />
      <TextField
        label={t('auth.password')}
        type={showPassword ? 'text' : 'password'}
        value={values.password}
        onChange={set('password')}
        autoComplete="current-password"
        autoFocus={lockUserName}
        error={Boolean(errors.password)}
        helperText={help('password')}
        slotProps={{
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  aria-label={showPassword ? t('auth.hidePassword') : t('auth.showPassword')}
                  onClick={() => setShowPassword((s) => !s)}
                  edge="end"
                  size="small"
                >
                  {showPassword ? <VisibilityOffOutlinedIcon fontSize="small" /> : <VisibilityOutlinedIcon fontSize="small" />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      <TextField
        label={t('auth.server')}
        value={values.serverUrl}
        onChange={set('serverUrl')}
        error={Boolean(errors.serverUrl)}
        helperText={help('serverUrl') ?? t('auth.serverHelp')}
        slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false, inputMode: 'url' } }}
      />
      <Button type="submit" variant="contained" size="large" disabled={busy}>
        {busy ? t('auth.signingIn') : t('auth.signIn')}
      </Button>
    </Stack>
  );
}
