import { registeredOperation } from '@joined-up/schema';
import type { Asset } from './explorerAssets.ts';

/**
 * Sam's record in brief: the query a new developer sees first, registered like every client's
 * (schema/operations/explorer).
 */
export const defaultExplorerQuery = registeredOperation('SamsSummary').body;

export const defaultExplorerUser = 'gp';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON for a <script type="application/json"> element: "<" escaped so "</script>" cannot end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface PageInput {
  title: string;
  graphqlPath: string;
  identityProvider: URL | undefined;
  assets: Map<string, Asset>;
}

/** The explorer's HTML: GraphiQL's mount point, the sign-in bar and the settings as JSON. */
export function renderExplorerPage({ title, graphqlPath, identityProvider, assets }: PageInput): string {
  const url = (name: string): string => {
    const asset = assets.get(name);
    if (!asset) throw new Error(`No explorer asset ${name}`);
    return `${asset.path}?v=${asset.version}`;
  };
  const base = identityProvider?.href.replace(/\/+$/, '');
  const config = {
    graphqlPath,
    defaultQuery: defaultExplorerQuery,
    // Yoga's bundle renders a string title as HTML, so it gets the escaped form.
    titleHtml: escapeHtml(title),
    workers: {
      editorWorkerService: url('editor.worker.js'),
      json: url('json.worker.js'),
      graphql: url('graphql.worker.js'),
    },
    identity: base ? { usersUrl: `${base}/users`, tokenUrl: `${base}/token`, defaultUser: defaultExplorerUser } : null,
  };
  const signIn = base
    ? `<label for="explorer-user">Demo user</label>
    <select id="explorer-user"><option value="${escapeHtml(defaultExplorerUser)}"
      selected>${escapeHtml(defaultExplorerUser)}</option></select>`
    : `<form id="explorer-token-form">
      <label for="explorer-token">Bearer token</label>
      <input id="explorer-token" type="password" autocomplete="off" spellcheck="false" placeholder="Paste an access
        token">
      <button type="submit">Use token</button>
    </form>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${url('graphiql.css')}">
  <link rel="stylesheet" href="${url('explorer.css')}">
</head>
<body>
  <header id="explorer-bar">
    <strong class="explorer-title">${escapeHtml(title)}</strong>
    ${signIn}
    <span id="explorer-status" role="status" aria-live="polite"></span>
  </header>
  <main id="graphiql"><p class="explorer-loading">Loading the explorer…</p></main>
  <noscript>The explorer needs JavaScript.</noscript>
  <script type="application/json" id="explorer-config">${scriptJson(config)}</script>
  <script src="${url('yoga-graphiql.js')}"></script>
  <script src="${url('explorer.js')}"></script>
</body>
</html>
`;
}
