/**
 * Phone numbers in editors' texts (MDX) become `tel:` links showing the number, as the site's own sentences do
 * (src/views/tel.ts): 12320 wherever it stands alone, and 120 only where the text calls it a number to dial
 * ("急救电话 120", "拨打 120"), since in a report 120 is as likely a count. Text already inside a link, code or a
 * heading is left alone.
 */
import { telHref } from '../views/tel';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const NUMBER = /(?<![\d.])12320(?![\d.%％])|(?<=(?:急救电话|拨打)\s?)120(?![\d.%％])/g;
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);

function split(text: string): HastNode[] | undefined {
  const parts: HastNode[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m.index! > last) parts.push({ type: 'text', value: text.slice(last, m.index) });
    parts.push({ type: 'element', tagName: 'a', properties: { href: telHref(m[0]), className: ['tel'] }, children: [{ type: 'text', value: m[0] }] });
    last = m.index! + m[0].length;
  }
  if (!parts.length) return undefined;
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

function walk(node: HastNode): void {
  if (!node.children || (node.type === 'element' && SKIP.has(node.tagName ?? ''))) return;
  node.children = node.children.flatMap((child) => (child.type === 'text' && child.value ? (split(child.value) ?? [child]) : (walk(child), [child])));
}

export function rehypeTelLinks() {
  return (tree: HastNode) => walk(tree);
}
