/**
 * The readable text of a Markdown body, for the search index and result snippets: syntax,
 * link targets and HTML tags are dropped so a search never matches "https" or "strong".
 * Line structure is kept as single spaces; this is not a renderer.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1') // fenced code: keep the code text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ') // never rendered, not even their text
    .replace(/<[^>\n]*>/g, ' ') // other HTML tags (never rendered either)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '') // headings, quotes, list markers
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '') // table rule lines
    .replace(/[*_~`]+/g, '') // emphasis and code marks: 的**不良事件**报告 stays one run
    .replace(/\|/g, ' ') // table cells
    .replace(/\s+/g, ' ')
    .trim();
}
