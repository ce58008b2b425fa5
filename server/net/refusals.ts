import type { ErrorCode } from '../../shared/errors.ts';
import { type CommandName, specOf } from '../../shared/protocol.ts';

/**
 * A payload field the table declares `refusals` for (shared/commands.ts) gets its own code when
 * the value is of the right type but refused: a name that is a string but empty, blank or too long
 * is `name/invalid`; a settings patch that is an object but out of range is `settings/invalid`.
 * Anything else, including a field missing or of the wrong type, is `input/invalid`.
 */
export function refusalCode(name: CommandName, payload: unknown, issues: readonly { path: readonly PropertyKey[] }[]): ErrorCode {
  const body = payload as Record<string, unknown> | null;
  for (const f of specOf(name).refusals ?? []) {
    const value = body && typeof body === 'object' ? body[f.field] : undefined;
    const typed = f.type === 'string' ? typeof value === 'string' : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (typed && issues.every((i) => i.path[0] === f.field)) return f.code;
  }
  return 'input/invalid';
}
