import { defineConfig } from 'drizzle-kit';

// `npm run generate-migrations` writes new SQL into ./drizzle from the table definitions;
// the generated files are committed and applied on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/tables.ts',
  out: './drizzle',
});
