// The web app's server side: what serves the built app, and the tools that build it.
export type { AppClientConfig, DemoSignIn, OidcSignIn } from './AppClientConfig.ts';
export { createAppServer, type AppServerOptions } from './createAppServer.ts';
export { loadAppConfig, type AppConfig } from './loadAppConfig.ts';
export { startApp, type StartAppOptions } from './startApp.ts';
