/**
 * Staff accounts for LAN mode: one per person, stored in `.editor/users.json` (outside data/ and content/, ignored by
 * git), passwords hashed with scrypt from node:crypto, sessions in memory behind an HttpOnly, SameSite=Strict cookie,
 * and sign-in attempts limited per address and per name.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Role = 'editor' | 'reviewer';
export interface User {
  name: string;
  role: Role;
}
interface StoredUser extends User {
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
  password: string;
  created: string;
}

export const USERS_FILE = '.editor/users.json';
export const ROLE_LABELS: Record<Role, string> = { editor: '编辑', reviewer: '审核' };
const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

const scrypt = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, options, (e, key) => (e ? reject(e) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, N, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A staff member's name as shown in history and used as git author: visible characters, no angle brackets. */
export function nameProblem(name: string): string | undefined {
  if (!/^[^\p{C}\p{Z}<>"'\\/]{1,40}$/u.test(name)) return '用户名须是 1 到 40 个字（不含空格、引号、斜杠和尖括号）。';
  return undefined;
}

function readStored(root: string): StoredUser[] {
  const file = join(root, USERS_FILE);
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { users?: StoredUser[] };
  return Array.isArray(parsed.users) ? parsed.users : [];
}

export function listUsers(root: string): User[] {
  return readStored(root).map(({ name, role }) => ({ name, role }));
}

/** Adds a staff member (or sets a new password and role for an existing one). */
export async function addUser(root: string, name: string, role: Role, password: string): Promise<void> {
  const problem = nameProblem(name);
  if (problem) throw new Error(problem);
  if (role !== 'editor' && role !== 'reviewer') throw new Error('角色须是 editor（编辑）或 reviewer（审核）。');
  if ([...password].length < 8) throw new Error('密码至少 8 个字符。');
  const users = readStored(root).filter((u) => u.name !== name);
  users.push({ name, role, password: await hashPassword(password), created: new Date().toISOString() });
  const file = join(root, USERS_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

// Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** The user when the name and password match. */
export async function checkLogin(root: string, name: string, password: string): Promise<User | undefined> {
  const user = readStored(root).find((u) => u.name === name);
  decoy ??= hashPassword(randomBytes(12).toString('hex'));
  const ok = await verifyPassword(password, user?.password ?? (await decoy));
  return ok && user ? { name: user.name, role: user.role } : undefined;
}

/** Sessions in memory: a restart signs everyone out, which is acceptable for a tool on one office machine. */
export class Sessions {
  private readonly byToken = new Map<string, { user: User; expires: number }>();
  constructor(private readonly lifetimeMs = 12 * 3600_000) {}

  create(user: User): string {
    const token = randomBytes(32).toString('base64url');
    this.byToken.set(token, { user, expires: Date.now() + this.lifetimeMs });
    return token;
  }

  get(token: string | undefined): User | undefined {
    if (!token) return undefined;
    const session = this.byToken.get(token);
    if (!session) return undefined;
    if (session.expires < Date.now()) {
      this.byToken.delete(token);
      return undefined;
    }
    return session.user;
  }

  drop(token: string | undefined) {
    if (token) this.byToken.delete(token);
  }
}

export const SESSION_COOKIE = 'yigongti_editor';

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
}

export function cookieValue(header: string | undefined, name = SESSION_COOKIE): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** Failed sign-ins per key (an address, a name) within a window; past the limit the key waits for the window to pass. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  blocked(keys: string[], now = Date.now()): boolean {
    return keys.some((k) => this.recent(k, now).length >= this.limit);
  }

  fail(keys: string[], now = Date.now()) {
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now]);
    // Bounded memory: a flood of names cannot grow the map without end.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()].slice(0, 5_000)) this.failures.delete(k);
  }

  succeed(keys: string[]) {
    for (const k of keys) this.failures.delete(k);
  }
}
