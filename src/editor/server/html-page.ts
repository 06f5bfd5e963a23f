/**
 * The few pages the editor's server writes itself (sign-in, the preview's progress, errors); everything else is the
 * built interface (src/editor/ui/).
 */
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:56rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
label{display:block;margin:.6rem 0}input{font:inherit;width:100%;box-sizing:border-box;padding:.3rem}button{font:inherit;padding:.5rem 2rem;margin:1rem 0}`;

/** A whole page: `title` is escaped, `body` is HTML the caller escaped. */
export function layout(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body data-editor>${body}</body></html>`;
}
