/**
 * Runs inside `vite build` (the `prerender-welcome` plugin in vite.config.ts), after Vite has
 * written dist/ and before vite-plugin-pwa lists the files to precache:
 *
 * - dist/index.html, dist/index.<lang>.html: the welcome screen a new visitor needs, prerendered in
 *   each catalog's language (the relay picks one by Accept-Language), so a first visit is readable
 *   before any JavaScript has arrived; main.tsx hydrates it.
 * - dist/shell.html: the same page with an empty #app. The service worker answers navigations with
 *   it, so a returning device never sees the welcome screen flash before its own profile opens.
 *
 * The app's stylesheet is inlined into each page: the first paint then needs no second request.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import type { Language } from '../src/core';
import { INTERFACE_LANGUAGES } from '../src/app/i18n';
import { WelcomePage } from '../src/app/welcome/WelcomePage';

const dist = process.argv[2] ?? 'dist';
const template = readFileSync(join(dist, 'index.html'), 'utf8');

const stylesheets = [...template.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g)];
let page = template;
for (const [tag, file] of stylesheets) {
  const css = readFileSync(join(dist, file!), 'utf8').trim();
  // The first stylesheet's place keeps the cascade order; `</style` cannot occur in Vite's CSS output.
  page = page.replace(tag, css.includes('</style') ? tag : `<style>${css}</style>`);
  if (!css.includes('</style')) rmSync(join(dist, file!));
}

const APP = '<div id="app"><p class="boot">Pathbook…</p></div>';
if (!page.includes(APP)) throw new Error(`prerender: ${dist}/index.html has no ${APP} to fill`);

function withApp(html: string, language: Language, app: string): string {
  return html.replace('<html lang="en">', `<html lang="${language}">`).replace(APP, app);
}

for (const language of INTERFACE_LANGUAGES) {
  const welcome = renderToString(<WelcomePage language={language} startTeacher={async () => {}} />);
  const html = withApp(page, language, `<div id="app" data-prerendered="${language}">${welcome}</div>`);
  writeFileSync(join(dist, language === 'en' ? 'index.html' : `index.${language}.html`), html);
}
writeFileSync(join(dist, 'shell.html'), withApp(page, 'en', '<div id="app"></div>'));
console.log(`prerendered the welcome screen in ${INTERFACE_LANGUAGES.join(', ')}; inlined ${stylesheets.length} stylesheet(s)`);
