import type { AppClientConfig } from '../src/AppClientConfig.ts';

/** The config the app server put in the page (see createAppServer). */
export function readConfig(): AppClientConfig {
  const element = document.getElementById('app-config');
  if (!element?.textContent) throw new Error('The page carries no app config: serve it with the app server.');
  return JSON.parse(element.textContent) as AppClientConfig;
}
