import { CHAT_CHANNELS } from './channels.ts';
import { z } from 'zod';
import { type Talk, TALK_DEPTH, TALK_NODES, walk } from './talk.ts';

const SEAT_KINDS = ['vote', 'voted', 'attack', 'attacked', 'divination', 'guard', 'guarded', 'accuse', 'defend'] as const;
const seat = z.number().int().min(0).max(99);
const who = z.union([seat, z.literal('any')]);
/** A role id by its shape: the rules check it against the catalogue (chat/bad-talk), so a role plug-in is speakable the moment it exists. */
const role = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
const species = z.enum(['human', 'werewolf']);
const subject = who.optional();
const ref = z.strictObject({ channel: z.enum(CHAT_CHANNELS), id: z.number().int().min(1).max(1e9) });

const node: z.ZodType<Talk> = z.lazy(() => z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['claim', 'estimate']), seat: who, role, subject }),
  z.strictObject({ kind: z.enum(['divined', 'identified']), seat: who, species, subject }),
  z.strictObject({ kind: z.enum(SEAT_KINDS), seat: who, subject }),
  z.strictObject({ kind: z.enum(['agree', 'disagree']), ref, subject }),
  z.strictObject({ kind: z.enum(['request', 'inquire']), to: who, what: node, subject }),
  z.strictObject({ kind: z.literal('because'), reason: node, then: node, subject }),
  z.strictObject({ kind: z.enum(['and', 'or']), parts: z.array(node).min(2).max(TALK_NODES), subject }),
  z.strictObject({ kind: z.literal('xor'), parts: z.tuple([node, node]), subject }),
  z.strictObject({ kind: z.literal('not'), what: node, subject }),
  z.strictObject({ kind: z.literal('day'), day: z.number().int().min(0).max(99), what: node, subject }),
  z.strictObject({ kind: z.enum(['skip', 'over']) }),
])) as z.ZodType<Talk>;

/** The schema `chat:send` validates `talk` with: well-formed, catalogue roles, and small. */
export const talkSchema = node.check((ctx) => {
  let n = 0;
  for (const { depth } of walk(ctx.value)) {
    if (++n > TALK_NODES || depth > TALK_DEPTH) {
      ctx.issues.push({ code: 'custom', message: `a talk holds at most ${TALK_NODES} sentences, ${TALK_DEPTH} deep`, input: ctx.value });
      return;
    }
  }
});

