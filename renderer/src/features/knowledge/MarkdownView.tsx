import { useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Box, Link as MuiLink, Typography } from '@mui/material';
import { rehypeMark } from './rehypeMark';
import { safeUrl } from './safeUrl';


interface Props {
  source: string;
  /** Words of this search query are marked. */
  highlight?: string;
  onOpenLink?: (url: string) => void;
}

/**
 * Renders article Markdown safely. Raw HTML in the source is dropped (`skipHtml`, and no
 * rehype-raw), so `<script>` or `onerror=` never reach the page; link targets other than https
 * and mailto are removed, so `javascript:` links are inert. Images are not loaded (the app works
 * offline and must not call out): their description is shown instead. Links open through
 * `onOpenLink` (the platform's allow-listed external opener), never inside the app window.
 */
export function MarkdownView({ source, highlight = '', onOpenLink }: Readonly<Props>) {
  const components = useMemo<Components>(
    () => ({
      // The article title is the page's h1: Markdown headings sit below it.
      h1: ({ children }) => <Typography component="h2" variant="h2" sx={{ mt: 2.5, mb: 1 }}>{children}</Typography>,
      h2: ({ children }) => <Typography component="h3" variant="h3" sx={{ mt: 2, mb: 1 }}>{children}</Typography>,
      h3: ({ children }) => <Typography component="h4" variant="subtitle1" sx={{ fontWeight: 600, mt: 1.5, mb: 0.5 }}>{children}</Typography>,
      h4: ({ children }) => <Typography component="h5" variant="subtitle2" sx={{ mt: 1.5, mb: 0.5 }}>{children}</Typography>,
      h5: ({ children }) => <Typography component="h6" variant="subtitle2">{children}</Typography>,
      h6: ({ children }) => <Typography component="h6" variant="subtitle2">{children}</Typography>,
      p: ({ children }) => <Typography variant="body1" sx={{ my: 1, lineHeight: 1.75 }}>{children}</Typography>,
      a: ({ href, children }) =>
        href ? (
          <MuiLink
            href={href}
            rel="noreferrer noopener"
            onClick={(e) => {
              e.preventDefault();
              onOpenLink?.(href);
            }}
          >
            {children}
          </MuiLink>
        ) : (
          <span>{children}</span>
        ),
      img: ({ alt }) => (alt ? <Box component="span" sx={{ fontStyle: 'italic', color: 'text.secondary' }}>[{alt}]</Box> : null),
      mark: ({ children }) => (
        <Box component="mark" sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25 }}>{children}</Box>
      ),
    }),
    [onOpenLink],
  );
  const rehypePlugins = useMemo(() => [[rehypeMark, { query: highlight }] as [typeof rehypeMark, { query: string }]], [highlight]);
  return (
    <Box
      className="markdown-body"
      sx={{
        '& ul, & ol': { pl: 3, my: 1 },
        '& li': { my: 0.5, lineHeight: 1.7 },
        '& table': { borderCollapse: 'collapse', my: 1.5, fontSize: '0.875rem' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1.25, py: 0.75, textAlign: 'left', verticalAlign: 'top' },
        '& th': { bgcolor: 'action.hover', fontWeight: 600 },
        '& code': { fontFamily: 'ui-monospace, monospace', fontSize: '0.85em', bgcolor: 'action.hover', px: 0.5, borderRadius: 0.5 },
        '& pre': { bgcolor: 'action.hover', p: 1.5, borderRadius: 1, overflow: 'auto' },
        '& pre code': { bgcolor: 'transparent', p: 0 },
        '& blockquote': { borderLeft: 4, borderColor: 'divider', m: 0, my: 1, pl: 2, color: 'text.secondary' },
        '& hr': { border: 0, borderTop: 1, borderColor: 'divider', my: 2 },
      }}
    >
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} skipHtml urlTransform={safeUrl} components={components}>
        {source}
      </Markdown>
    </Box>
  );
}
