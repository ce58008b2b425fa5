/// <reference types="vite/client" />
import { z } from 'zod';
import type { RoleId, Team } from '../../roles.ts';
import type { NightAction } from '../types.ts';
import type { RoleModule } from './role.ts';
import { registry } from './registry.ts';

export { roleOf } from './util.ts';
export type { RoleModule } from './role.ts';

/**
 * The role catalogue, discovered: every module in this folder that exports a RoleModule is a role,
 * so adding one edits no list. Vite (the browser bundle, vitest) lists the folder at build time;
 * under node the folder is read once at start (shared/role-files.ts), hence the top-level await.
 */
/** A specifier in a variable keeps the node-only loader (node:fs) out of the browser bundle. */
const NODE_LOADER = '../../role-files.ts';
// Helper modules of the folder are loaded too and simply export no role; this file must not load itself.
const found: Record<string, unknown> = import.meta.env
  ? import.meta.glob(['./*.ts', '!./index.ts'], { eager: true })
  : await (await import(/* @vite-ignore */ NODE_LOADER)).importFolder(import.meta.url, (f: string) => f === 'index.ts');

const isRole = (x: unknown): x is RoleModule =>
  typeof x === 'object' && x !== null && typeof (x as RoleModule).id === 'string' && typeof (x as RoleModule).words === 'object' && typeof (x as RoleModule).team === 'string';

/** Every role, in declared order (then by id), whatever the order of the files. */
export const ROLE_LIST: readonly RoleModule[] = Object.values(found)
  .flatMap((m) => Object.values(m as Record<string, unknown>).filter(isRole))
  .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

for (const m of ROLE_LIST) {
  if (registry.has(m.id)) throw new Error(`two role modules declare '${m.id}'`);
  registry.set(m.id, m);
}

export const ROLE_MODULES: ReadonlyMap<RoleId, RoleModule> = registry;
export const ROLE_IDS: readonly RoleId[] = ROLE_LIST.map((r) => r.id);
export const isRoleId = (id: unknown): id is RoleId => typeof id === 'string' && registry.has(id);
export { moduleOf } from './registry.ts';

/** Night roles in the order their actions resolve at dawn (R20). */
export const NIGHT_ORDER: readonly RoleModule[] = ROLE_LIST.filter((r) => r.night).sort((a, b) => a.night!.priority - b.night!.priority);

/** One step of the dawn (R20): a night role's resolution, or a role's passive one (`dawn`). */
export interface DawnStep { role: RoleModule; priority: number; resolve: NonNullable<RoleModule['dawn']>['resolve'] }

/** Every dawn step in priority order (then role order): what `resolveNight` runs, for the roles dealt. */
export const DAWN_ORDER: readonly DawnStep[] = ROLE_LIST.flatMap((role): DawnStep[] => [
  ...(role.night ? [{ role, priority: role.night.priority, resolve: role.night.resolve }] : []),
  ...(role.dawn ? [{ role, priority: role.dawn.priority, resolve: role.dawn.resolve }] : []),
]).sort((a, b) => a.priority - b.priority);

// Several roles may answer one kind (the pack's roles all pick a victim): the first in night order names its prompt.
const byKind = new Map<string, RoleModule>();
for (const r of NIGHT_ORDER) if (!byKind.has(r.night!.kind)) byKind.set(r.night!.kind, r);
/** The role whose night action (and prompt) has this kind. */
export const roleOfKind = (kind: string): RoleModule | undefined => byKind.get(kind);

export function teamOf(role: RoleId): Team {
  return registry.get(role)?.team ?? 'village';
}

const sleep = z.strictObject({ kind: z.literal('sleep') });

const dayRoles = new Map(ROLE_LIST.filter((r) => r.day).map((r) => [r.day!.kind, r]));
/** The role whose day action has this kind (R82). */
export const roleOfDayKind = (kind: string): RoleModule | undefined => dayRoles.get(kind);
/** The schema of the day action of this kind (R82); undefined for no such action. */
export const actionSchemaOfDay = (kind: string): z.ZodType | undefined => dayRoles.get(kind)?.day?.schema;

/** The schema of the night action of this kind: a role's declared shape, or sleep (R7); undefined for no such action. */
export function actionSchema(kind: string): z.ZodType | undefined {
  return kind === 'sleep' ? sleep : byKind.get(kind)?.night?.schema;
}
