/**
 * `npm run import -- observations FILE.csv|FILE.xlsx [--out data/observations/NAME.json] [--replace]`
 * Reads a spreadsheet of figures in the documented column layout (docs/编辑指南.md, templates/observations-template.csv),
 * checks every row against the indicators, subjects and sources with the same validation as `npm run check`, reports
 * every bad row by its row number, and writes the JSON only when all rows are valid.
 *
 * The spreadsheet reader and the validation are loaded only once the arguments are right and the file may be written:
 * a mistyped command or a file that is already there is answered at once, without loading them.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Cell } from '../src/publishing/import-observations';
import { slug, todayInChina } from '../src/publishing/scaffold';

const usage = async () => {
  const { IMPORT_COLUMNS } = await import('../src/publishing/import-observations');
  return `用法 / usage: npm run import -- observations 文件.csv|文件.xlsx [--out data/observations/名称.json] [--replace]

  --out      写到哪个文件（默认按表格文件名放在 data/observations/ 里）/ where to write the JSON
  --replace  覆盖已有的同名文件（重新导入改过的表格时用）/ replace an existing file (re-importing a corrected sheet)
  --sheet    .xlsx 中要读的工作表名称（默认第一个）/ which sheet of an .xlsx to read

列 / columns（第一行写列名，中文、英文或“中文 英文”都可以）：
${IMPORT_COLUMNS.map((c) => `  ${`${c.zh} ${c.key}`.padEnd(24)}${c.required ? '*' : ' '} ${c.help}`).join('\n')}
（* 必填 / required）模板 / template: templates/observations-template.csv
`;
};

function fail(message: string): never {
  console.error(`✗ ${message}\n没有写入任何文件。/ nothing was written.`);
  process.exit(1);
}

/** The sheet's rows, or every problem with the file itself (its encoding, a damaged or oversized .xlsx), each named. */
async function readRows(path: string, shown: string, sheet?: string): Promise<Cell[][]> {
  const [{ readSpreadsheet, SHEET_MAX_BYTES }, { formatProblem }] = await Promise.all([import('../src/data/spreadsheet'), import('../src/data/validate')]);
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || ext === '.et' || ext === '.numbers') fail(`不能直接读取 ${ext} 文件：请在表格软件里“另存为” .xlsx 或 CSV（UTF-8）。/ save it as .xlsx or CSV first`);
  if (statSync(path).size > SHEET_MAX_BYTES) fail(`${shown} 超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB，请拆成几个文件导入。/ the file is too large; split it`);
  const result = readSpreadsheet(shown, readFileSync(path), { sheet });
  if (!result) fail(`不认识的文件类型“${ext}”，请用 .csv 或 .xlsx。/ use a .csv or .xlsx file`);
  if (result.problems.length) {
    console.error(result.problems.map((p) => '✗ ' + formatProblem(p)).join('\n'));
    fail(`${shown} 有 ${result.problems.length} 处问题，没有导入。/ ${result.problems.length} problem(s) in the file itself.`);
  }
  return result.rows!;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { out: { type: 'string' }, replace: { type: 'boolean' }, sheet: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${await usage()}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(await usage());
    return;
  }
  const [what, input] = positionals;
  if (what !== 'observations' || !input) fail(`${what && what !== 'observations' ? `只能导入 observations（数据），不能导入“${what}”。\n\n` : ''}${await usage()}`);

  const root = process.cwd();
  const source = resolve(root, input);
  if (!existsSync(source)) fail(`找不到文件 ${input} / file not found`);
  const shown = relative(root, source).replace(/\\/g, '/') || basename(source);

  const name = slug(basename(source, extname(source)));
  const outArg = values.out ?? `data/observations/${/[a-z]/.test(name) ? name : `import-${todayInChina()}`}.json`;
  const outPath = relative(root, resolve(root, outArg.includes('/') ? outArg : `data/observations/${outArg}`)).replace(/\\/g, '/');
  if (!outPath.startsWith('data/observations/') || !outPath.endsWith('.json')) fail(`--out 必须是 data/observations/ 里的 .json 文件 / --out must be a .json file in data/observations/`);
  if (existsSync(join(root, outPath)) && !values.replace)
    fail(`${outPath} 已经存在。要用这份表格替换它，加上 --replace；要另存一个文件，用 --out 指定新名称。/ already exists: add --replace, or choose another --out`);

  let rows: Cell[][];
  try {
    rows = await readRows(source, shown, values.sheet);
  } catch (error) {
    fail(`读不了 ${shown}：${(error as Error).message} / cannot read the file`);
  }

  const [{ importObservations }, { readSourceFiles }, { formatProblem }] = await Promise.all([
    import('../src/publishing/import-observations'),
    import('../src/data/read-sources'),
    import('../src/data/validate'),
  ]);
  const result = importObservations(rows, { file: shown, outPath, files: readSourceFiles(root) });
  // Warnings come first and stay on screen with the problems: every row's every problem and doubt at once.
  if (result.warnings.length) {
    console.error(result.warnings.map((p) => '⚠ ' + formatProblem(p)).join('\n'));
    console.error(`\n请核对以上 ${result.warnings.length} 处提醒（可能重复或来源填错）。/ Please check the ${result.warnings.length} warning(s) above (possible duplicates or wrong sources).\n`);
  }
  if (result.problems.length) {
    console.error(result.problems.map((p) => '✗ ' + formatProblem(p)).join('\n'));
    const badRows = [...new Set(result.problems.map((p) => p.line).filter(Boolean))];
    console.error(
      `\n有问题的行 / rows with problems: ${badRows.join('、') || '—'}${badRows.length ? `（“${shown}:${badRows[0]}” 表示表格第 ${badRows[0]} 行 / means row ${badRows[0]}）` : ''}` +
        `\n共 ${result.problems.length} 处问题（${badRows.length} 行），没有写入任何文件。改好表格后再导入一次。` +
        `\n${result.problems.length} problem(s) in ${badRows.length} row(s); nothing was written. Fix the sheet and import again.`,
    );
    process.exit(1);
  }
  mkdirSync(dirname(join(root, outPath)), { recursive: true });
  writeFileSync(join(root, outPath), result.text);
  console.log(`✓ 已导入 ${result.observations.length} 条数据到 ${outPath} / imported ${result.observations.length} figure(s)`);
  if (result.otherProblems)
    console.log(`  注意：项目里其他文件还有 ${result.otherProblems} 处问题，发布前请运行 npm run check 并改好。/ other files have problems: run npm run check`);
  else console.log('  下一步：npm run dev 预览，npm run build 生成网站。/ next: npm run dev to preview, npm run build to publish.');
}

await main();
