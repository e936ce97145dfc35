// Every include names its file from the views folder ('/partials/head'): EJS resolves such a name
// against its `root` option with no file lookup, where a relative name costs a lookup on every
// include of every render. And every name resolves to a template that exists.
import { expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VIEWS_DIR } from '../../server/http/views.js';

const templates = readdirSync(VIEWS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ejs'));

it('finds the templates', () => {
  expect(templates.length).toBeGreaterThan(20);
});

it.each(templates)('%s includes templates by their name from the views folder, and each exists', (file) => {
  const names = [...readFileSync(path.join(VIEWS_DIR, file), 'utf8').matchAll(/include\(\s*(['"`])([^'"`]+)\1/g)].map((m) => m[2]!);
  for (const name of names) {
    expect(name).toMatch(/^\/[a-z-]+(\/[a-z-]+)*$/);
    expect(existsSync(path.join(VIEWS_DIR, `${name}.ejs`))).toBe(true);
  }
});
