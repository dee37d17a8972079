// ApiBaseField: the replay API base — preset or custom origin, where requests go, and host access.
import { useEffect, useState } from 'preact/hooks';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import { selectApiAccess } from '../lib/replay/selectors';
import { API_BASE_PRESETS } from '../lib/uqudo/info-api';
import { AccessRow } from './AccessRow';

/** Props of {@link ApiBaseField}. */
export interface ApiBaseFieldProps {
  replay: ReplayState;
  actions: ReplayActions;
}

/** The "API base" group: a preset select, a custom origin form, the resolved origin and access. */
export function ApiBaseField({ replay, actions }: ApiBaseFieldProps) {
  const [customBase, setCustomBase] = useState(replay.apiBase.custom);
  useEffect(() => setCustomBase(replay.apiBase.custom), [replay.apiBase.custom]);
  const origin = replay.apiOrigin;
  return (
    <fieldset class="replay-group">
      <legend>API base</legend>
      <div class="replay-row">
        <select
          value={replay.apiBase.preset}
          // onInput: browsers fire it for <select> too, and preact/compat maps onChange to it anyway.
          onInput={(event) =>
            actions.selectApiBase({
              preset: event.currentTarget.value as ReplayState['apiBase']['preset'],
            })
          }
          data-testid="replay-base-select"
          aria-label="API base"
        >
          {API_BASE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
        {replay.apiBase.preset === 'custom' && (
          <form
            class="replay-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              actions.selectApiBase({ custom: customBase });
            }}
          >
            <input
              type="url"
              placeholder="https://id.uqudo.io"
              value={customBase}
              onInput={(event) => setCustomBase(event.currentTarget.value)}
              onBlur={() => actions.selectApiBase({ custom: customBase })}
              data-testid="replay-base-custom"
              aria-label="Custom API base"
              spellcheck={false}
            />
            <button type="submit" data-testid="replay-base-apply">
              Use
            </button>
          </form>
        )}
      </div>
      {replay.apiBaseError ? (
        <p class="level-bad" data-testid="replay-base-error">
          {replay.apiBaseError}
        </p>
      ) : (
        <p class="muted">
          Requests go to <code data-testid="replay-origin">{origin}</code>
        </p>
      )}
      {origin && (
        <AccessRow
          origin={origin}
          state={selectApiAccess(replay)}
          onRequest={() => void actions.requestAccess()}
        />
      )}
    </fieldset>
  );
}
