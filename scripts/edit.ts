/**
 * `npm run edit`: the editor for health-bureau staff, in the browser.
 *   npm run edit                          this computer only (127.0.0.1), no sign-in
 *   npm run edit -- --lan                 colleagues' PCs and phones on the office network, each signs in
 *   npm run edit -- --lan --host 192.168.1.20,bianji.local   the names colleagues type (default: this machine's)
 *   npm run edit -- add-user 张三 --role editor|reviewer        add a staff account (asks for the password)
 * Also: --port 4322 (the preview uses the next port); YIGONGTI_EDITOR_LAN=1 and YIGONGTI_EDITOR_HOSTS=… as env vars.
 *
 * A small node:http server rather than Decap, Sveltia or Keystatic: those CMSs store one entry per file (or one object
 * per file), while our data files are JSON arrays of entries that check, the importer and the build all read; and a
 * save must be refused when `npm run check` would reject it, which needs validateDataset in the save path.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { startEditor } from '../src/editor/server/server';
import { addUser, listUsers, ROLE_LABELS, type Role } from '../src/editor/server/accounts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string' }, lan: { type: 'boolean' }, host: { type: 'string' }, role: { type: 'string' } },
});
const root = process.cwd();

/** Reads a password from the terminal without showing it (or one line from a pipe). */
function askPassword(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    if (process.stdin.isTTY) {
      // Hide what is typed: write the question once, then nothing per key.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(question);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

if (positionals[0] === 'add-user') {
  const name = positionals[1];
  const role = (values.role ?? 'editor') as Role;
  if (!name || (role !== 'editor' && role !== 'reviewer')) {
    console.error('用法 / usage: npm run edit -- add-user 张三 --role editor|reviewer');
    process.exit(2);
  }
  const password = await askPassword(`请输入 ${name} 的密码（至少 8 个字符） / password: `);
  const again = process.stdin.isTTY ? await askPassword('再输入一次 / again: ') : password;
  if (password !== again) {
    console.error('两次输入的密码不一样，没有保存。 / The passwords differ; nothing saved.');
    process.exit(1);
  }
  try {
    await addUser(root, name, role, password);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(`已添加账号“${name}”（${ROLE_LABELS[role]}）。现有账号：${listUsers(root).map((u) => `${u.name}（${ROLE_LABELS[u.role]}）`).join('、')}`);
  process.exit(0);
}

const lan = values.lan ?? ['1', 'true', 'yes'].includes(String(process.env.YIGONGTI_EDITOR_LAN ?? '').toLowerCase());
const hosts = (values.host ?? process.env.YIGONGTI_EDITOR_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
const port = values.port === undefined ? 4322 : Number(values.port);
if (lan && listUsers(root).length === 0) {
  console.error('局域网模式需要账号。请先添加：npm run edit -- add-user 张三 --role reviewer');
  console.error('LAN mode needs accounts: npm run edit -- add-user <name> --role editor|reviewer');
  process.exit(1);
}

// The interface (React, src/editor/ui/), built into a folder the server serves.
console.log('正在准备编辑器界面… / building the editor interface…');
const { buildEditorUi } = await import('../src/editor/ui/build');
const uiDir = await buildEditorUi();

const editor = await startEditor({ root, port, lan, hosts, uiDir }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`端口 ${port} 已被占用（编辑器可能已经开着）。换一个端口：npm run edit -- --port ${port + 10}`);
  console.error(`Port ${port} is in use; try npm run edit -- --port ${port + 10}`);
  process.exit(1);
});
const { port: actual } = new URL(editor.url);
if (lan) {
  const { lanHostNames } = await import('../src/editor/server/guard');
  const names = lanHostNames(hosts).filter((h) => h !== '127.0.0.1' && h !== 'localhost');
  console.log('编辑器已在局域网启动。同事在浏览器中打开（用自己的账号登录）：');
  for (const name of names) console.log(`  http://${name}:${actual}/`);
  console.log(`本机：${editor.url}`);
  console.log('只有审核人员可以发布。按 Ctrl+C 关闭编辑器。 / LAN mode: colleagues open one of the addresses above and sign in.');
} else {
  console.log(`编辑器已启动，请在浏览器中打开 / the editor is running at:\n\n  ${editor.url}\n`);
  console.log('只有这台电脑能打开。按 Ctrl+C 关闭编辑器。 / Only this computer can reach it. Press Ctrl+C to stop the editor.');
}
