import { launchChromium } from './cdp';
import { WireLog } from './wire-log';

/** A rural link on a cheap phone: what the issue measured the first visit on. */
export const LINK = { kbps: 400, rttMs: 400, cpuSlowdown: 4 };

export interface VisitTimes {
  /** ms from navigation start; null when it never happened within the time allowed. */
  fcp: number | null;
  firstScreen: number | null;
  interactive: number | null;
  offlineReady: number | null;
}

export interface Visit {
  times: VisitTimes;
  /** Bytes on the wire (page and service worker, headers included) before each moment. */
  bytes: Record<keyof VisitTimes, number | null>;
  totalBytes: number;
  requests: number;
}

/**
 * Runs in the page from its first byte: when the first contentful paint happened, when the welcome
 * screen (its heading and both choices) was there and painted, when a tap on "I'm a teacher" took
 * effect, when the app said it is ready offline and when the service worker was activated.
 */
const PAGE_PROBE = `(() => {
  if (location.protocol !== 'http:') return;
  const marks = (window.__firstVisit = {});
  const now = () => performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (marks.screenPresent === undefined) {
      const title = document.querySelector('#start-title');
      if (title && title.textContent.trim() && document.querySelectorAll('button.choice').length === 2) {
        marks.screenPresent = now();
        requestAnimationFrame(() => requestAnimationFrame(() => { marks.screenPainted = now(); }));
      }
    }
    if (marks.tapped === undefined && document.querySelector('button.choice[aria-pressed="true"]')) marks.tapped = now();
    if (marks.offlineText === undefined && document.querySelector('.toast')) marks.offlineText = now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.ready.then((registration) => {
      const worker = registration.active;
      const done = () => { if (worker.state === 'activated' && marks.swActivated === undefined) marks.swActivated = now(); };
      worker.addEventListener('statechange', done);
      done();
    });
  }
})();`;

interface Marks {
  fcp?: number;
  screenPresent?: number;
  screenPainted?: number;
  tapped?: number;
  offlineText?: number;
  swActivated?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One cold first visit in a fresh Chromium profile, the page and its service worker both throttled. */
export async function measureVisit(url: string, timeoutMs = 60_000): Promise<Visit> {
  const chromium = await launchChromium();
  const { cdp } = chromium;
  try {
    const wire = new WireLog(cdp);
    let pageSession: string | null = null;
    cdp.on('Target.attachedToTarget', (params) => {
      const sessionId = params.sessionId as string;
      const type = (params.targetInfo as { type: string }).type;
      void (async () => {
        if (type === 'page' || type === 'service_worker') {
          await cdp.send('Network.enable', {}, sessionId);
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
          await cdp.send('Network.emulateNetworkConditions', {
            offline: false,
            latency: LINK.rttMs,
            downloadThroughput: (LINK.kbps * 1000) / 8,
            uploadThroughput: (LINK.kbps * 1000) / 8,
          }, sessionId);
        }
        if (type === 'page') {
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: LINK.cpuSlowdown }, sessionId);
          await cdp.send('Page.enable', {}, sessionId);
          // A tab in the background is not painted: this one is in front, as a tab someone opened.
          await cdp.send('Page.bringToFront', {}, sessionId);
          await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true }, sessionId);
          await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PAGE_PROBE }, sessionId);
          pageSession ??= sessionId;
        }
        await cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
      })().catch((error: unknown) => console.error('[first-visit bench] could not set up a target', error));
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    await cdp.send('Target.createTarget', { url: 'about:blank' });
    const started = Date.now();
    while (!pageSession) {
      if (Date.now() - started > 30_000) throw new Error('the page target never attached');
      await sleep(20);
    }
    const session: string = pageSession;
    const evaluate = async <T>(expression: string): Promise<T> => {
      const reply = await cdp.send<{ result: { value: T }; exceptionDetails?: unknown }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, session);
      return reply.result.value;
    };
    await cdp.send('Page.navigate', { url }, session);

    // Tap "I'm a teacher" as a finger would (through the input pipeline) until the app responds.
    const deadline = Date.now() + timeoutMs;
    let marks: Marks = {};
    while (Date.now() < deadline) {
      marks = (await evaluate<Marks | null>('window.__firstVisit ?? null')) ?? {};
      if (process.env.BENCH_DEBUG) console.log(Date.now() - started, JSON.stringify(marks), await evaluate<string>('location.href + " " + document.readyState'));
      if (marks.screenPresent !== undefined && marks.tapped === undefined) {
        const point = await evaluate<{ x: number; y: number } | null>(`(() => {
          const b = document.querySelector('button.choice');
          if (!b) return null;
          const r = b.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        })()`);
        if (point) {
          await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...point, button: 'left', clickCount: 1 }, session);
          await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...point, button: 'left', clickCount: 1 }, session);
        }
      }
      if (marks.offlineText !== undefined && marks.swActivated !== undefined && marks.tapped !== undefined) break;
      await sleep(100);
    }
    const origin = await evaluate<number>('performance.timeOrigin');
    const firstScreen = marks.screenPresent === undefined ? null
      // Already in the HTML: it is on screen with the first contentful paint.
      : marks.fcp !== undefined && marks.screenPresent <= marks.fcp ? marks.fcp : (marks.screenPainted ?? null);
    const offlineReady = marks.offlineText !== undefined && marks.swActivated !== undefined ? Math.max(marks.offlineText, marks.swActivated) : null;
    const times: VisitTimes = { fcp: marks.fcp ?? null, firstScreen, interactive: marks.tapped ?? null, offlineReady };
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify(marks), '\n' + wire.timeline(origin).join('\n'));
    const bytesAt = (t: number | null) => (t === null ? null : wire.bytesBefore(origin + t));
    return {
      times,
      bytes: { fcp: bytesAt(times.fcp), firstScreen: bytesAt(times.firstScreen), interactive: bytesAt(times.interactive), offlineReady: bytesAt(times.offlineReady) },
      totalBytes: wire.bytesBefore(Number.POSITIVE_INFINITY),
      requests: wire.requestCount(),
    };
  } finally {
    await chromium.close();
  }
}
