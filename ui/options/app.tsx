import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../src/extension/browser.js';
import { t } from '../../src/extension/i18n.js';
import { onSyncStatus, request } from '../../src/extension/messages.js';
import { checkSyncSettings, loadSyncSettings, storeSyncSettings, type SyncView } from '../../src/extension/sync-settings.js';
import { errorText } from '../common/format.js';
import { KeepPdfsOption } from '../common/keep-pdfs.js';
import { Notice, type NoticeKind } from '../common/notice.js';
import { lastSyncText, syncErrorText, syncStateText } from '../common/sync-text.js';

type Form = { remote: string; username: string; password: string; passphrase: string };
type Field = keyof Form;

const EMPTY: Form = { remote: '', username: '', password: '', passphrase: '' };

/** The options page: where the reader points Presscut at a sync server, and sees how syncing goes; and keeps PDFs or not. */
export function Options() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [view, setView] = useState<SyncView | null>(null);
  const [note, setNote] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadSyncSettings().then((s) => s && setForm({ remote: s.remote, username: s.username, password: s.password, passphrase: s.passphrase ?? '' }));
    request<SyncView>({ to: 'background', type: 'sync-state' }).then(setView, (e) => setNote({ kind: 'error', text: errorText(e) }));
    return onSyncStatus(setView);
  }, []);

  /** Asks the background, which owns the sync session, and shows what it answers. */
  async function ask(type: 'sync-now' | 'sync-settings-changed'): Promise<void> {
    setBusy(true);
    try {
      setView(await request<SyncView>({ to: 'background', type }));
    } catch (e) {
      setNote({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    setNote(null);
    const check = checkSyncSettings(form);
    if (!check.ok) {
      setInvalid(check.field);
      setNote({ kind: 'error', text: check.message });
      return;
    }
    setInvalid(null);
    // The browser asks the reader only inside the click's user gesture: nothing may be awaited before this.
    const granted = await browser.permissions.request({ origins: [check.origin] }).catch(() => false);
    if (!granted) {
      setNote({ kind: 'error', text: t('syncPermissionDenied', new URL(form.remote.trim()).host) });
      return;
    }
    await storeSyncSettings(check.settings);
    await ask('sync-settings-changed');
  }

  async function turnOff() {
    setNote(null);
    await storeSyncSettings(null);
    setForm(EMPTY);
    await ask('sync-settings-changed');
    setNote({ kind: 'info', text: t('syncTurnedOff') });
  }

  /** The props that bind an input to a field of the form. */
  const bind = (field: Field, autocomplete: string) => ({
    name: field, autocomplete, value: form[field], 'aria-invalid': invalid === field, spellcheck: false,
    onInput: (e: Event) => setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value }),
  });
  const configured = view?.configured ? view : null;

  return (
    <div class="options">
      <header><h1 class="brand">{t('optionsTitle')}</h1></header>
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">{t('syncHeading')}</h2>
        <p class="intro">{t('syncIntro')}</p>
        <form class="sync-form" onSubmit={save} noValidate>
          <label class="field"><span>{t('syncUrlLabel')}</span><input type="url" {...bind('remote', 'url')} /><small>{t('syncUrlHint')}</small></label>
          <label class="field"><span>{t('syncUserLabel')}</span><input type="text" {...bind('username', 'username')} /></label>
          <label class="field"><span>{t('syncPasswordLabel')}</span><input type="password" {...bind('password', 'current-password')} /></label>
          <label class="field"><span>{t('syncPassphraseLabel')}</span><input type="password" {...bind('passphrase', 'off')} /><small>{t('syncPassphraseHint')}</small></label>
          <div class="actions">
            <button type="submit" class="primary save" disabled={busy}>{t('syncSave')}</button>
            <button type="button" class="sync-now" disabled={busy || !configured} onClick={() => void ask('sync-now')}>{t('syncNow')}</button>
            <span class="spacer" />
            {configured && <button type="button" class="danger turn-off" disabled={busy} onClick={() => void turnOff()}>{t('syncTurnOff')}</button>}
          </div>
        </form>
        {note && <Notice kind={note.kind}>{note.text}</Notice>}
        {configured && (
          <dl class="sync-facts">
            <dt>{t('syncStatusLabel')}</dt>
            <dd>
              <span class={`sync-state state-${configured.state}`}>{syncStateText(configured)}</span>
              {configured.error && (
                <span class="sync-error" role="alert">
                  {' '}{syncErrorText(configured.error)}<span class="detail">{configured.error.message}</span>
                </span>
              )}
            </dd>
            <dt>{t('syncLastLabel')}</dt>
            <dd class="sync-last">
              {lastSyncText(configured)}
              {configured.last?.error && !configured.error && <span class="sync-error"> {syncErrorText(configured.last.error)}</span>}
            </dd>
            <dt>{t('syncPendingLabel')}</dt>
            <dd class="sync-pending">{configured.pending ?? '–'}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="pdf-heading">
        <h2 id="pdf-heading">{t('pdfHeading')}</h2>
        <KeepPdfsOption />
      </section>
    </div>
  );
}
