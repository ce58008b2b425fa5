"""How the Python bot answers a prompt: a random legal choice, from docs/protocol.md §6 and the
prompt shapes of docs/protocol-reference.md "Roles" (each prompt kind is its action's kind)."""


class Player:
    """What one seat sends as its view changes: the host's start, day actions, prompt answers."""

    def __init__(self, rng, start_when=0):
        self.rng = rng
        self.start_when = start_when
        self.started = False
        self.day_acts = set()  # day action kinds sent (§6.1)
        self.answered = set()  # (phaseId, prompt kind) answered: answer each prompt once
        self.kinds = set()  # every prompt kind answered, for the summary

    def forget(self):
        """After a resume, trust the view's marks of what is answered, not our memory (§8 step 3)."""
        self.answered.clear()

    def decide(self, v):
        """The commands (name, payload) to send for view `v` now."""
        you = v.get('you') or {}
        if v['phase'] == 'lobby':
            if you.get('isHost') and self.start_when and not self.started and len(v['players']) >= self.start_when:
                self.started = True
                return [('game:start', {})]
            return []
        sends = []
        for offer in you.get('dayActions') or []:
            # §6.1: offered only while it may be taken now; ours takes each one once, by day.
            if v['phase'] == 'day' and offer['kind'] not in self.day_acts:
                self.day_acts.add(offer['kind'])
                sends.append(('day:act', {'action': {'kind': offer['kind']}}))
        prompt = you.get('prompt')
        key = prompt and (v['phaseId'], prompt['kind'])
        if prompt and key not in self.answered:
            command = answer(self.rng, v, you, prompt)
            if command:
                self.answered.add(key)
                self.kinds.add(prompt['kind'])
                sends.append(command)
        return sends


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
