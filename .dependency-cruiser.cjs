/**
 * Architecture rules from STYLE.md ("Boundaries"), checked in CI by `npm run cycles`:
 *   npx depcruise src web/src --config .dependency-cruiser.cjs
 * Type-only imports count for the boundary rules (a type from a module is still a dependency on it),
 * but not for cycles: `import type` is erased at run time, so it cannot create an initialisation cycle.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make initialisation order fragile and modules impossible to reason about alone.',
      from: {},
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only'] },
      },
    },
    {
      name: 'shared-and-standards-stay-pure',
      severity: 'error',
      comment: 'src/shared and src/standards are the foundation: they never import modules, HTTP or the database.',
      from: { path: '^src/(shared|standards)/' },
      to: { path: '^src/(modules|http|db)/' },
    },
    {
      name: 'modules-only-through-index',
      severity: 'error',
      comment:
        'A module uses another module only through its public surface, src/modules/<name>/index.ts, never its internals.',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-does-not-import-server',
      severity: 'error',
      comment: 'The web UI is a separate bundle: it talks to the server over HTTP and shares only generated API types.',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      // src/ imports spell out ".ts"; web/src imports (Vite, bundler resolution) leave the extension off.
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
