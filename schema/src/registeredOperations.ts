import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print, Source } from 'graphql';

/**
 * A client operation registered with the federation (a trusted document): every operation a
 * client in this repository sends, one per file under schema/operations/<client>/<Name>.graphql,
 * checked against every proposed schema and served by id.
 */
export interface RegisteredOperation {
  /** The client that sends it: the folder it is in (readme, bench, app, ...). */
  client: string;
  /** The operation's name, which is also its file's name. */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The file, relative to the repository root. */
  file: string;
  /** The file's text as written, comments included, so errors can point at its lines. */
  source: Source;
  document: DocumentNode;
  /** The operation as sent: printed without comments, the text its id is the hash of. */
  body: string;
  /** sha256 of the body in hex, as Apollo's persisted-query manifests and Hive's trusted documents key them. */
  id: string;
  /** The demo user a "run as <user>" comment in the file names, if any. */
  runAs: string | undefined;
}

/** The folder of registered operations. */
export const operationsFolder = fileURLToPath(new URL('../operations/', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The id of an operation's body: its sha256 in hex. */
export function operationId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Reads every registered operation. A file must hold exactly one operation, named as the file
 * is, plus any fragments it uses; names are unique across clients, since a client sends them by
 * name and the schema check reports them so.
 */
export function readRegisteredOperations(folder = operationsFolder): RegisteredOperation[] {
  const problems: string[] = [];
  const operations: RegisteredOperation[] = [];
  for (const client of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const fileName of readdirSync(join(folder, client.name)).filter((name) => name.endsWith('.graphql'))) {
      const path = join(folder, client.name, fileName);
      const file = relative(repositoryRoot, path);
      const source = new Source(readFileSync(path, 'utf8'), file);
      let document: DocumentNode;
      try {
        document = parse(source);
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
        continue;
      }
      const definitions = document.definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      const name = fileName.replace(/\.graphql$/, '');
      if (definitions.length !== 1 || definitions[0]!.name?.value !== name) {
        problems.push(`${file}: must hold exactly one operation, named ${name}`);
        continue;
      }
      const body = print(document);
      operations.push({
        client: client.name,
        name,
        type: definitions[0]!.operation,
        file,
        source,
        document,
        body,
        id: operationId(body),
        runAs: /run as ([a-z][a-z-]*)/.exec(source.body)?.[1],
      });
    }
  }
  const seen = new Map<string, string>();
  for (const operation of operations) {
    const earlier = seen.get(operation.name);
    if (earlier) problems.push(`${operation.file}: the name ${operation.name} is already registered by ${earlier}`);
    seen.set(operation.name, operation.file);
  }
  if (problems.length > 0) throw new Error(`The registered operations are invalid:\n  - ${problems.join('\n  - ')}`);
  return operations.sort((a, b) => a.file.localeCompare(b.file));
}

/** One registered operation by name, or an error naming the folder to add it to. */
export function registeredOperation(name: string, operations = readRegisteredOperations()): RegisteredOperation {
  const found = operations.find((operation) => operation.name === name);
  if (!found) throw new Error(`No operation named ${name} is registered under schema/operations/.`);
  return found;
}
