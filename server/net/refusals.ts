import type { ErrorCode } from '../../shared/errors.ts';
import type { CommandName } from '../../shared/protocol.ts';

/** The field of a command whose own schema failures have their own documented code. */
const FIELD_CODES: Partial<Record<CommandName, { field: string; code: 'name/invalid' | 'settings/invalid'; type: 'string' | 'object' }[]>> = {
  'room:create': [{ field: 'name', code: 'name/invalid', type: 'string' }, { field: 'settings', code: 'settings/invalid', type: 'object' }],
  'room:join': [{ field: 'name', code: 'name/invalid', type: 'string' }],
  'room:settings': [{ field: 'patch', code: 'settings/invalid', type: 'object' }],
};

/**
 * A name of the right type but refused (empty, blank, too long) is `name/invalid`; a settings
 * patch that is an object but out of range is `settings/invalid`; anything else, including a
 * field missing or of the wrong type, is `input/invalid`.
 */
export function refusalCode(name: CommandName, payload: unknown, issues: readonly { path: readonly PropertyKey[] }[]): ErrorCode {
  const body = payload as Record<string, unknown> | null;
  for (const f of FIELD_CODES[name] ?? []) {
    const value = body && typeof body === 'object' ? body[f.field] : undefined;
    const typed = f.type === 'string' ? typeof value === 'string' : value !== null && typeof value === 'object' && !Array.isArray(value);
    if (typed && issues.every((i) => i.path[0] === f.field)) return f.code;
  }
  return 'input/invalid';
}
