/**
 * A face for every name, drawn as inline SVG: the same name always gets the same face, on every
 * device, with no image to fetch. Bots get a robot head. Built with createElementNS, so no markup
 * is ever parsed.
 */
const NS = 'http://www.w3.org/2000/svg';

function s(tag: string, attrs: Record<string, string | number>, ...kids: SVGElement[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...kids);
  return el;
}

/** FNV-1a: small, fast and stable across browsers. */
export function nameHash(name: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) x = Math.imul(x ^ name.charCodeAt(i), 0x01000193);
  return x >>> 0;
}

const SKIN = ['#f3d2b3', '#e0ac82', '#c68a5d', '#8d5a3b', '#f6e0c8', '#b77b57'];

export function avatar(name: string, bot: boolean): SVGElement {
  const n = nameHash(name);
  const pick = (shift: number, k: number) => (n >>> shift) % k;
  const hue = n % 360;
  const bg = `hsl(${hue} 45% 34%)`;
  const hair = `hsl(${(hue + 140 + pick(9, 90)) % 360} 40% ${18 + pick(12, 25)}%)`;
  const parts: SVGElement[] = [s('circle', { cx: 20, cy: 20, r: 20, fill: bg })];
  const ink = '#1d1a22';
  if (bot) {
    const metal = `hsl(${(hue + 180) % 360} 15% 72%)`;
    parts.push(
      s('line', { x1: 20, y1: 5, x2: 20, y2: 11, stroke: metal, 'stroke-width': 2 }),
      s('circle', { cx: 20, cy: 5, r: 2.2, fill: '#ff8a80' }),
      s('rect', { x: 9, y: 11, width: 22, height: 19, rx: 4, fill: metal }),
      s('rect', { x: 12.5, y: 16, width: 5, height: 4, rx: 1, fill: ink }),
      s('rect', { x: 22.5, y: 16, width: 5, height: 4, rx: 1, fill: ink }),
      s('rect', { x: 14, y: 24, width: 12, height: 2.2, rx: 1, fill: ink }));
    return wrap(parts);
  }
  const skin = SKIN[pick(3, SKIN.length)];
  parts.push(s('circle', { cx: 20, cy: 22, r: 12, fill: skin }));
  switch (pick(6, 4)) {
    case 0: parts.push(s('path', { d: 'M8 21 Q9 8 20 8 Q31 8 32 21 Q27 13 20 14 Q13 13 8 21Z', fill: hair })); break;
    case 1: parts.push(s('path', { d: 'M7 24 Q6 7 20 7 Q34 7 33 24 L30 24 Q30 13 20 13 Q10 13 10 24Z', fill: hair })); break;
    case 2: parts.push(s('path', { d: 'M9 14 L31 14 L27 4 L13 4Z', fill: hair }), s('rect', { x: 6, y: 13, width: 28, height: 3, rx: 1.5, fill: hair })); break;
    default: parts.push(s('path', { d: 'M9 18 Q12 9 20 9 Q28 9 31 18 Q24 12 20 16 Q16 12 9 18Z', fill: hair })); break;
  }
  switch (pick(14, 3)) {
    case 0: parts.push(s('circle', { cx: 15.5, cy: 22, r: 1.6, fill: ink }), s('circle', { cx: 24.5, cy: 22, r: 1.6, fill: ink })); break;
    case 1: parts.push(s('ellipse', { cx: 15.5, cy: 22, rx: 1.4, ry: 2.2, fill: ink }), s('ellipse', { cx: 24.5, cy: 22, rx: 1.4, ry: 2.2, fill: ink })); break;
    default: parts.push(s('path', { d: 'M13.5 22.5 Q15.5 20 17.5 22.5 M22.5 22.5 Q24.5 20 26.5 22.5', stroke: ink, 'stroke-width': 1.4, fill: 'none', 'stroke-linecap': 'round' })); break;
  }
  const mouth = ['M16 27.5 Q20 31 24 27.5', 'M16.5 28.5 L23.5 28.5', 'M17 28 Q20 30 23 28'][pick(17, 3)];
  parts.push(s('path', { d: mouth, stroke: ink, 'stroke-width': 1.4, fill: 'none', 'stroke-linecap': 'round' }));
  return wrap(parts);
}

function wrap(parts: SVGElement[]): SVGElement {
  return s('svg', { viewBox: '0 0 40 40', width: 40, height: 40, 'aria-hidden': 'true', focusable: 'false', class: 'face' }, ...parts);
}
