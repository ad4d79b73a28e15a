import { Box } from '@mui/material';
import { highlightParts, type HighlightPart } from '../../../shared/search/customerSearch';

/**
 * Text with the parts matching the search query marked. `highlighter` says what matches
 * (default: the customer search's substring and folding rules).
 */
export function Highlight({ text, query, highlighter = highlightParts }: Readonly<{ text: string; query: string; highlighter?: (text: string, query: string) => HighlightPart[] }>) {
  if (!query.trim()) return <>{text}</>;
  return <MarkedParts parts={highlighter(text, query)} />;
}

/** Parts of a text, the matched ones marked. */
export function MarkedParts({ parts }: Readonly<{ parts: readonly HighlightPart[] }>) {
  return (
    <>
      {parts.map((part, i) =>
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
