/**
 * `npm run edit [-- --port 4322]`: the local editor for health-bureau staff, in the browser on this computer.
 * A small node:http server rather than Decap, Sveltia or Keystatic: those CMSs store one entry per file (or one object
 * per file), while our data files are JSON arrays of entries that check, the importer and the build all read; and a
 * save must be refused when `npm run check` would reject it, which needs validateDataset in the save path. Forms are
 * generated from the zod schemas, so they follow the data model without a second description of it.
 */
import { parseArgs } from 'node:util';
import { startEditor } from '../src/editor/server/server';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = values.port === undefined ? 4322 : Number(values.port);
const { url } = await startEditor({ root: process.cwd(), port });
console.log(`本地编辑器已启动，请在浏览器中打开 / the editor is running at:\n\n  ${url}\n`);
console.log('预览修改：在另一个窗口运行 npm run dev（网站在 http://127.0.0.1:4321/）。按 Ctrl+C 关闭编辑器。');
console.log('To preview, run npm run dev in another window. Press Ctrl+C to stop the editor.');
