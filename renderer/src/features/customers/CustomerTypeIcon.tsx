import LocalHospitalOutlinedIcon from '@mui/icons-material/LocalHospitalOutlined';
import PersonOutlineIcon from '@mui/icons-material/PersonOutlined';
import LocalPharmacyOutlinedIcon from '@mui/icons-material/LocalPharmacyOutlined';
import LocalShippingOutlinedIcon from '@mui/icons-material/LocalShippingOutlined';
import type { CustomerType } from '../../../../shared/schemas';

const ICONS = {
  hcp: PersonOutlineIcon,
  hco: LocalHospitalOutlinedIcon,
  pharmacy: LocalPharmacyOutlinedIcon,
  distributor: LocalShippingOutlinedIcon,
} as const;

export function CustomerTypeIcon({ type }: Readonly<{ type: CustomerType }>) {
  const Icon = ICONS[type];
  return <Icon fontSize="small" color="action" />;
}
