import type { Element, ElementContent, Root, RootContent } from 'hast';
import { matchRanges } from '../../../../shared/search/articleSearch';

/**
 * A rehype plugin that wraps the words matching a search query in <mark>, in the rendered
 * Markdown of an article opened from the search results. Code is left alone. The words are
 * found with the same analysis as the search, so what ranked the article is what is marked.
 */
export function rehypeMark(options: { query: string }) {
  return (tree: Root): void => {
    if (!options.query.trim()) return;
    walk(tree, options.query);
  };
}

function walk(node: Root | Element, query: string): void {
  const out: (RootContent & ElementContent)[] = [];
  let changed = false;
  for (const child of node.children) {
    if (child.type === 'element') {
      if (child.tagName !== 'code' && child.tagName !== 'pre') walk(child, query);
      out.push(child);
    } else if (child.type === 'text') {
      const ranges = matchRanges(child.value, query);
      if (ranges.length === 0) {
        out.push(child);
        continue;
      }
      changed = true;
      let at = 0;
      for (const [s, e] of ranges) {
        if (s > at) out.push({ type: 'text', value: child.value.slice(at, s) });
        out.push({ type: 'element', tagName: 'mark', properties: {}, children: [{ type: 'text', value: child.value.slice(s, e) }] });
        at = e;
      }
      if (at < child.value.length) out.push({ type: 'text', value: child.value.slice(at) });
    } else {
      out.push(child as RootContent & ElementContent);
    }
  }
  if (changed) node.children = out;
}
