import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClippingSummary } from '../../src/engine/types.js';
import { browser } from '../../src/extension/browser.js';
import { articleCount, t } from '../../src/extension/i18n.js';
import { onBroadcast } from '../../src/extension/messages.js';
import { requestPanel } from '../../src/extension/panel-request.js';
import { openArchivePanel } from '../../src/extension/side-panel.js';
import { clipTab, ingestInBackground } from '../common/background.js';
import type { EngineApi } from '../common/engine.js';
import { errorText, formatDate, sourceLabel } from '../common/format.js';
import { Notice, type NoticeKind } from '../common/notice.js';
import { PasteBox } from '../common/paste-box.js';
import { QuickSearch } from './quick-search.js';

const RECENT = 5;

/** The toolbar popup: search, clip the tab, paste a page, see the last clippings, open the archive. */
export function Popup({ engine }: { engine: EngineApi }) {
  const [recent, setRecent] = useState<ClippingSummary[] | null>(null);
  const [clipping, setClipping] = useState(false);
  const [clipNotice, setClipNotice] = useState<{ kind: NoticeKind; text: string } | null>(null);
  const windowId = useRef<number | undefined>(undefined);

  useEffect(() => {
    const refresh = () => { engine.listClippings(0, RECENT).then(setRecent, () => setRecent([])); };
    refresh();
    // Known before any click: the side panel opens only inside the click's gesture, which an await would end.
    browser.windows.getCurrent().then((w) => { windowId.current = w.id; }, () => undefined);
    return onBroadcast(refresh);
  }, [engine]);

  async function clipThisPage() {
    setClipping(true);
    setClipNotice(null);
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error(t('errorNoTab'));
      const { result, title } = await clipTab(tab.id, 'auto');
      setClipNotice(result.created
        ? { kind: 'success', text: t('clipped', title ?? t('untitled'), articleCount(result.articleIds.length)) }
        : { kind: 'info', text: t('savedDuplicate') });
    } catch (e) {
      setClipNotice({ kind: 'error', text: errorText(e) });
    } finally {
      setClipping(false);
    }
  }

  function openArchive(e: Event) {
    e.preventDefault();
    openArchivePanel(windowId.current);
    closePopup();
  }

  /** Opens the side panel (first: only the click's gesture allows it) and has it show an article or a query's results. */
  function openInPanel(query: string, articleId: string | null) {
    openArchivePanel(windowId.current);
    requestPanel({ query, articleId, windowId: windowId.current ?? null }).then(closePopup, (e: unknown) => setClipNotice({ kind: 'error', text: errorText(e) }));
  }

  return (
    <main class="popup">
      <header class="bar">
        <h1 class="brand">Presscut</h1>
        <a href="sidepanel.html" class="open-archive" onClick={openArchive}>{t('openArchive')}</a>
      </header>
      <section>
        <QuickSearch engine={engine} onOpen={(hit, query) => openInPanel(query, hit.articleId)} onOpenAll={(query) => openInPanel(query, null)} />
      </section>
      <section>
        <button type="button" class="primary wide clip-page" onClick={clipThisPage} disabled={clipping}>
          {clipping ? t('clippingNow') : t('clipThisPage')}
        </button>
        {clipNotice && <Notice kind={clipNotice.kind}>{clipNotice.text}</Notice>}
      </section>
      <section>
        <h2>{t('pasteHeading')}</h2>
        <PasteBox engine={engine} save={ingestInBackground} />
      </section>
      <section>
        <h2>{t('recentHeading')}</h2>
        <RecentList items={recent} />
      </section>
    </main>
  );
}

/** Closes the popup, once it has done what it was asked (the same page opened in a tab stays). */
function closePopup(): void {
  if (browser.extension.getViews({ type: 'popup' }).includes(window)) window.close();
}

function RecentList({ items }: { items: ClippingSummary[] | null }) {
  if (!items) return <p class="muted">{t('loading')}</p>;
  if (!items.length) return <p class="muted">{t('recentEmpty')}</p>;
  return (
    <ul class="recent">
      {items.map((c) => (
        <li key={c.id} class="recent-item">
          <div class="recent-head">
            <span class="recent-source">{sourceLabel(c.newspaper, c.source.title, c.source.via)}</span>
            <span class="muted">{articleCount(c.articleCount)} · {formatDate(c.capturedAt)}</span>
          </div>
          {c.parseError
            ? <p class="error-text">{t('parseFailed', c.parseError)}</p>
            : <p class="recent-headlines">{c.headlines.join(' · ')}</p>}
        </li>
      ))}
    </ul>
  );
}
