// The customer account directory: thousands of rows stay fast because only one page is rendered.
import Papa from 'papaparse';
import { useMemo, useState } from 'preact/hooks';
import { formatPath } from '../../engine/policy.ts';
import { type Account, AccountSchema } from '../../engine/schemas/policy.ts';
import { isLocked } from '../../shared/settings/managed-locks.ts';
import { Issues, LockedNote, Section, type SectionProps, splitList } from './common.tsx';

export const PAGE_SIZE = 50;

export interface CsvPreview {
  accounts: Account[];
  /** `row 3: domains[0]: not a domain` (row numbers as a spreadsheet shows them, header = row 1). */
  errors: string[];
}

/** Reads a CSV with a header of id, name, aliases, domains, contacts (lists separated by ; or |). */
export function parseAccountsCsv(text: string): CsvPreview {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: string[] = parsed.errors.map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const accounts: Account[] = [];
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('id') || !fields.includes('name')) {
    return { accounts, errors: ['header: needs at least the columns id and name'] };
  }
  const list = (v: string | undefined) => (v ? splitList(v) : undefined);
  parsed.data.forEach((row, i) => {
    const candidate: Record<string, unknown> = { id: row.id?.trim() ?? '', name: row.name?.trim() ?? '' };
    for (const key of ['aliases', 'domains', 'contacts'] as const) {
      const values = list(row[key]);
      if (values && values.length > 0) candidate[key] = values;
    }
    const result = AccountSchema.safeParse(candidate);
    if (result.success) accounts.push(result.data);
    else
      errors.push(
        ...result.error.issues.map((issue) => `row ${i + 2}: ${formatPath(issue.path)}: ${issue.message}`),
      );
  });
  return { accounts, errors };
}

/** New accounts replace existing ones with the same id; the rest are added. */
export function mergeAccounts(existing: readonly Account[], incoming: readonly Account[]): Account[] {
  const byId = new Map(existing.map((a) => [a.id, a]));
  for (const a of incoming) byId.set(a.id, a);
  return [...byId.values()];
}

const empty = { id: '', name: '', aliases: '', domains: '', contacts: '' };

export function AccountsSection({ user, effective, locked, save }: SectionProps) {
  const accounts = effective.accounts ?? [];
  const lock = isLocked(locked, 'accounts');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [form, setForm] = useState(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [status, setStatus] = useState('');

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return accounts;
    return accounts.filter((a) =>
      [a.id, a.name, ...(a.aliases ?? []), ...(a.domains ?? [])].some((v) => v.toLowerCase().includes(q)),
    );
  }, [accounts, query]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = filtered.slice(current * PAGE_SIZE, current * PAGE_SIZE + PAGE_SIZE);

  const saveAccounts = async (next: Account[]) => {
    const found = await save({ ...user, accounts: next });
    setIssues(found);
    return found.length === 0;
  };

  const submit = async () => {
    const candidate: Record<string, unknown> = { id: form.id.trim(), name: form.name.trim() };
    for (const key of ['aliases', 'domains', 'contacts'] as const) {
      const values = splitList(form[key]);
      if (values.length > 0) candidate[key] = values;
    }
    const result = AccountSchema.safeParse(candidate);
    if (!result.success) {
      setIssues(result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
      return;
    }
    const base = editing ? accounts.filter((a) => a.id !== editing) : accounts;
    if (await saveAccounts(mergeAccounts(base, [result.data]))) {
      setForm(empty);
      setEditing(null);
      setStatus(`Saved ${result.data.name}.`);
    }
  };

  const edit = (a: Account) => {
    setEditing(a.id);
    setForm({
      id: a.id,
      name: a.name,
      aliases: (a.aliases ?? []).join('; '),
      domains: (a.domains ?? []).join('; '),
      contacts: (a.contacts ?? []).join('; '),
    });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setPreview(parseAccountsCsv(await file.text()));
    setStatus('');
  };

  const importGood = async () => {
    if (!preview) return;
    const count = preview.accounts.length;
    if (await saveAccounts(mergeAccounts(accounts, preview.accounts))) {
      setPreview(null);
      setStatus(`Imported ${count} accounts.`);
    }
  };

  const field = (key: keyof typeof empty, label: string) => (
    <label>
      {label}
      <input
        data-preflight-account-field={key}
        value={form[key]}
        onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <Section id="accounts" title="Customer accounts">
      <LockedNote locked={locked} path="accounts" />
      <p>
        An email to one account that names another account, its domain or its contacts is flagged.{' '}
        {accounts.length} accounts.
      </p>
      <p role="status" data-preflight-accounts-status="">
        {status}
      </p>
      <Issues issues={issues} label="accounts" />
      <label>
        Search accounts{' '}
        <input
          type="search"
          data-preflight-accounts-search=""
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setPage(0);
          }}
        />
      </label>
      <div class="table-wrap">
        <table data-preflight-accounts="" data-count={String(filtered.length)}>
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Name</th>
              <th scope="col">Aliases</th>
              <th scope="col">Domains</th>
              <th scope="col">Contacts</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-account={a.id}>
                <td>{a.id}</td>
                <td>{a.name}</td>
                <td>{(a.aliases ?? []).join(', ')}</td>
                <td>{(a.domains ?? []).join(', ')}</td>
                <td>{(a.contacts ?? []).length}</td>
                <td>
                  <button type="button" disabled={lock} onClick={() => edit(a)} aria-label={`Edit ${a.name}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Account pages" class="pager">
        <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous
        </button>
        <span>
          Page {current + 1} of {pages} ({filtered.length} shown)
        </span>
        <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          Next
        </button>
      </nav>
      <fieldset disabled={lock}>
        <legend>{editing ? `Edit ${editing}` : 'Add an account'}</legend>
        <div class="grid">
          {field('id', 'Id')}
          {field('name', 'Name')}
          {field('aliases', 'Aliases (separated by ;)')}
          {field('domains', 'Domains (separated by ;)')}
          {field('contacts', 'Contacts (separated by ;)')}
        </div>
        <button type="button" data-preflight-account-save="" onClick={() => void submit()}>
          {editing ? 'Save account' : 'Add account'}
        </button>
        {editing && (
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setForm(empty);
            }}
          >
            Cancel
          </button>
        )}
      </fieldset>
      <fieldset disabled={lock}>
        <legend>Import from CSV</legend>
        <p class="hint">
          Columns: <code>id,name,aliases,domains,contacts</code>; several values in one cell separated by{' '}
          <code>;</code>. Accounts with an id already listed are replaced.
        </p>
        <label>
          CSV file{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            data-preflight-csv-file=""
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        {preview && (
          <div data-preflight-csv-preview="" data-good={String(preview.accounts.length)}>
            <p>
              {preview.accounts.length} accounts ready to import, {preview.errors.length} problems.
            </p>
            {preview.errors.length > 0 && (
              // The alert is a wrapper: a list keeps its list role, so its items stay list items.
              <div role="alert">
                <ul class="issues" data-preflight-csv-errors="">
                  {preview.errors.slice(0, 200).map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </div>
            )}
            <table>
              <caption>First rows</caption>
              <tbody>
                {preview.accounts.slice(0, 10).map((a) => (
                  <tr key={a.id}>
                    <td>{a.id}</td>
                    <td>{a.name}</td>
                    <td>{(a.domains ?? []).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              data-preflight-csv-import=""
              disabled={preview.accounts.length === 0}
              onClick={() => void importGood()}
            >
              Import {preview.accounts.length} accounts
            </button>{' '}
            <button type="button" onClick={() => setPreview(null)}>
              Discard
            </button>
          </div>
        )}
      </fieldset>
    </Section>
  );
}
