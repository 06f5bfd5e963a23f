/** /favicon.svg: the site's own icon, kept with the code (public/ holds no SVG: an editor's SVG could carry a script). */
import type { APIRoute } from 'astro';
import icon from '../publishing/site-files/favicon.svg?raw';

export const GET: APIRoute = () => new Response(icon, { headers: { 'content-type': 'image/svg+xml' } });
