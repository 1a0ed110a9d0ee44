// @ts-check
import Module from 'node:module';

// typescript-eslint parses with TypeScript's JS API, which TypeScript 7 (native, our compiler) no
// longer ships; `typescript6` (npm alias of @typescript/typescript6) is that API. Point the
// parser's `require('typescript')` at it, in this process only. The compiler and the build keep
// using TypeScript 7. Remove this when typescript-eslint reads TypeScript 7 itself.
const require = Module.createRequire(import.meta.url);
const typescriptApi = require.resolve('typescript6');
const resolveFilename = /** @type {any} */ (Module)._resolveFilename;
/** @type {any} */ (Module)._resolveFilename = function (/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? typescriptApi : request, ...rest);
};

const { default: tseslint } = await import('typescript-eslint');

/**
 * The layers (README, "Layout"): arrows point down.
 *   core      imports nothing of ours
 *   protocol  imports core only
 *   local     imports core, protocol
 *   relay     imports core, protocol (Node only)
 *   sync      imports local, core, protocol
 *   app       imports sync, local, core, protocol; never relay
 * and nothing imports app. Each layer lists the layers it may NOT reach.
 */
const FORBIDDEN = {
  core: ['protocol', 'local', 'sync', 'relay', 'app'],
  protocol: ['local', 'sync', 'relay', 'app'],
  local: ['sync', 'relay', 'app'],
  relay: ['local', 'sync', 'app'],
  sync: ['relay', 'app'],
  app: ['relay'],
};

/** Packages a layer must not use (what runs where). */
const FORBIDDEN_PACKAGES = {
  core: ['dexie', 'preact', 'preact/*', '@hocuspocus/*', 'better-sqlite3', 'ws', 'node:*'],
  protocol: ['dexie', 'preact', 'preact/*', '@hocuspocus/*', 'better-sqlite3', 'ws', 'node:*'],
  local: ['preact', 'preact/*', '@hocuspocus/*', 'better-sqlite3', 'ws', 'node:*'],
  sync: ['preact', 'preact/*', '@hocuspocus/server', 'better-sqlite3', 'node:*'],
  relay: ['dexie', 'preact', 'preact/*', '@hocuspocus/provider'],
  app: ['@hocuspocus/*', 'better-sqlite3', 'ws', 'node:*', 'y-indexeddb'],
};

/** @param {keyof typeof FORBIDDEN} layer */
function layerPatterns(layer) {
  return [
    ...FORBIDDEN[layer].map((other) => ({
      // `../relay/x`, `../../relay`, ... from anywhere under src/<layer>.
      regex: `^(\\.\\./)+${other}(/|$)`,
      message: `src/${layer} may not import src/${other} (layers: app -> sync -> local -> core; relay -> core, protocol; nothing imports app).`,
    })),
    { group: FORBIDDEN_PACKAGES[layer], message: `src/${layer} may not use this package (see eslint.config.js).` },
  ];
}

/** @param {keyof typeof FORBIDDEN} layer */
function layerRule(layer) {
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(layer) }] },
  };
}

/**
 * The app reaches device storage only through src/local/index.ts, and writes documents only
 * through src/app/data (typed actions): no screen calls a collection's add/update/remove.
 * The profile and session screens still import src/local/profiles directly while the profile
 * locks work lands; move them to the index then and drop them from this list. The two entry
 * points (main.tsx, full-app.tsx) import single src/local modules on purpose: the index would
 * pull storage into the first visit's script.
 */
const COLLECTIONS = 'goals|progress|statusChanges|projects|milestones|evidence|reflections|selfAssessments|profileItems|checkins|nextSteps|decisions|privateNotes|teachers|students|targets|catalog|groups';
const appThroughDataLayer = {
  files: ['src/app/**/*.{ts,tsx}'],
  ignores: ['src/app/data/**', 'src/app/App.tsx', 'src/app/main.tsx', 'src/app/full-app.tsx', 'src/app/first-run/**', 'src/app/profiles/**', 'src/app/session/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...layerPatterns('app'),
          { regex: '^(\\.\\./)+local/', message: 'The app uses src/local through its index (src/local/index.ts) only.' },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: `CallExpression[callee.property.name=/^(add|update|remove)$/][callee.object.property.name=/^(${COLLECTIONS})$/]`,
        message: 'Screens write documents through src/app/data (planActions, coachActions, classActions...), not through collections.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'dev-dist/**', 'test-results/**', 'data/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // A few rules that catch real mistakes; style is the formatter's job.
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-var': 'error',
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  ...Object.keys(FORBIDDEN).map((layer) => layerRule(/** @type {keyof typeof FORBIDDEN} */ (layer))),
  appThroughDataLayer,
);

