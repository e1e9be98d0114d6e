import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const appFolder = fileURLToPath(new URL('../', import.meta.url));
/** Where `npm run build -w @joined-up/app` puts the built app. */
export const builtAppFolder = join(appFolder, 'dist', 'web');

/** Builds the web app with Vite into `outDir` (the app's dist/web by default) and returns it. */
export async function buildApp(outDir = builtAppFolder): Promise<string> {
  // Vite is a build tool: loaded only when building, never by the server that serves the result.
  const { build } = await import('vite');
  // A build is for production whatever NODE_ENV the building process has (vitest sets "test"):
  // Vite and the React plugin read it, and a development build's checks in urql would refuse
  // the registered operations, which carry no text.
  const environment = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(appFolder, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (environment === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = environment;
  }
  return outDir;
}

/** Whether the built app is older than any of its sources (or missing), as `npm start` checks. */
export function builtAppIsStale(outDir = builtAppFolder): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newest = (folder: string): number =>
    Math.max(
      0,
      ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
        entry.isDirectory() ? newest(join(folder, entry.name)) : statSync(join(folder, entry.name)).mtimeMs,
      ),
    );
  return Math.max(newest(join(appFolder, 'web')), statSync(join(appFolder, 'vite.config.ts')).mtimeMs) > built;
}
