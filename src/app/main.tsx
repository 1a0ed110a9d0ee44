import { hydrate, render } from 'preact';
import type { Language } from '../core';
import { deviceHasProfiles } from '../local/profiles-exist';
import { pickLanguage } from './i18n';
// Registering is called after the first screen, but its 2 KB ship with it: on a slow link a
// separate chunk would cost one more round trip before the offline copy can start.
import { registerServiceWorker } from './pwa/register';
import { whenOfflineReady } from './pwa/sw-state';
import { rememberedProfileId } from './session/last-profile';
import { WelcomePage } from './welcome/WelcomePage';
import './styles.css';

/**
 * The first visit's script: small on purpose (preact, the catalogs, the welcome screen). A new
 * visitor's welcome screen is already in the HTML (scripts/prerender.tsx) and is hydrated here;
 * the rest of the app (storage, sync, every other screen) arrives afterwards in the background,
 * then the service worker stores everything for offline use. A device that already has people
 * on it opens the app straight away.
 */
const root = document.getElementById('app')!;
const deviceLanguage = pickLanguage(navigator.languages ?? [navigator.language]);
const loadApp = () => import('./full-app');
let appStarted = false;

function openApp(language?: Language): void {
  if (appStarted) return;
  appStarted = true;
  void loadApp().then((app) => app.startApp(root, language));
}

/** The welcome screen stands only for the start address; a join link or any other goes to the app. */
function isWelcomeRoute(hash: string): boolean {
  return ['', '#', '#/', '#/start'].includes(hash);
}

/** Once the browser is idle (the first screen drawn and answering taps), or after 0.3 s at most (a busy phone may never be idle). */
function whenIdle(task: () => void): void {
  setTimeout(() => {
    if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 300 });
    else task();
  }, 0);
}

function showWelcome(language: Language, prerendered: boolean): void {
  const page = (
    <WelcomePage
      language={language}
      startTeacher={async (name, chosen) => {
        const app = await loadApp();
        await app.createTeacher(name, chosen);
        history.replaceState(null, '', '#/setup');
        appStarted = true;
        app.startApp(root, chosen);
      }}
    />
  );
  if (prerendered) hydrate(page, root);
  else {
    root.textContent = '';
    render(page, root);
  }
  window.addEventListener('hashchange', () => {
    if (!isWelcomeRoute(location.hash)) openApp(document.documentElement.lang as Language);
  });
  // Next, once the person can use this screen: the offline copy of everything, the screens they
  // will most likely open next first. The app behind "Continue" is prepared from that copy, so the
  // slow link carries it once; on a device that already has the copy, straight away.
  whenIdle(() => {
    registerServiceWorker();
    if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) prepareApp();
    else whenOfflineReady(prepareApp);
  });
}

function prepareApp(): void {
  void loadApp()
    .then((app) => app.warmUp())
    .catch((error: unknown) => console.warn('Pathbook: could not prepare storage yet', error));
}

async function boot(): Promise<void> {
  // Over plain http:// on a school address the browser allows no offline use: say so instead of
  // half-working (that page and its words load only then, never on a secure first visit).
  if (!window.isSecureContext) {
    const { InsecureAddress } = await import('./shell/InsecureAddress');
    root.textContent = '';
    render(<InsecureAddress />, root);
    return;
  }
  if (rememberedProfileId() !== null || !isWelcomeRoute(location.hash)) {
    openApp();
    registerServiceWorker();
    return;
  }
  const prerendered = root.dataset.prerendered === deviceLanguage;
  // With the welcome already on screen, show it working at once and look for people meanwhile.
  const hasProfiles = deviceHasProfiles();
  if (!prerendered && (await hasProfiles)) {
    openApp();
    registerServiceWorker();
    return;
  }
  showWelcome(deviceLanguage, prerendered);
  if (await hasProfiles) openApp(deviceLanguage);
}

void boot();
