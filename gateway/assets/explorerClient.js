// The explorer bar's browser code, served as /explorer/explorer.js so the page's CSP needs no
// inline scripts. It reads its settings from the JSON element and only ever writes text (never
// HTML) to the page.
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  const status = document.getElementById('explorer-status');
  const setStatus = (text, isError) => {
    status.textContent = text;
    status.classList.toggle('explorer-error', Boolean(isError));
  };

  // Monaco starts its language workers from these same-origin files, never from a CDN.
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: (_moduleId, label) => config.workers[label] || config.workers.editorWorkerService,
  };

  // Every request GraphiQL makes (introspection for the docs included) waits for this, so the
  // first one already carries a token.
  let settleFirst;
  let authorization = new Promise((resolve) => {
    settleFirst = resolve;
  });
  const useAuthorization = (pending) => {
    authorization = pending;
    if (settleFirst) {
      const settle = settleFirst;
      settleFirst = undefined;
      pending.then(settle);
    }
  };

  // GraphiQL updates the operation name a moment after an edit, so a run straight after typing
  // can name an operation the document no longer has; such a stale name is dropped.
  const operationNameIn = (query, name) => {
    const words = String(query).split(/[^_0-9A-Za-z]+/);
    const defined = words.some(
      (word, index) => ['query', 'mutation', 'subscription'].includes(word) && words[index + 1] === name,
    );
    return name && defined ? name : undefined;
  };

  const fetcher = async (params, options) => {
    const headers = {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
    };
    const bearer = await authorization;
    if (bearer) headers.authorization = bearer;
    // Headers typed into GraphiQL's headers editor win, so a developer can try another token.
    for (const [name, value] of Object.entries((options && options.headers) || {}))
      headers[name.toLowerCase()] = String(value);
    const response = await fetch(config.graphqlPath, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        query: params.query,
        operationName: operationNameIn(params.query, params.operationName),
        variables: params.variables || undefined,
      }),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: 'HTTP ' + response.status + ': ' + text.slice(0, 500) }] };
    }
  };

  const errorMessage = (body, response) =>
    (body && body.errors && body.errors[0] && body.errors[0].message) || 'HTTP ' + response.status;

  if (config.identity) {
    const select = document.getElementById('explorer-user');
    const storageKey = 'joined-up.explorer.user';
    let current = config.identity.defaultUser;
    try {
      current = localStorage.getItem(storageKey) || current;
    } catch {
      // Storage may be refused (private browsing); the default user is used instead.
    }
    const requestToken = async (username) => {
      const response = await fetch(config.identity.tokenUrl + '?user=' + encodeURIComponent(username));
      const body = await response.json().catch(() => undefined);
      if (!response.ok || !body || typeof body.access_token !== 'string') throw new Error(errorMessage(body, response));
      return 'Bearer ' + body.access_token;
    };
    // Says whose token GraphiQL sends, with the identity provider's description of that user.
    let signedIn;
    const describe = () => {
      if (!signedIn) return;
      const option = [...select.options].find((candidate) => candidate.value === signedIn);
      setStatus('Signed in as ' + signedIn + (option && option.title ? ': ' + option.title : '') + '.');
    };
    let latest = 0;
    const signIn = (username, fallback) => {
      const attempt = ++latest;
      current = username;
      setStatus('Signing in as ' + username + '…');
      const pending = requestToken(username)
        .catch((error) => {
          // A remembered user the identity provider no longer knows falls back to the default.
          if (!fallback || fallback === username) throw error;
          current = fallback;
          select.value = fallback;
          return requestToken(fallback);
        })
        .then(
          (bearer) => {
            if (attempt === latest) {
              signedIn = current;
              describe();
              try {
                localStorage.setItem(storageKey, current);
              } catch {
                // Storage may be refused; the choice is simply not remembered.
              }
            }
            return bearer;
          },
          (error) => {
            if (attempt === latest) setStatus('No token for ' + current + ': ' + error.message, true);
            return undefined;
          },
        );
      useAuthorization(pending);
    };
    select.options[0].value = current;
    select.options[0].textContent = current;
    signIn(current, config.identity.defaultUser);
    fetch(config.identity.usersUrl)
      .then(async (response) => {
        const users = await response.json();
        if (!response.ok || !Array.isArray(users)) throw new Error(errorMessage(users, response));
        select.replaceChildren(
          ...users.map((user) => {
            const option = document.createElement('option');
            option.value = String(user.username);
            option.textContent = user.name + ' (' + user.username + '), ' + user.organisation;
            option.title = String(user.description || '');
            return option;
          }),
        );
        select.value = current;
        if (signedIn === current) describe();
      })
      .catch((error) => setStatus('Could not list the demo users: ' + error.message, true));
    select.addEventListener('change', () => signIn(select.value));
  } else {
    // Production-like: no demo identity provider, so the developer pastes a token of their own.
    // It is kept in memory only.
    const form = document.getElementById('explorer-token-form');
    const input = document.getElementById('explorer-token');
    setStatus('Paste a bearer token to load the schema.');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim().replace(/^Bearer\s+/i, '');
      if (!token) return setStatus('Paste a token first.', true);
      useAuthorization(Promise.resolve('Bearer ' + token));
      setStatus('GraphiQL sends the pasted token.');
    });
  }

  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('graphiql'), {
    title: config.titleHtml,
    // The bundle's initial editor text is "query"; "defaultQuery" fills new tabs.
    query: config.defaultQuery,
    defaultQuery: config.defaultQuery,
    fetcher,
  });
})();
