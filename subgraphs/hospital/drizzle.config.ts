import { defineConfig } from 'drizzle-kit';

// `npm run generate-migrations -w @joined-up/hospital` writes new SQL into ./drizzle from the table
// definitions in src/tables.ts; the generated files are committed and applied on start, after the
// kit's own (the audit, sharing decisions and care team every agency keeps).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/tables.ts',
  out: './drizzle',
});
