import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { actionSchema, NIGHT_ORDER, ROLE_IDS, ROLE_LIST } from '../../shared/game/roles/index.ts';
import { settingsSchema } from '../../shared/settings.ts';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import { roleSettingsProblem } from '../../shared/game/catalogue.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The role catalogue is found, not listed (docs/architecture.md "Adding a role"). */
describe('role catalogue', () => {
  it('[R20] node (a folder read) finds the same roles, in the same order, as Vite (import.meta.glob)', () => {
    const out = execFileSync('npx', ['tsx', '-e', "import('./shared/game/catalogue.ts').then((m) => console.log(JSON.stringify(m.ROLE_IDS)))"], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual([...ROLE_IDS]);
    expect(ROLE_IDS).toEqual(expect.arrayContaining(['villager', 'werewolf', 'seer', 'doctor', 'witch', 'hunter', 'cupid', 'tanner']));
  });

  it('[R20] [R87] every role declares words, a seer reading and, for a night role, a form; roles sharing an action kind share its shape', () => {
    const byKind = new Map<string, unknown>();
    for (const r of NIGHT_ORDER) {
      const schema = byKind.get(r.night!.kind) ?? r.night!.schema;
      expect(r.night!.schema, `${r.id} answers '${r.night!.kind}' with its shape`).toBe(schema);
      byKind.set(r.night!.kind, schema);
    }
    for (const r of ROLE_LIST) {
      expect(r.words.name.length, r.id).toBeGreaterThan(0);
      expect(['village', 'wolves']).toContain(r.seenAs);
      if (r.night) expect(r.words.night, `${r.id} has night words`).toBeDefined();
    }
  });

  it('[R20] a night action has the shape its role declares: unknown kinds and wrong shapes are refused', () => {
    const ok = (a: { kind: string } & Record<string, unknown>) => actionSchema(a.kind)?.safeParse(a).success ?? false;
    expect(ok({ kind: 'sleep' })).toBe(true);
    expect(ok({ kind: 'seer', target: 2 })).toBe(true);
    expect(ok({ kind: 'seer', target: 2, extra: 1 })).toBe(false);
    expect(ok({ kind: 'witch', heal: 'yes', poison: null })).toBe(false);
    expect(ok({ kind: 'jester', target: 1 })).toBe(false);
    // The protocol checks a role id's shape; the catalogue check is the rules'.
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, roles: { werewolf: 1, jester: 1 } }).success).toBe(true);
    expect(roleSettingsProblem({ ...DEFAULT_SETTINGS, roles: { werewolf: 1, jester: 1 } })).toMatch(/jester: unknown role/);
    expect(roleSettingsProblem({ ...DEFAULT_SETTINGS, roleOptions: { bodyguard: { noRepeat: true } } })).toBeNull();
    expect(roleSettingsProblem({ ...DEFAULT_SETTINGS, roleOptions: { bodyguard: { fly: true } } })).toMatch(/no option/);
  });
});
