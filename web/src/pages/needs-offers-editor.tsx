import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';
import type { Level, Member, Theme, ThemeLevels } from '../api/types';
import { type Choice, ChoiceOptions } from '../components/choices';
import { ColumnHeadings } from '../components/data-table';

/** A level's option value is its number, 0 for none. */
const levelChoices = (labels: string[]): Choice[] => labels.map((label, level) => [String(level), label]);
const NEED_LEVELS = levelChoices(['Not a need', '1 · low priority', '2 · medium priority', '3 · high priority']);
const OFFER_LEVELS = levelChoices(['Not offered', '1 · basic', '2 · experienced', '3 · expert']);

function withLevel(levels: ThemeLevels, theme: string, value: number): ThemeLevels {
  const next = { ...levels };
  if (value === 0) delete next[theme];
  else next[theme] = value as Level;
  return next;
}

/** One theme's level of need or of offer, in its cell of the editor; the select is named by the theme and the column. */
function LevelCell({
  label,
  choices,
  levels,
  theme,
  disabled,
  onChange,
}: {
  label: string;
  choices: readonly Choice[];
  levels: ThemeLevels;
  theme: string;
  disabled: boolean;
  onChange: (levels: ThemeLevels) => void;
}) {
  return (
    <td>
      <select
        aria-label={label}
        disabled={disabled}
        value={levels[theme] ?? 0}
        onChange={(event) => onChange(withLevel(levels, theme, Number(event.target.value)))}
      >
        <ChoiceOptions choices={choices} />
      </select>
    </td>
  );
}

/** The 15 themes with what the city needs and offers; saved with the version it was read at. */
export function NeedsOffersEditor({ member, themes, editable }: { member: Member; themes: Theme[]; editable: boolean }) {
  const queryClient = useQueryClient();
  const [needs, setNeeds] = useState(member.needs);
  const [offers, setOffers] = useState(member.offers);
  const changed = JSON.stringify(needs) !== JSON.stringify(member.needs) || JSON.stringify(offers) !== JSON.stringify(member.offers);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/members/{id}', {
          params: { path: { id: member.id } },
          // The document describes needs and offers as bare objects: the server validates each theme and level.
          body: { needs, offers, version: member.version ?? 1 } as never,
        }),
      ) as unknown as Member,
    onSuccess: (saved) => {
      queryClient.setQueryData(['member', member.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['suggestions', member.id] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;

  return (
    <form
      className="editor"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <table>
        <caption>Needs and offers by theme</caption>
        <ColumnHeadings columns={['Theme', 'Need', 'Offer']} />
        <tbody>
          {themes.map((theme) => (
            <tr key={theme.slug}>
              <th scope="row">
                <span className="theme-label">{theme.label}</span>
                <span className="theme-description">{theme.description}</span>
              </th>
              <LevelCell
                label={`${theme.label}: need`}
                choices={NEED_LEVELS}
                levels={needs}
                theme={theme.slug}
                disabled={!editable}
                onChange={setNeeds}
              />
              <LevelCell
                label={`${theme.label}: offer`}
                choices={OFFER_LEVELS}
                levels={offers}
                theme={theme.slug}
                disabled={!editable}
                onChange={setOffers}
              />
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <div className="form-actions">
          <button type="submit" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save needs and offers'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!changed || save.isPending}
            onClick={() => {
              setNeeds(member.needs);
              setOffers(member.offers);
            }}
          >
            Discard changes
          </button>
          <p role="status" aria-live="polite" className="save-status">
            {save.isSuccess && !changed ? 'Saved. Your suggestions are being updated.' : ''}
          </p>
        </div>
      )}
      {save.isError && (
        <p role="alert" className="field-error">
          {conflict
            ? 'Someone else changed this city in the meantime. Reload the page to see their change, then edit again: your selection is still shown here.'
            : save.error.message}
        </p>
      )}
    </form>
  );
}
