import { Box } from '@mui/material';
import { highlightParts } from '../../../shared/search/customerSearch';

/** Text with the parts matching the search query marked. */
export function Highlight({ text, query }: Readonly<{ text: string; query: string }>) {
  if (!query.trim()) return <>{text}</>;
  return (
    <>
      {highlightParts(text, query).map((part, i) =>
        part.match ? (
          <Box component="mark" key={i} sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25 }}>
            {part.text}
          </Box>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
