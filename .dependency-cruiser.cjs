/** Import boundaries of shared/STYLE.md, checked by `npm run check`. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core has no I/O: no database, no node:*, no other layers (the browser runs it offline); zod for the shared schemas.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', 'node_modules/zod'] },
    },
    {
      name: 'rules-and-schemas-are-pure',
      comment: 'Schemas and rules import only zod and src/core (and other schemas), never the database or node:*.',
      severity: 'error',
      from: { path: '\\.(rules|schema)\\.ts$', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/core/', '\\.(schema|rules)\\.ts$', 'node_modules/zod'] },
    },
    {
      name: 'only-stores-query',
      comment: 'Nothing talks to the database except store code (and the db layer, migrations, tests, bootstrap).',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: ['\\.store\\.ts$', '\\.test\\.ts$'] },
      to: { path: 'node_modules/(kysely|pg|@electric-sql)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-meet-through-index',
      comment:
        'A module uses another module only through its public index.ts (schemas, and the chart of accounts for rules files, excepted).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: {
        path: '^src/modules/([^/]+)/',
        pathNot: [
          '^src/modules/$1/',
          '^src/modules/[^/]+/index\\.ts$',
          '\\.schema\\.ts$',
          '\\.tables\\.ts$',
          // Pure rules (savings, provisions) need account codes and cannot import an index.ts.
          '^src/modules/ledger/accounts\\.rules\\.ts$',
        ],
      },
    },
    {
      name: 'web-stays-in-the-browser',
      comment: 'The web app may share core and schemas, never server code.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: ['^src/core/', '\\.schema\\.ts$', '\\.rules\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['web/dist', '\\.tmp'] },
  },
};
