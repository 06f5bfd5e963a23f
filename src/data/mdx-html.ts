/**
 * An MDX text made into HTML at build time, as data: the body of a document or update is stored as HTML in Astro's
 * content layer (src/data/mdx-loader.ts), never compiled into a JavaScript module. MDX here is content, never code
 * (src/data/mdx-policy.ts), so the one thing MDX adds to Markdown that a page needs is the `<Note>` callout, which is
 * written out here as the HTML its component used to render.
 *
 * The same reading of the text as `npm run check` and as Astro's MDX integration did: @mdx-js/mdx's parser with
 * MDX_REMARK_PLUGINS, then the policy (remarkMdxPolicy: the raw-text limits before the parser runs, the tree rules
 * after), then Astro's image collection, and the rehype plugins of Astro's MDX pipeline that shape HTML, in its order:
 * Shiki for code blocks, our rehypeNoImageImports and rehypeTelLinks, heading ids. The tree is taken once the rehype
 * plugins are done, before anything is compiled to JavaScript, and written out with hast-util-to-html.
 */
import { createProcessor } from '@mdx-js/mdx';
import { rehypeHeadingIds, rehypeShiki, remarkCollectImages, type MarkdownHeading, type ShikiConfig } from '@astrojs/markdown-remark';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { MDX_REMARK_PLUGINS, rehypeNoImageImports, remarkMdxPolicy } from './mdx-policy';
import { rehypeTelLinks } from './rehype-tel';

/** What the body of an entry renders to: Astro's `rendered` field of a content entry. */
export interface RenderedMdx {
  html: string;
  metadata: { headings: MarkdownHeading[]; imagePaths: string[] };
}

/** The Markdown settings of the Astro config that shape HTML (Astro's defaults unless astro.config.mjs sets them). */
export interface MdxHtmlOptions {
  syntaxHighlight?: false | 'shiki' | 'prism' | { type?: 'shiki' | 'prism'; excludeLangs?: string[] };
  shikiConfig?: Partial<ShikiConfig>;
  headingIdCompat?: boolean;
}

/** Thrown by the last rehype plugin: the HTML tree is ready, nothing is compiled to JavaScript. */
class HtmlTree {
  constructor(
    readonly tree: Root,
    readonly headings: MarkdownHeading[],
  ) {}
}

/** The MDX processor of one set of options, stopping once its HTML tree is ready. */
function mdxProcessor(options: MdxHtmlOptions) {
  const setting = options.syntaxHighlight ?? 'shiki';
  const highlight: { type?: string; excludeLangs?: string[] } | undefined = setting === false ? undefined : typeof setting === 'string' ? { type: setting } : setting;
  // Prism's output needs Astro's Prism styles and was never used here: Shiki (Astro's default) or nothing.
  if (highlight && (highlight.type ?? 'shiki') !== 'shiki') throw new Error(`MDX: markdown.syntaxHighlight "${highlight.type}" is not supported by src/data/mdx-html.ts`);
  return createProcessor({
    format: 'mdx',
    remarkPlugins: [...MDX_REMARK_PLUGINS, remarkMdxPolicy, remarkCollectImages],
    rehypePlugins: [
      ...(highlight ? [[rehypeShiki, options.shikiConfig ?? {}, highlight.excludeLangs] as never] : []),
      rehypeNoImageImports,
      rehypeTelLinks,
      [rehypeHeadingIds, { experimentalHeadingIdCompat: !!options.headingIdCompat }],
      () => (tree: Root, file: { data: { astro?: { headings?: MarkdownHeading[] } } }) => {
        throw new HtmlTree(tree, file.data.astro?.headings ?? []);
      },
    ],
  });
}

const processors = new Map<string, ReturnType<typeof mdxProcessor>>();

/** The props of a `<Note>` as the policy let them through: quoted text. */
function attribute(node: { attributes?: { type: string; name?: string; value?: unknown }[] }, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Table elements whose line breaks between rows and cells MDX's output dropped (hast-util-to-estree). */
const TABLE_ELEMENTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/**
 * The tree made the HTML that Astro's MDX pipeline rendered from it. `<Note title="…">…</Note>` becomes what its
 * component (src/components/mdx/Note.astro until 2026-12-08) rendered, `<aside class="mdx-note">` with the title,
 * when not empty, in `<p class="mdx-note-title">`. The policy allows no other element, expression or import; one
 * found here anyway stops the build rather than being dropped. As MDX's compiler did, a table cell's alignment is a
 * style (`align` is obsolete HTML) and the line breaks between a table's rows and cells are dropped.
 */
function asMdxRendered(nodes: (RootContent | ElementContent)[], parent?: string): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent & { type: string; name?: string | null; children?: ElementContent[] };
    if (parent && TABLE_ELEMENTS.has(parent) && node.type === 'text' && (node as { value: string }).value === '\n') {
      nodes.splice(i--, 1);
      continue;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name !== 'Note') throw new Error(`MDX: <${node.name ?? ''}> is not allowed (src/data/mdx-policy.ts)`);
      const title = attribute(node as never, 'title');
      const aside: Element = {
        type: 'element',
        tagName: 'aside',
        properties: { className: ['mdx-note'] },
        children: [...(title ? [{ type: 'element', tagName: 'p', properties: { className: ['mdx-note-title'] }, children: [{ type: 'text', value: title }] } as Element] : []), ...(node.children ?? [])],
      };
      nodes[i] = aside;
    } else if (node.type.startsWith('mdx')) {
      throw new Error(`MDX: ${node.type} is not allowed (src/data/mdx-policy.ts)`);
    }
    const element = nodes[i] as Element;
    if (element.type === 'element' && (element.tagName === 'td' || element.tagName === 'th') && element.properties.align) {
      const { align, ...rest } = element.properties;
      element.properties = { ...rest, style: `text-align:${String(align)}` };
    }
    if (element.type === 'element') asMdxRendered(element.children, element.tagName);
  }
}

/**
 * The HTML of an MDX text, refused (thrown, naming the file and line as `npm run check` does) when the policy does
 * not allow it. `path` is the file's absolute path and `cwd` the project's root: the policy reads public/ there and
 * names the file relative to it. `text` is the whole file with its frontmatter blanked out, so lines are the file's.
 */
export async function renderMdx(text: string, path: string, cwd: string, options: MdxHtmlOptions = {}): Promise<RenderedMdx> {
  const key = JSON.stringify(options);
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = mdxProcessor(options)));
  let result: HtmlTree;
  try {
    await processor.process({ value: text, path, cwd });
    throw new Error(`MDX: the HTML of ${path} was not handed over`);
  } catch (error) {
    if (!(error instanceof HtmlTree)) throw error;
    result = error;
  }
  asMdxRendered(result.tree.children);
  return {
    html: toHtml(result.tree, { characterReferences: { useNamedReferences: true }, closeSelfClosing: true, tightSelfClosing: true, collapseEmptyAttributes: true }),
    metadata: { headings: result.headings, imagePaths: [] },
  };
}
