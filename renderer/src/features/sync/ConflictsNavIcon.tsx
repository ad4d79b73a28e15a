import { Badge } from '@mui/material';
import CallMergeOutlinedIcon from '@mui/icons-material/CallMergeOutlined';
import { useOpenConflictCount } from './useConflicts';

/**
 * The conflicts entry's icon, with the number of open conflicts as a badge. With none open there
 * is no badge at all (MUI only shrinks a zero badge away, keeping the last number in the DOM).
 */
export function ConflictsNavIcon() {
  const count = useOpenConflictCount();
  if (count === 0) return <CallMergeOutlinedIcon />;
  return (
    <Badge badgeContent={count} color="error" max={99} data-testid="open-conflicts">
      <CallMergeOutlinedIcon />
    </Badge>
  );
}
