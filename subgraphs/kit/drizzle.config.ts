import { defineConfig } from 'drizzle-kit';

// `npm run generate-migrations -w @joined-up/kit` writes the kit's own migrations, for the tables
// it keeps in every agency's database; openDatabase applies them before the agency's own.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/governanceTables.ts',
  out: './drizzle',
});
