/**
 * A horizontal bar chart as a list: each item's label and value are text; the bar is an SVG
 * rect whose width is an attribute (no inline style, so the server's CSP needs no exception).
 */
import type { ComponentChildren } from 'preact';
import { formatCount } from '../format.js';

/** One bar. */
export interface Bar {
  key: string;
  label: ComponentChildren;
  value: number;
  /** Extra content after the value (a button, a note). */
  extra?: ComponentChildren;
}

/** Props of `Bars`. */
export interface BarsProps {
  bars: readonly Bar[];
  /** Names the list for screen readers. */
  label: string;
  /** The value of a full bar; default the largest value. */
  max?: number;
}

/** The chart. */
export function Bars({ bars, label, max }: BarsProps) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul class="bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key} class="bar-item">
          <span class="bar-label">{b.label}</span>
          <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect class="bar-track" x="0" y="0" width="100" height="10" />
            <rect
              class="bar-fill"
              x="0"
              y="0"
              width={top === 0 ? 0 : Math.max(b.value > 0 ? 0.5 : 0, (b.value / top) * 100)}
              height="10"
            />
          </svg>
          <span class="bar-value">{formatCount(b.value)}</span>
          {b.extra !== undefined && <span class="bar-extra">{b.extra}</span>}
        </li>
      ))}
    </ul>
  );
}
