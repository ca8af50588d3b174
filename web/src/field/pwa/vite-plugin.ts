/**
 * Build step of the field app's PWA (runs in Node, inside `vite build`): emits the service
 * worker as /sw.js and writes into it what to keep for offline use — the shell page, the
 * entry chunk, the field app's chunk and every chunk and stylesheet they import, the manifest
 * and icons — with a version hash, so a new build replaces the old cache.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SOURCE = fileURLToPath(new URL('./service-worker.ts', import.meta.url));
const FIELD_SHELL = '/web/src/field/field-app.tsx';
const STATIC_FILES = ['/field', '/field.webmanifest', '/field-icon-192.png', '/field-icon-512.png', '/field-icon.svg'];

type Chunk = {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
};
type Output = Chunk | { type: 'asset'; fileName: string };

export function fieldServiceWorker(): Plugin {
  return {
    name: 'jaring-field-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: 'sw.js' });
    },
    generateBundle(_options, bundle) {
      const outputs = bundle as unknown as Record<string, Output>;
      const worker = outputs['sw.js'];
      if (worker?.type !== 'chunk') throw new Error('sw.js was not built');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const output = outputs[fileName];
        if (!output || files.has(fileName)) return;
        files.add(fileName);
        if (output.type !== 'chunk') return;
        for (const imported of output.imports) visit(imported);
        for (const css of output.viteMetadata?.importedCss ?? []) visit(css);
        for (const other of output.viteMetadata?.importedAssets ?? []) visit(other);
      };
      for (const output of Object.values(outputs))
        if (output.type === 'chunk' && output !== worker && (output.isEntry || output.facadeModuleId?.endsWith(FIELD_SHELL)))
          visit(output.fileName);
      if (![...files].some((f) => f.endsWith('.css')))
        for (const output of Object.values(outputs)) if (output.fileName.endsWith('.css')) files.add(output.fileName);
      const urls = [...STATIC_FILES, ...[...files].sort().map((f) => `/${f}`)];
      const version = createHash('sha256').update(urls.join('\n')).digest('hex').slice(0, 12);
      const marker = /(["'`])__FIELD_PRECACHE__\1/;
      if (!marker.test(worker.code)) throw new Error('the service worker lost its precache marker');
      worker.code = worker.code.replace(marker, JSON.stringify({ version, urls }));
    },
  };
}
