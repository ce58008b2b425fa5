/**
 * A few DOM helpers. Every piece of user text (names, chat, room names) goes in as a text node:
 * nothing here ever parses HTML.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
      else if (k === 'class') { if (v) el.className = String(v); }
      else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'selected') (el as unknown as Record<string, unknown>)[k] = v;
      else if (v === true) el.setAttribute(k, '');
      else if (v !== false && v != null) el.setAttribute(k, String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Replace a container's children, keeping keyboard focus: if the focused element had a
 * `data-key`, the new element with the same key gets the focus back. Views re-render often
 * (every vote of every player), and a keyboard user must not be thrown out of the list.
 */
export function swap(container: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  const frag = document.createDocumentFragment();
  append(frag, children);
  container.replaceChildren(frag);
  if (key) container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

/** A slot for an ack's error, announced by screen readers, shown next to the control that caused it. */
export function errorSlot(): { el: HTMLElement; show(message: string | null): void } {
  const el = h('p', { class: 'error', role: 'alert', hidden: true });
  return {
    el,
    show(message) {
      el.textContent = message ?? '';
      el.hidden = !message;
    },
  };
}

/** A labelled form field: the label above the control, a hint under it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || (control.id = `f-${Math.random().toString(36).slice(2, 9)}`);
  const hintEl = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

export function checkbox(label: string, name: string, checked: boolean, hint?: string): HTMLElement {
  const id = `f-${name}-${Math.random().toString(36).slice(2, 7)}`;
  const box = h('input', { type: 'checkbox', id, name, checked });
  const hintEl = hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) box.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field check' }, box, h('label', { for: id }, label), hintEl);
}

export function select(name: string, options: [value: string, label: string][], value: string): HTMLSelectElement {
  return h('select', { name }, ...options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
}
