import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nightActionSchema, NIGHT_ORDER, ROLE_IDS, ROLE_LIST } from '../../shared/game/roles/index.ts';
import { settingsSchema } from '../../shared/settings.ts';
import { DEFAULT_SETTINGS } from '../../shared/limits.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The role catalogue is found, not listed (docs/architecture.md "Adding a role"). */
describe('role catalogue', () => {
  it('[R20] node (a folder read) finds the same roles, in the same order, as Vite (import.meta.glob)', () => {
    const out = execFileSync('npx', ['tsx', '-e', "import('./shared/roles.ts').then((m) => console.log(JSON.stringify(m.ROLE_IDS)))"], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([...ROLE_IDS]);
    expect(ROLE_IDS).toEqual(expect.arrayContaining(['villager', 'werewolf', 'seer', 'doctor', 'witch', 'hunter', 'cupid', 'tanner']));
  });

  it('[R20] every role declares words, a seer reading and, for a night role, a form and distinct action kind', () => {
    const kinds = NIGHT_ORDER.map((r) => r.night!.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const r of ROLE_LIST) {
      expect(r.words.name.length, r.id).toBeGreaterThan(0);
      expect(['village', 'wolves']).toContain(r.seenAs);
      if (r.night) expect(r.words.night, `${r.id} has night words`).toBeDefined();
    }
  });

  it('[R20] the night:act schema is assembled from the roles: unknown kinds and wrong shapes are refused', () => {
    expect(nightActionSchema.safeParse({ kind: 'sleep' }).success).toBe(true);
    expect(nightActionSchema.safeParse({ kind: 'seer', target: 2 }).success).toBe(true);
    expect(nightActionSchema.safeParse({ kind: 'seer', target: 2, extra: 1 }).success).toBe(false);
    expect(nightActionSchema.safeParse({ kind: 'witch', heal: 'yes', poison: null }).success).toBe(false);
    expect(nightActionSchema.safeParse({ kind: 'mayor', target: 1 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, roles: { werewolf: 1, mayor: 1 } }).success).toBe(false);
  });
});
