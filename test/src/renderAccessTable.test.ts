import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAccessTable } from './renderAccessTable.ts';

describe("the README's who-sees-what table", () => {
  it('is the table the end-to-end access matrix checks', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // Regenerate with: node --import tsx -e "import('./test/src/renderAccessTable.ts').then((m) => console.log(m.renderAccessTable()))"
    expect(readme).toContain(renderAccessTable());
  });
});
