import type { StoryView } from '../../src/engine/types.js';
import { t } from '../../src/extension/i18n.js';

export interface StoryPartsProps {
  story: StoryView;
  /** The article the reader was opened on, marked among the parts (the reader's tools act on it). */
  currentId: string;
  busy: boolean;
  onUnlink: (linkId: string) => void;
}

/**
 * The body of a story printed in parts on several pages (linked by their jump markers): each part's paragraphs in
 * story order under the page it was printed on, a later part's own (jump) headline, and between two parts the
 * action that says they are not one story.
 */
export function StoryParts({ story, currentId, busy, onUnlink }: StoryPartsProps) {
  const pages = story.parts.map((p) => p.page ?? '?');
  return (
    <div class="story">
      <p class="story-pages muted">{t('storyJoined', pages.join(t('listSeparator')))}</p>
      {story.parts.map(({ article, page, linkToNext }, i) => (
        <section key={article.id} class={article.id === currentId ? 'story-part current' : 'story-part'}>
          <p class="part-page">{t('storyPartPage', page ?? '?')}</p>
          {i > 0 && article.headline && article.headline !== story.parts[0]!.article.headline && <p class="part-headline">{article.headline}</p>}
          <div class="body">{article.paragraphs.map((p, k) => <p key={k} class="paragraph">{p}</p>)}</div>
          {linkToNext && (
            <button type="button" class="link action-unlink" disabled={busy} onClick={() => onUnlink(linkToNext)}>{t('unlinkParts')}</button>
          )}
        </section>
      ))}
    </div>
  );
}
