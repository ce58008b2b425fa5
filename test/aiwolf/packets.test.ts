import { describe, expect, it } from 'vitest';
import { capturesDir, distill, hasCaptures, readCaptures, render } from '../../scripts/aiwolf-shapes.ts';
import { encode, type Packet } from '../../server/aiwolf/packet.ts';
import { captured, committed, exemplars, shapeProblems, SOURCE } from '../helpers/aiwolf/shapes.ts';

/** The same object with every key order reversed, so that only encode() can put them right. */
function scrambled(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scrambled);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, scrambled(x)]));
  return v;
}

describe(`packets against the reference's shapes (${SOURCE})`, () => {
  it('encode() lays out every request form as the reference does, whatever order its input came in', () => {
    const all = exemplars();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const { request, packet } of all) {
      const line = JSON.stringify(packet);
      expect(encode(scrambled(packet) as Packet), request).toBe(line);
      expect(shapeProblems([line]), request).toEqual([]);
    }
    // A line written by hand from AIWOLF.md, not from any shape: the bare NAME request.
    expect(encode(scrambled(JSON.parse(NAME)) as Packet)).toBe(NAME);
  });

  it('the shape check catches what would break a real agent: a missing key, a null whisperHistory, a reordered gameInfo', () => {
    const p = exemplars().find((e) => e.request === 'DAILY_INITIALIZE')!.packet as { gameInfo: Record<string, unknown> };
    expect(shapeProblems([JSON.stringify(p)])).toEqual([]);
    const { divineResult: _, ...missing } = p.gameInfo;
    expect(shapeProblems([JSON.stringify({ ...p, gameInfo: missing })]).join()).toMatch(/keys/);
    const talk = JSON.stringify(exemplars().find((e) => e.request === 'TALK')!.packet);
    expect(shapeProblems([talk.replace(/"whisperHistory":\[.*\]\}$/, '"whisperHistory":null}')]).join()).toMatch(/form/);
    const { agent, ...rest } = p.gameInfo;
    expect(shapeProblems([JSON.stringify({ ...p, gameInfo: { ...rest, agent } })]).join()).toMatch(/keys/);
  });

  // Only where the captures are (they are not in the repository); on a clean clone the two tests
  // above check the same layout against the committed distillation.
  it.runIf(hasCaptures())(`encode() gives back every captured line byte for byte (captures: ${capturesDir()})`, () => {
    let n = 0;
    for (const c of captured()!) {
      if (!c.line) continue;
      // A Java long does not survive a JavaScript number; the bridge only ever sends small seeds.
      const line = c.line.replace(/"randomSeed":-?\d+/, '"randomSeed":12345');
      expect(encode(JSON.parse(line) as Packet)).toBe(line);
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });

  it.runIf(hasCaptures())('test/fixtures/aiwolf-shapes.json is current with the captures (else: npm run aiwolf:shapes)', () => {
    expect(render(committed())).toBe(render(distill(readCaptures())));
  });
});

const NAME = '{"gameInfo":null,"gameSetting":null,"request":"NAME","talkHistory":null,"whisperHistory":null}';
