import type { TestAgent } from './agent.ts';

/**
 * What an agent's packets told it that its role may not know (AIWOLF.md §1: roleMap is the agent
 * itself, and the pack for a wolf; judges, whispers, attack votes and the guard belong to their
 * roles), judged against the full roleMap of its FINISH.
 */
export function leaks(a: TestAgent): string[] {
  const truth = a.finished?.roleMap as Record<string, string> | undefined;
  if (!truth) return ['no FINISH'];
  const out: string[] = [];
  for (const line of a.lines) {
    const p = JSON.parse(line);
    if (p.request === 'FINISH') continue;
    const g = p.gameInfo;
    const whispers = [...(p.whisperHistory ?? []), ...(g?.whisperList ?? [])];
    const me = g?.agent;
    const mine = me !== undefined ? truth[me] : undefined;
    if (g) {
      for (const [i, r] of Object.entries(g.roleMap as Record<string, string>)) {
        if (Number(i) === me) { if (r !== mine) out.push(`${p.request}: own role ${r}, is ${mine}`); continue; }
        if (mine !== 'WEREWOLF' || r !== 'WEREWOLF' || truth[i] !== 'WEREWOLF') out.push(`${p.request}: told ${i} is ${r}`);
      }
      if (g.divineResult && mine !== 'SEER') out.push(`${p.request}: divineResult to a ${mine}`);
      if (g.mediumResult && mine !== 'MEDIUM') out.push(`${p.request}: mediumResult to a ${mine}`);
      if (g.guardedAgent !== -1 && mine !== 'BODYGUARD') out.push(`${p.request}: guardedAgent to a ${mine}`);
      if ((g.attackVoteList.length || g.latestAttackVoteList.length || g.attackedAgent !== -1 || Object.keys(g.remainWhisperMap).length) && mine !== 'WEREWOLF') out.push(`${p.request}: attack votes to a ${mine}`);
    }
    if (whispers.length && a.role !== 'WEREWOLF') out.push(`${p.request}: whispers to a ${a.role}`);
  }
  return out;
}
