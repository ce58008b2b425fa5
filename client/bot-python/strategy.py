"""How the Python bot answers a prompt: a random legal choice, from docs/protocol.md §6 and the
prompt shapes of docs/protocol-reference.md "Roles" (each prompt kind is its action's kind)."""


def pick(rng, seats, avoid=()):
    choices = [s for s in seats if s not in avoid] or list(seats)
    return rng.choice(choices) if choices else None


def answer(rng, v, you, p):
    """The command (name, payload) answering prompt `p` of view `v` (§6), or None: nothing to send."""
    kind, me = p['kind'], you.get('seat')
    targets = p.get('targets') or []
    if kind == 'ready':
        return None if p.get('done') else ('day:ready', {})
    if kind == 'vote':
        if 'current' in p:  # absent before you vote (§9.1)
            return None
        return ('vote:cast', {'target': pick(rng, targets, avoid=[me] + (you.get('pack') or []))})
    if kind == 'hunter':
        return ('hunter:shoot', {'target': pick(rng, targets)})
    # Everything else is a night prompt: answered once a night (`you.acted`).
    if you.get('acted') or v['phase'] != 'night':
        return None
    if kind == 'sleep':
        action = {'kind': 'sleep'}
    elif kind == 'witch':
        heal = bool(p.get('canHeal')) and p.get('victim') is not None
        action = {'kind': 'witch', 'heal': heal, 'poison': None}
    elif kind == 'cupid':
        action = {'kind': 'cupid', 'targets': rng.sample(targets, 2)}
    elif 'targets' not in p:
        action = {'kind': kind, kind: False}  # a yes/no prompt (the little girl's peek): no
    elif 'current' in p:  # the pack's prompt shape: { targets, current, victims?, second? }
        if p.get('current') is not None:
            return None
        # The white werewolf's targets also hold, on his nights, the werewolves he may kill
        # (`wolves`, sent as `kill`): the pack's prey are the others.
        prey = [s for s in targets if s not in (p.get('wolves') or []) and s not in (you.get('pack') or [])]
        if not prey:
            return None
        action = {'kind': kind, 'target': pick(rng, prey)}
        if p.get('victims') == 2 and len(prey) > 1:  # the night after the wolf cub died: a second victim (R121)
            action['second'] = pick(rng, prey, avoid=[action['target']])
    elif targets:
        action = {'kind': kind, 'target': pick(rng, targets)}  # the { kind, targets } convention
    else:
        return None
    return ('night:act', {'action': action})
