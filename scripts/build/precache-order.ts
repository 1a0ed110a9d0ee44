import type { Plugin } from 'vite';

/**
 * The order the service worker stores files in (it installs a few at a time, in this order): the
 * pages, the first screen's script, the app behind it, then the screens a person most likely opens
 * next (a new teacher sets up a class, a new student joins one, then the dashboard and check-in),
 * then everything else. Each entry brings the chunks it imports statically.
 */
const NEXT_LIKELY = [
  'src/app/full-app.tsx',
  'src/app/class-setup/ClassSetup.tsx',
  'src/app/join/Join.tsx',
  'src/app/dashboard/Dashboard.tsx',
  'src/app/checkin/CheckInForm.tsx',
  'src/app/student-home/StudentArea.tsx',
  'src/app/student-view/StudentView.tsx',
  'src/app/connect/Connect.tsx',
];
const PAGES = ['shell.html'];

interface ChunkInfo {
  fileName: string;
  imports: string[];
  facadeModuleId: string | null;
  isEntry: boolean;
}

/** Reads the bundle's chunk graph once it is written; `sort` then orders the precache manifest. */
export function precacheOrder(): { plugin: Plugin; sort<T extends { url: string }>(entries: T[]): T[] } {
  let order: string[] = [];
  const plugin: Plugin = {
    name: 'pathbook-precache-order',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & ChunkInfo => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const seen = new Set<string>();
      const add = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const imported of byFile.get(file)?.imports ?? []) add(imported);
      };
      for (const chunk of chunks.filter((c) => c.isEntry)) add(chunk.fileName);
      for (const module of NEXT_LIKELY) {
        const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(module));
        if (chunk) add(chunk.fileName);
      }
      for (const chunk of chunks) add(chunk.fileName);
      order = [...PAGES, ...seen];
    },
  };
  const rank = (url: string) => {
    const i = order.indexOf(url.replace(/^\//, ''));
    return i === -1 ? order.length : i;
  };
  return { plugin, sort: (entries) => [...entries].sort((a, b) => rank(a.url) - rank(b.url)) };
}
