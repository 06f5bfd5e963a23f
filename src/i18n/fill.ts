/**
 * UI strings with placeholders: tf('group.statedNamed', { label: '13 个镇卫生院', named: 2 }). The site's one template
 * filler: pages, components and the browser's chart code (which imports `fill` alone) all use it.
 */
import { t, type StringKey } from './zh-CN';

/** Replaces each `{name}` in a template with its value; unknown placeholders stay as written. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The UI string for a key with its placeholders filled. */
export function tf(key: StringKey, vars: Record<string, string | number>): string {
  return fill(t(key), vars);
}
