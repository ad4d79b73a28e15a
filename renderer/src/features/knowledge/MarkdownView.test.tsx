import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownView } from './MarkdownView';
import { safeUrl } from './safeUrl';

/** The rendered markup without the style tags emotion inserts next to styled elements. */
const html = (source: string, highlight?: string) =>
  renderToStaticMarkup(<MarkdownView source={source} {...(highlight ? { highlight } : {})} />).replace(/<style[^>]*>[^<]*<\/style>/g, '');

describe('MarkdownView renders Markdown safely', () => {
  it('renders the usual Markdown: headings below the page title, emphasis, lists, tables', () => {
    const out = html('# 剂量\n\n**每日一次**，*随餐*。\n\n- 起始 2.5 mg\n- 最大 10 mg\n\n| eGFR | Dose |\n|---|---|\n| <30 | 15 mg |');
    expect(out).toContain('<h2');
    expect(out).toContain('<strong>每日一次</strong>');
    expect(out).toContain('<em>随餐</em>');
    expect(out).toMatch(/<li>起始 2.5 mg<\/li>/);
    expect(out).toContain('<table>');
    expect(out).toContain('<td>15 mg</td>');
  });
  it('drops <script> and any raw HTML, inline or as a block', () => {
    const out = html('Before\n\n<script>alert("x")</script>\n\nInline <script>alert(2)</script> text <b onclick="alert(3)">bold</b>');
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<b[ >]/i);
    expect(out).not.toMatch(/onclick/i);
    // A block of HTML disappears whole; between inline tags only harmless text remains.
    expect(out).not.toContain('alert(&quot;x&quot;)');
    expect(out).toContain('Before');
    expect(out).toContain('Inline alert(2) text bold');
  });
  it('drops onerror= image handlers and never loads images', () => {
    const out = html('<img src=x onerror="alert(1)">\n\n![chart](https://evil.example/x.png "t")');
    expect(out).not.toMatch(/onerror/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).toContain('[chart]');
  });
  it('makes javascript:, data: and relative links inert; keeps https and mailto', () => {
    const out = html('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,<script>x</script>) [d](/local) [e](https://support.fieldbook.app/kb) [f](mailto:med@example.com)');
    expect(out).not.toMatch(/javascript:/i);
    expect(out).not.toMatch(/data:/i);
    expect(out).not.toContain('href="/local"');
    expect(out).toContain('href="https://support.fieldbook.app/kb"');
    expect(out).toContain('href="mailto:med@example.com"');
    expect(out).toContain('<span>a</span>');
  });
  it('autolinks are filtered too', () => {
    expect(html('<javascript:alert(1)>')).not.toMatch(/href="javascript/i);
  });
  it('marks the words of a search query, not inside code', () => {
    const out = html('患者出现**不良反应**时上报。`不良反应代码`', '不良反应');
    expect(out).toMatch(/<strong><mark[^>]*>不良反应<\/mark><\/strong>/);
    expect(out).toContain('<code>不良反应代码</code>');
  });
  it('safeUrl', () => {
    expect(safeUrl(' https://x.org ')).toBe('https://x.org');
    expect(safeUrl('http://x.org')).toBe('');
    expect(safeUrl('vbscript:x')).toBe('');
  });
});
