import { parse } from 'node-html-parser';
import { readFileSync } from 'node:fs';
const d = parse(readFileSync('dist/indicators/in-county-visit-rate/index.html', 'utf8'));
console.log(d.querySelector('[data-embed-code]')?.textContent);
console.log(d.querySelector('.qr'));
