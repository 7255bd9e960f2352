/**
 * The Ask form: competitors, my sites and the options that narrow which backlinks count.
 * Choices for language, country and platform come from what the index has seen.
 */
import type { ExploreStatus, IndexSummary, SiteScope } from '../../../src/api/native/types.js';
import {
  type FieldError,
  type FormDraft,
  filledCompetitors,
  MAX_COMPETITORS,
  MAX_MY_SITES,
} from '../draft.js';
import { countryName, languageName, platformName } from '../names.js';
import { FieldMessage, invalidProps } from './field-error.js';
import { SiteList } from './site-list.js';

const COMPETITOR_SCOPES: readonly SiteScope[] = ['auto', 'subdomains', 'host', 'page'];
const MY_SCOPES: readonly SiteScope[] = ['auto', 'subdomains', 'host', 'page', 'prefix'];

/** Props of `AskForm`. */
export interface AskFormProps {
  draft: FormDraft;
  onDraft: (d: FormDraft) => void;
  errors: readonly FieldError[];
  summary: IndexSummary | null;
  busy: boolean;
  onSubmit: () => void;
  onExample: () => void;
}

/** The form; `onSubmit` runs on Enter in any input or on the button. */
export function AskForm({
  draft,
  onDraft,
  errors,
  summary,
  busy,
  onSubmit,
  onExample,
}: AskFormProps) {
  const set = <K extends keyof FormDraft>(key: K, value: FormDraft[K]) =>
    onDraft({ ...draft, [key]: value });
  const filled = filledCompetitors(draft);
  const kMax = Math.max(filled, Number(draft.minMatching) || 0);
  const hasExample = summary !== null && summary.topTargets.length > 0;
  const top = summary?.topTargets.map((t) => t.domain) ?? [];
  const example = `${top.slice(0, 3).join(', ')}${top[3] === undefined ? '' : ` vs ${top[3]}`}`;
  return (
    <form
      class="ask"
      aria-labelledby="ask-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div class="ask-head">
        <h1 id="ask-title">Who links to my competitors but not to me?</h1>
        {hasExample && (
          <button type="button" class="secondary" onClick={onExample} title={example}>
            Try an example
            <span class="button-note"> ({example})</span>
          </button>
        )}
      </div>
      <div class="ask-grid">
        <fieldset id="f-competitors" class="sites" tabIndex={-1}>
          <legend>
            Competitors <span class="hint">1–{MAX_COMPETITORS}: a domain, host or URL</span>
          </legend>
          <FieldMessage errors={errors} id="f-competitors" />
          <SiteList
            prefix="c"
            noun="competitor"
            rows={draft.competitors}
            scopes={COMPETITOR_SCOPES}
            max={MAX_COMPETITORS}
            placeholder="competitor.com"
            errors={errors}
            onRows={(rows) =>
              set('competitors', rows.length > 0 ? rows : [{ value: '', scope: 'auto' }])
            }
          />
        </fieldset>
        <fieldset id="f-mySites" class="sites" tabIndex={-1}>
          <legend>
            My sites{' '}
            <span class="hint">
              0–{MAX_MY_SITES}: prospects already linking to them are left out
            </span>
          </legend>
          <FieldMessage errors={errors} id="f-mySites" />
          <SiteList
            prefix="m"
            noun="my site"
            rows={draft.mySites}
            scopes={MY_SCOPES}
            max={MAX_MY_SITES}
            placeholder="my-site.com"
            errors={errors}
            onRows={(rows) => set('mySites', rows)}
          />
        </fieldset>
        <fieldset class="options">
          <legend>Options</legend>
          <div class="option-grid">
            <fieldset class="inline-choice" id="f-mode" tabIndex={-1}>
              <legend>Show</legend>
              <label for="f-mode-domains">
                <input
                  type="radio"
                  id="f-mode-domains"
                  name="mode"
                  value="domains"
                  checked={draft.mode === 'domains'}
                  onChange={() => set('mode', 'domains')}
                />{' '}
                referring domains
              </label>
              <label for="f-mode-pages">
                <input
                  type="radio"
                  id="f-mode-pages"
                  name="mode"
                  value="pages"
                  checked={draft.mode === 'pages'}
                  onChange={() => set('mode', 'pages')}
                />{' '}
                referring pages
              </label>
            </fieldset>
            <div class="field">
              <label for="f-minMatching">Links to at least</label>
              <select
                id="f-minMatching"
                value={draft.minMatching}
                onChange={(e) => set('minMatching', e.currentTarget.value)}
                {...invalidProps(errors, 'f-minMatching')}
              >
                <option value="">all of them</option>
                {Array.from({ length: Math.max(kMax, 1) }, (_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {i + 1} of {Math.max(filled, 1)}
                  </option>
                ))}
                {draft.minMatching !== '' && !(Number(draft.minMatching) >= 1) && (
                  <option value={draft.minMatching}>{draft.minMatching}</option>
                )}
              </select>
              <FieldMessage errors={errors} id="f-minMatching" />
            </div>
            <NumberField
              id="f-minDomainRank"
              label="Min domain rank"
              value={draft.minDomainRank}
              placeholder="0–100"
              errors={errors}
              onValue={(v) => set('minDomainRank', v)}
            />
            <NumberField
              id="f-maxSpamScore"
              label="Max spam score"
              value={draft.maxSpamScore}
              placeholder="0–100"
              errors={errors}
              onValue={(v) => set('maxSpamScore', v)}
            />
            <ChoiceField
              id="f-language"
              label="Language"
              value={draft.language}
              choices={summary?.languages ?? []}
              name={languageName}
              errors={errors}
              onValue={(v) => set('language', v)}
            />
            <ChoiceField
              id="f-country"
              label="Country"
              value={draft.country}
              choices={summary?.countries ?? []}
              name={countryName}
              errors={errors}
              onValue={(v) => set('country', v)}
            />
            <ChoiceField
              id="f-platform"
              label="Platform type"
              value={draft.platform}
              choices={summary?.platforms ?? []}
              name={platformName}
              errors={errors}
              onValue={(v) => set('platform', v)}
            />
            <div class="field">
              <label for="f-firstSeenAfter">First seen after</label>
              <input
                id="f-firstSeenAfter"
                type="date"
                value={draft.firstSeenAfter}
                onInput={(e) => set('firstSeenAfter', e.currentTarget.value)}
                {...invalidProps(errors, 'f-firstSeenAfter')}
              />
              <FieldMessage errors={errors} id="f-firstSeenAfter" />
            </div>
            <div class="field">
              <label for="f-status" title="Live: seen at the last crawl of the linking page">
                Backlinks
              </label>
              <select
                id="f-status"
                value={draft.status}
                onChange={(e) => set('status', e.currentTarget.value as ExploreStatus)}
                {...invalidProps(errors, 'f-status')}
              >
                <option value="live">live</option>
                <option value="lost">lost</option>
                <option value="all">live and lost</option>
              </select>
              <FieldMessage errors={errors} id="f-status" />
            </div>
            <div class="checks">
              <label for="f-dofollowOnly">
                <input
                  type="checkbox"
                  id="f-dofollowOnly"
                  checked={draft.dofollowOnly}
                  onChange={(e) => set('dofollowOnly', e.currentTarget.checked)}
                />{' '}
                dofollow only
              </label>
              <label for="f-excludeTechnicalHosts">
                <input
                  type="checkbox"
                  id="f-excludeTechnicalHosts"
                  checked={draft.excludeTechnicalHosts}
                  onChange={(e) => set('excludeTechnicalHosts', e.currentTarget.checked)}
                />{' '}
                exclude technical hosts <span class="hint">(CDNs, fonts, analytics…)</span>
              </label>
            </div>
          </div>
        </fieldset>
      </div>
      <div class="ask-actions">
        <button type="submit" class="primary" aria-describedby="ask-status">
          Find prospects
        </button>
        <span id="ask-status" class="status-text" role="status">
          {busy ? 'Searching…' : ''}
        </span>
      </div>
    </form>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  errors: readonly FieldError[];
  onValue: (v: string) => void;
}

function NumberField({ id, label, value, placeholder, errors, onValue }: NumberFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        {...invalidProps(errors, id)}
      />
      <FieldMessage errors={errors} id={id} />
    </div>
  );
}

interface ChoiceFieldProps {
  id: string;
  label: string;
  value: string;
  choices: readonly string[];
  name: (code: string) => string;
  errors: readonly FieldError[];
  onValue: (v: string) => void;
}

function ChoiceField({ id, label, value, choices, name, errors, onValue }: ChoiceFieldProps) {
  // A value from a shared link that this index has not seen is still shown, not dropped.
  const all = value !== '' && !choices.includes(value) ? [value, ...choices] : choices;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        {...invalidProps(errors, id)}
      >
        <option value="">any</option>
        {all.map((c) => (
          <option key={c} value={c}>
            {name(c)}
          </option>
        ))}
      </select>
      <FieldMessage errors={errors} id={id} />
    </div>
  );
}
