import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App.tsx';
import { readConfig } from './config.ts';
import { createGraphQLClient } from './graphql/createGraphQLClient.ts';
import './styles.scss';

const config = readConfig();
const client = createGraphQLClient(config.gatewayUrl);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <App config={config} />
    </Provider>
  </StrictMode>,
);
