import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button } from '@mui/material';

export function MissingCustomer() {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 4 }}>
      <Alert severity="warning" action={<Button component={Link} to="/customers">{t('customerFile.backToList')}</Button>}>
        {t('customerFile.missing')}
      </Alert>
    </Box>
  );
}
