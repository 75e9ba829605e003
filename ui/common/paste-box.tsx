import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IngestInput, IngestResult, Preview } from '../../src/engine/types.js';
import { articleCount, formatBytes, t } from '../../src/extension/i18n.js';
import { MAX_CLIP_BYTES, utf8Bytes } from '../../src/extract/limits.js';
import { articleLabel } from './article-label.js';
import type { EngineApi } from './engine.js';
import { errorText } from './format.js';
import { Notice, type NoticeKind } from './notice.js';

/** Beyond this many characters a textarea makes every keystroke lag, so a paste this long is held beside it. */
const EDIT_LIMIT = 500_000;
/** The preview waits for a pause in the typing; longer for long texts, whose preview costs more. */
const DEBOUNCE_MS = 250;
const DEBOUNCE_LONG_MS = 700;
const LONG_TEXT = 100_000;
/** Headlines listed in the preview; the count covers the rest. */
const PREVIEW_ROWS = 30;

type PreviewState = { busy: boolean; preview: Preview | null; failure: string | null };
type Status = { kind: NoticeKind; text: string } | null;

interface Props {
  engine: EngineApi;
  /** Stores the text: through the background in the popup, through the page's own engine in the side panel. */
  save: (input: IngestInput) => Promise<IngestResult>;
  onSaved?: (result: IngestResult) => void;
  rows?: number;
}

/**
 * A box to paste a newspaper page into, with a live preview of how it splits, computed in the engine worker after
 * each pause in the typing, and a Save button.
 */
export function PasteBox({ engine, save, onSaved, rows = 6 }: Props) {
  const [text, setText] = useState('');
  const [held, setHeld] = useState<string | null>(null);
  const [state, setState] = useState<PreviewState>({ busy: false, preview: null, failure: null });
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const latest = useRef(0);
  const current = held ?? text;
  const heldBytes = useMemo(() => (held === null ? 0 : utf8Bytes(held)), [held]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!current.trim()) {
      setState({ busy: false, preview: null, failure: null });
      return;
    }
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      engine.preview(current).then(
        (preview) => { if (ticket === latest.current) setState({ busy: false, preview, failure: null }); },
        (e: unknown) => { if (ticket === latest.current) setState({ busy: false, preview: null, failure: errorText(e) }); },
      );
    }, current.length > LONG_TEXT ? DEBOUNCE_LONG_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [current, engine]);

  function tooLarge(bytes: number): Status {
    return { kind: 'error', text: t('errorTooLarge', formatBytes(bytes), formatBytes(MAX_CLIP_BYTES)) };
  }

  function onPaste(e: ClipboardEvent) {
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    if (pasted.length <= EDIT_LIMIT) return; // the textarea takes it as usual, undo included
    e.preventDefault();
    const bytes = utf8Bytes(pasted);
    if (bytes > MAX_CLIP_BYTES) {
      setStatus(tooLarge(bytes));
      return;
    }
    setHeld(pasted);
    setText('');
    setStatus(null);
  }

  async function onSave() {
    if (!current.trim()) return setStatus({ kind: 'error', text: t('errorEmpty') });
    const bytes = held === null ? utf8Bytes(current) : heldBytes;
    if (bytes > MAX_CLIP_BYTES) return setStatus(tooLarge(bytes));
    setSaving(true);
    setStatus(null);
    try {
      const result = await save({ text: current, source: { via: 'paste' } });
      setStatus(savedStatus(result));
      if (!result.parseError) {
        setText('');
        setHeld(null);
      }
      onSaved?.(result);
    } catch (e) {
      setStatus({ kind: 'error', text: errorText(e) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="paste-box">
      {held === null ? (
        <textarea
          class="paste-input" rows={rows} value={text} aria-label={t('pasteLabel')} placeholder={t('pastePlaceholder')}
          onInput={(e) => { setText(e.currentTarget.value); setStatus(null); }} onPaste={onPaste}
        />
      ) : (
        <div class="paste-held">
          <span>{t('largeHeld', formatBytes(heldBytes))}</span>
          <button type="button" class="link" onClick={() => setHeld(null)}>{t('clear')}</button>
        </div>
      )}
      <div class="paste-actions">
        <button type="button" class="primary save" onClick={onSave} disabled={saving}>{saving ? t('saving') : t('save')}</button>
        <PreviewSummary state={state} />
      </div>
      {status && <Notice kind={status.kind}>{status.text}</Notice>}
      {state.preview && state.preview.articles.length > 0 && <PreviewList preview={state.preview} />}
    </div>
  );
}

function PreviewSummary({ state }: { state: PreviewState }) {
  if (state.busy) return <span class="preview-count muted">{t('previewBusy')}</span>;
  if (state.failure) return <span class="preview-count error-text">{state.failure}</span>;
  if (!state.preview) return null;
  if (state.preview.error) return <span class="preview-count error-text">{errorText(state.preview.error)}</span>;
  return <span class="preview-count">{articleCount(state.preview.articles.length)}</span>;
}

function PreviewList({ preview }: { preview: Preview }) {
  const more = preview.articles.length - PREVIEW_ROWS;
  return (
    <div class="preview">
      <ol class="preview-list">
        {preview.articles.slice(0, PREVIEW_ROWS).map((a, i) => (
          <li key={i}>
            {a.kicker && a.headline && <span class="preview-kicker">{a.kicker}</span>}
            <span class="preview-headline">{articleLabel(a)}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p class="muted">{t('previewMore', more)}</p>}
      {preview.warnings.some((w) => w.code === 'preview-truncated') && <p class="muted">{t('previewTruncated')}</p>}
    </div>
  );
}

function savedStatus(r: IngestResult): Status {
  if (!r.created) return { kind: 'info', text: t('savedDuplicate') };
  if (r.parseError) return { kind: 'error', text: t('parseFailed', r.parseError) };
  return { kind: 'success', text: t('savedNew', articleCount(r.articleIds.length)) };
}
