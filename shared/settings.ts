import { z } from 'zod';
import { MAX_PLAYERS, MIN_PLAYERS } from './limits.ts';

export { CHAT_MAX, MAX_PLAYERS, MIN_PLAYERS, NAME_MAX } from './limits.ts';

/** A role id by its shape; whether the catalogue has it is the rules' check (shared/game/catalogue.ts). */
const roleId = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);

const seconds = z.number().int().min(1).max(7 * 24 * 3600);

/** Every phase's length, in seconds. Dawn and execution are announcement pauses. */
export const durationsSchema = z.strictObject({
  night: seconds,
  dawn: seconds,
  day: seconds,
  vote: seconds,
  execution: seconds,
  hunter: seconds,
});
export type Durations = z.infer<typeof durationsSchema>;

/**
 * How many of each special role to deal; villagers fill the remaining seats. A role id is any the
 * catalogue holds (shared/game/roles), checked when parsed, so a new role needs no edit here.
 */
export const roleCountsSchema = z.record(
  roleId,
  z.number().int().min(0).max(MAX_PLAYERS),
);
export type RoleCounts = z.infer<typeof roleCountsSchema>;

/**
 * The game modes a host picks from (docs/rules.md R230–R238). What each one deals is the rules'
 * (shared/game/presets.ts); here only the names, so the protocol can list them.
 */
export const PRESET_IDS = ['classic', 'balanced', 'chaos', 'aiwolf-5', 'aiwolf-15', 'custom'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const settingsSchema = z.strictObject({
  /** The room's name in the lobby. */
  name: z.string().trim().min(1).max(40),
  /** Private rooms are not listed; they are joined by invite code. */
  visibility: z.enum(['public', 'private']),
  maxSeats: z.number().int().min(MIN_PLAYERS).max(MAX_PLAYERS),
  allowSpectators: z.boolean(),
  /**
   * The game mode (R230). Absent: `classic` when `roles` is 'auto', `custom` when it holds counts
   * (rooms from before the presets).
   */
  preset: z.enum(PRESET_IDS).optional(),
  /** The hand-picked counts of the `custom` preset (R4); 'auto' is the Classic set (R3). Other presets ignore it. */
  roles: z.union([z.literal('auto'), roleCountsSchema]),
  durations: durationsSchema,
  /** What the village learns of a dead player's role. */
  reveal: z.enum(['full', 'team', 'none']),
  voteRule: z.enum(['plurality', 'majority']),
  tieRule: z.enum(['none', 'revote', 'random', 'revote-random']),
  secretVotes: z.boolean(),
  wolfChat: z.boolean(),
  deadChat: z.boolean(),
  /** Off by default: dead chat carries secrets a spectator could pass to the living. */
  spectatorsSeeDeadChat: z.boolean(),
  /**
   * The role variants switched on, by role id and option key, as the role modules declare them
   * (`options`); absent means all off.
   */
  roleOptions: z.record(roleId, z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/), z.boolean())).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsSchema.partial().extend({ durations: durationsSchema.partial().optional() });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Merge a patch into settings; returns the zod error message when the result is not valid. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): { ok: true; settings: Settings } | { ok: false; message: string } {
  const merged = { ...current, ...patch, durations: { ...current.durations, ...(patch.durations ?? {}) } };
  // A patch of the roles alone picks the mode they mean (R230): counts are Custom, 'auto' is Classic.
  if (patch.roles !== undefined && patch.preset === undefined) merged.preset = patch.roles === 'auto' ? 'classic' : 'custom';
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, settings: parsed.data };
}
