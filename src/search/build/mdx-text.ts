/**
 * An MDX body (a document's digest, an update's text) as plain text, block by block, for its page's search document:
 * read by the build's own reading of Markdown (@mdx-js/mdx with the remark plugins of src/data/mdx-policy.ts, so
 * quotes are curled as on the page), never run. The body has passed the MDX policy: Markdown and `<Note title="…">`.
 */
import { createProcessor } from '@mdx-js/mdx';
import { MDX_REMARK_PLUGINS } from '../../data/mdx-policy';

/** A block of a body: its text, and its heading level when it is a heading. */
export interface MdxBlock {
  text: string;
  heading?: number;
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
}

/** Thrown by the processor's last plugin: the tree is read, nothing is compiled. */
class TreeRead {
  constructor(readonly tree: MdNode) {}
}

const reader = createProcessor({
  remarkPlugins: [
    ...MDX_REMARK_PLUGINS,
    () => (tree: unknown) => {
      throw new TreeRead(tree as MdNode);
    },
  ],
});

/** Blocks whose text is one run; anything else holds blocks. */
const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);

/** Inline content: within a block, it runs on. */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'break', 'image', 'imageReference', 'mdxJsxTextElement']);

/** A phrasing node's text: text, inline code and the text of links and emphasis; not image addresses. */
function phrasing(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value ?? '';
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(phrasing).join('');
}

/** The blocks of a body, in reading order; nothing for an empty body. */
export function mdxText(body: string): MdxBlock[] {
  if (!body.trim()) return [];
  let tree: MdNode | undefined;
  try {
    reader.runSync(reader.parse(body) as never);
  } catch (error) {
    if (!(error instanceof TreeRead)) throw error;
    tree = error.tree;
  }
  const blocks: MdxBlock[] = [];
  const walk = (node: MdNode) => {
    if (LEAF_BLOCKS.has(node.type)) {
      const text = phrasing(node).trim();
      if (text) blocks.push(node.type === 'heading' ? { text, heading: node.depth ?? 2 } : { text });
      return;
    }
    // <Note title="办理时间">: its title is a line of its own, before its text.
    if (node.type === 'mdxJsxFlowElement') {
      const title = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'title')?.value;
      if (typeof title === 'string' && title.trim()) blocks.push({ text: title.trim() });
      // Written on one line (<Note>工作日上午</Note>), its text is inline: one block.
      if (node.children?.length && node.children.every((child) => PHRASING.has(child.type))) {
        const text = node.children.map(phrasing).join('').trim();
        if (text) blocks.push({ text });
        return;
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  if (tree) walk(tree);
  return blocks;
}
