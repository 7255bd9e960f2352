/**
 * The evidence for one prospect: every counted backlink from it to each competitor, with the
 * anchor in the text around it, rel, item type, first/last seen and a link to the source page.
 */
import { useState } from 'preact/hooks';
import type { EvidenceLink, ExploreQuery } from '../../../src/api/native/types.js';
import { fetchEvidence } from '../api-client.js';
import { formatDay, formatScore, plural, safeHref, shortTarget } from '../format.js';
import { queryKey } from '../url-state.js';
import { useRequest } from '../use-request.js';
import { ErrorBox, Loading } from './status.js';

/** Backlinks fetched per competitor (the count is always complete). */
const EVIDENCE_LIMIT = 200;
/** Backlinks shown per competitor before "show all". */
const FIRST_SHOWN = 5;

/** Props of `EvidencePanel`. */
export interface EvidencePanelProps {
  query: ExploreQuery;
  prospect: string;
  /** The index generation the row came from (a new build asks again). */
  generation: string;
}

/** Loads and shows the evidence when mounted (i.e. when its row is opened). */
export function EvidencePanel({ query, prospect, generation }: EvidencePanelProps) {
  const ev = useRequest(`${queryKey(query)}|${prospect}|${generation}`, (signal) =>
    fetchEvidence({ query, prospect, limit: EVIDENCE_LIMIT }, signal),
  );
  if (ev.error !== null)
    return <ErrorBox error={ev.error} title="The evidence could not be loaded" />;
  if (ev.data === null) return <Loading what="evidence" />;
  return (
    <div class="evidence">
      {ev.data.competitors.map((c, i) => (
        <EvidenceTarget
          key={`${i}:${c.target}`}
          index={i}
          target={c.target}
          total={c.total}
          links={c.links}
        />
      ))}
    </div>
  );
}

interface EvidenceTargetProps {
  index: number;
  target: string;
  total: number;
  links: EvidenceLink[];
}

function EvidenceTarget({ index, target, total, links }: EvidenceTargetProps) {
  const [all, setAll] = useState(false);
  const shown = all ? links : links.slice(0, FIRST_SHOWN);
  return (
    <section class="ev-target" aria-label={`Backlinks to ${target}`}>
      <h3>
        <span class="cnum">{index + 1}</span> {shortTarget(target)}{' '}
        <span class="hint">{total === 0 ? 'no counted backlink' : plural(total, 'backlink')}</span>
      </h3>
      {shown.length > 0 && (
        <ul class="ev-links">
          {shown.map((l, j) => (
            <EvidenceItem key={j} link={l} />
          ))}
        </ul>
      )}
      {links.length > FIRST_SHOWN && (
        <button type="button" class="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all
            ? `Show the first ${FIRST_SHOWN}`
            : `Show all ${links.length < total ? `first ${links.length} of ` : ''}${plural(total, 'backlink')}`}
        </button>
      )}
    </section>
  );
}

function EvidenceItem({ link: l }: { link: EvidenceLink }) {
  const from = safeHref(l.urlFrom);
  const anchor = l.anchor !== null && l.anchor !== '' ? l.anchor : l.alt;
  const hasContext = (l.textPre ?? '') !== '' || (l.textPost ?? '') !== '' || anchor !== null;
  return (
    <li class="ev-link">
      {hasContext && (
        <p class="ev-context">
          {l.textPre !== null && l.textPre !== '' && <>…{l.textPre} </>}
          <mark class="ev-anchor">{anchor ?? <em>(no anchor text)</em>}</mark>
          {l.textPost !== null && l.textPost !== '' && <> {l.textPost}…</>}
        </p>
      )}
      <p class="ev-urls">
        <span class="hint">from</span>{' '}
        {from === undefined ? (
          <span class="url">{l.urlFrom}</span>
        ) : (
          <a class="url" href={from} target="_blank" rel="noopener noreferrer">
            {l.urlFrom}
          </a>
        )}{' '}
        <span class="hint">to</span> <span class="url">{l.urlTo}</span>
      </p>
      <ul class="ev-facts" aria-label="Link facts">
        <li class="badge">{l.itemType}</li>
        <li class={l.dofollow ? 'badge good' : 'badge'}>{l.dofollow ? 'dofollow' : 'nofollow'}</li>
        {l.rel.length > 0 && <li class="badge">rel {l.rel.join(' ')}</li>}
        {l.isIndirect && <li class="badge">indirect (redirect/canonical)</li>}
        {l.isLost && <li class="badge warn">lost</li>}
        {l.semanticLocation !== null && l.semanticLocation !== '' && (
          <li class="badge">in {l.semanticLocation}</li>
        )}
        {l.rank !== null && <li>rank {formatScore(l.rank)}</li>}
        <li>
          first seen <time dateTime={formatDay(l.firstSeen)}>{formatDay(l.firstSeen)}</time>
        </li>
        <li>
          last seen <time dateTime={formatDay(l.lastSeen)}>{formatDay(l.lastSeen)}</time>
        </li>
      </ul>
    </li>
  );
}
