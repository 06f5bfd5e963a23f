/** /prefs.js, the one script of text pages (大字模式, menu, print): code, kept in src/ and written by the build, not taken from public/. */
import type { APIRoute } from 'astro';
import script from '../publishing/site-files/prefs.js?raw';

export const GET: APIRoute = () => new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
