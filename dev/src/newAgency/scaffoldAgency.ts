import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a new agency is called and where it runs, as `npm run new-agency` is given them. */
export interface NewAgency {
  /** Service name: lower-case words joined by dashes, such as housing. */
  name: string;
  /** The data controller's name, such as Riverside Homes. */
  display: string;
  /** Development port. */
  port: number;
  /** The agency's sector. @default name */
  sector: string;
  /** The code of the agency's own organisation (an ODS code in production). */
  organisationCode: string;
}

const templates = fileURLToPath(new URL('../../templates/agency/', import.meta.url));

/** The words a template's placeholders stand for. */
export function placeholdersOf(agency: NewAgency, versions: Record<string, string>): Record<string, string> {
  const field = agency.name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  const environment = agency.name.toUpperCase().replace(/-/g, '_');
  return {
    __NAME__: agency.name,
    __DISPLAY__: agency.display,
    __FIELD__: field,
    __TYPE__: `${field.charAt(0).toUpperCase()}${field.slice(1)}`,
    __ENV__: `${environment}_`,
    __DB__: agency.name.replace(/-/g, '_'),
    // The database role the subgraph serves as; its owner (__DB__) migrates.
    __RUNTIME_ROLE__: `${agency.name.replace(/-/g, '_')}_runtime`,
    __PORT__: String(agency.port),
    __SECTOR__: agency.sector,
    __ORGANISATION_CODE__: agency.organisationCode,
    ...Object.fromEntries(Object.entries(versions).map(([name, version]) => [`__VERSION_${name}__`, version])),
  };
}

/** Replaces every placeholder in a template's text. */
export function fillTemplate(text: string, placeholders: Record<string, string>): string {
  return text.replace(/__[A-Z_]+(?:_[a-z@/.-]+)?__/g, (token) => {
    const value = placeholders[token];
    if (value === undefined) throw new Error(`The template placeholder ${token} has no value.`);
    return value;
  });
}

/** The compose services (subgraph and its database) of a new agency, from the template. */
export function composeSnippet(placeholders: Record<string, string>): string {
  return fillTemplate(readFileSync(join(templates, 'compose.yml'), 'utf8'), placeholders);
}

/**
 * Writes subgraphs/<name> from the templates: SDL with a Person field guarded by @policy, the
 * policy with its reasons, tables, loaders, resolvers, seed with Sam's entry, entry point,
 * Dockerfile, package.json and tests. Returns the files written, relative to the repository.
 */
export function scaffoldAgency(root: string, agency: NewAgency, versions: Record<string, string>): string[] {
  const folder = join(root, 'subgraphs', agency.name);
  if (existsSync(folder)) throw new Error(`subgraphs/${agency.name} already exists.`);
  const placeholders = placeholdersOf(agency, versions);
  cpSync(templates, folder, { recursive: true, filter: (path) => !path.endsWith('compose.yml') });
  const written: string[] = [];
  const fill = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) {
        fill(full);
        continue;
      }
      writeFileSync(full, fillTemplate(readFileSync(full, 'utf8'), placeholders));
      const renamed = join(path, fillTemplate(entry, placeholders));
      if (renamed !== full) renameSync(full, renamed);
      written.push(renamed.slice(root.length + 1));
    }
  };
  fill(folder);
  return written.sort();
}
