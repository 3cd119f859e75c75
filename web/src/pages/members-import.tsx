import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../api/client';

interface Problem {
  index: number;
  field: string;
  message: string;
}

/** Import from a JSON file in the record format: all or nothing, with every problem listed by record and field. */
export function MembersImport() {
  const queryClient = useQueryClient();
  const [stage, setStage] = useState('');
  const upload = useMutation({
    mutationFn: async (file: File) => {
      setStage(`Reading ${file.name}…`);
      let records: unknown;
      try {
        records = JSON.parse(await file.text());
      } catch {
        throw new ApiError(400, `${file.name} is not a JSON file: export members to see the expected format.`);
      }
      setStage(`Importing ${Array.isArray(records) ? records.length : 0} records…`);
      return unwrap(await api.POST('/api/v1/members/import', { body: records as never })) as unknown as Record<string, number>;
    },
    onSettled: () => setStage(''),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  const problems = (upload.error instanceof ApiError ? upload.error.details : []) as Problem[];
  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import members</h2>
      <p className="hint">
        A JSON file of member records, as the export writes them: members are created or updated by id, all or nothing.
      </p>
      <label htmlFor="import-file">Members file (.json)</label>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        disabled={upload.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) upload.mutate(file);
          event.target.value = '';
        }}
      />
      <div role="status" aria-live="polite">
        {upload.isPending && (
          <p>
            <progress aria-label="Import progress" /> {stage}
          </p>
        )}
        {upload.isSuccess && (
          <p>
            Imported:{' '}
            {Object.entries(upload.data)
              .map(([what, count]) => `${count} ${what}`)
              .join(', ')}
            .
          </p>
        )}
      </div>
      {upload.isError && (
        <div role="alert" className="field-error">
          <p>{upload.error.message}</p>
          {problems.length > 0 && (
            <ul className="problems">
              {problems.slice(0, 200).map((problem) => (
                <li key={`${problem.index}-${problem.field}`}>
                  Record {problem.index + 1}, <code>{problem.field}</code>: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
