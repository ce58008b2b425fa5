import { h } from '../dom.ts';
import { storage } from '../storage.ts';
import { NAME_MAX } from '../../../shared/limits.ts';

export interface NameField {
  el: HTMLElement;
  /** The chosen name, or null after pointing the user at the empty field. */
  require(): string | null;
  onChange(fn: (name: string) => void): void;
}

/** The display name, remembered in localStorage and used for every room the player joins. */
export function nameField(): NameField {
  const input = h('input', { id: 'player-name', name: 'player-name', maxlength: NAME_MAX, autocomplete: 'nickname', value: storage.name, required: true, 'aria-describedby': 'player-name-hint' });
  const hint = h('small', { class: 'hint', id: 'player-name-hint' }, 'Shown to the other players. Remembered on this device.');
  const listeners: ((n: string) => void)[] = [];
  input.addEventListener('change', () => {
    storage.name = input.value;
    input.removeAttribute('aria-invalid');
    for (const fn of listeners) fn(input.value.trim());
  });
  return {
    el: h('div', { class: 'field name-field' }, h('label', { for: input.id }, 'Your name'), input, hint),
    require() {
      const v = input.value.trim();
      if (v) { storage.name = v; return v; }
      input.setAttribute('aria-invalid', 'true');
      hint.textContent = 'Choose a name first.';
      input.focus();
      return null;
    },
    onChange: (fn) => { listeners.push(fn); },
  };
}
