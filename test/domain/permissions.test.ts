import { describe, expect, it } from '@jest/globals';
import { can, type Action, type Actor } from '../../server/domain/permissions.js';

const translator: Actor = { id: 't', name: 't', role: 'translator', locales: ['my'] };
const editor: Actor = { id: 'e', name: 'e', role: 'editor', locales: ['my', 'km'] };
const admin: Actor = { id: 'a', name: 'a', role: 'admin', locales: [] };

describe('can', () => {
  it.each<[string, Actor | undefined, Action, string | undefined, boolean]>([
    ['anonymous readers cannot translate', undefined, 'translate', 'my', false],
    ['anonymous readers cannot see work in progress', undefined, 'read_work', 'my', false],
    ['a translator translates a granted locale', translator, 'translate', 'my', true],
    ['a translator cannot translate another locale', translator, 'translate', 'km', false],
    ['a translator cannot review', translator, 'review', 'my', false],
    ['an editor reviews a granted locale', editor, 'review', 'km', true],
    ['an editor cannot review another locale', editor, 'review', 'th', false],
    ['an editor cannot manage accounts', editor, 'manage_accounts', undefined, false],
    ['an admin reviews any locale', admin, 'review', 'th', true],
    ['an admin manages locales', admin, 'manage_locales', undefined, true],
    ['a locale-scoped action needs a locale', translator, 'translate', undefined, false],
    ['an editor of the source locale corrects the source', editor, 'correct_source', 'my', true],
    ['an editor of another locale cannot correct an English source', editor, 'correct_source', 'en', false],
    ['a translator of the source locale cannot correct the source', translator, 'correct_source', 'my', false],
    ['an admin corrects any source', admin, 'correct_source', 'en', true],
    ['an editor cannot create or archive statements', editor, 'manage_statements', undefined, false],
  ])('%s', (_name, actor, action, locale, expected) => {
    expect(can(actor, action, locale)).toBe(expected);
  });
});
