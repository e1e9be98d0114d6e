// Building the web app with Vite: development tooling (npm start, the tests), never in the app's image.
export { buildApp, builtAppFolder, builtAppIsStale } from './buildApp.ts';
