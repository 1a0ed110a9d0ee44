// Renders public/icons/*.png from the SVG mark with Debian's Chromium (run once; the PNGs are committed).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const mark = readFileSync('public/icons/favicon.svg', 'utf8');
// The maskable icon keeps the mark inside the 80% safe zone on a full-bleed background.
const maskable = mark.replace('rx="112"', 'rx="0"').replace('<path', '<g transform="translate(51 51) scale(0.8)"><path').replace('</svg>', '</g></svg>');
const targets: [string, string, number][] = [
  ['public/icons/icon-192.png', mark, 192],
  ['public/icons/icon-512.png', mark, 512],
  ['public/icons/maskable-512.png', maskable, 512],
  ['public/icons/apple-touch-icon.png', maskable, 180],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, svg, size] of targets) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: file, omitBackground: true });
}
await browser.close();
console.log('icons written');
