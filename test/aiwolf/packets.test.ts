import { describe, expect, it } from 'vitest';
import { encode, type Packet } from '../../server/aiwolf/packet.ts';
import { captured, shapeProblems } from '../helpers/aiwolf/shapes.ts';


describe('packets against the captured reference packets', () => {
  it('encode() gives back every captured line byte for byte', () => {
    let n = 0;
    for (const c of captured()) {
      if (!c.line) continue;
      // A Java long does not survive a JavaScript number; the bridge only ever sends small seeds.
      const line = c.line.replace(/"randomSeed":-?\d+/, '"randomSeed":12345');
      expect(encode(JSON.parse(line) as Packet)).toBe(line);
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });

  it('the shape check catches what would break a real agent: a missing key, a null whisperHistory, a reordered gameInfo', () => {
    const good = captured().find((c) => c.request === 'DAILY_INITIALIZE' && c.line)!.line!;
    expect(shapeProblems([good])).toEqual([]);
    const p = JSON.parse(good);
    const { divineResult: _, ...missing } = p.gameInfo;
    expect(shapeProblems([JSON.stringify({ ...p, gameInfo: missing })]).join()).toMatch(/keys/);
    const talk = captured().find((c) => c.request === 'TALK' && c.line)!.line!;
    expect(shapeProblems([talk.replace('"whisperHistory":[]', '"whisperHistory":null')]).join()).toMatch(/form/);
    const { agent, ...rest } = p.gameInfo;
    expect(shapeProblems([JSON.stringify({ ...p, gameInfo: { ...rest, agent } })]).join()).toMatch(/keys/);
  });
});
