// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { PresscutDB } from '../../src/store/db.js';
import type { EngineApi } from '../../ui/common/engine.js';

vi.mock('../../src/extension/i18n.js', () => ({ t: (key: string) => key, uiLanguage: () => 'en-US' }));
// happy-dom's URL cannot read files, hence the path.
const RIVERSIDE = readFileSync(join(import.meta.dirname, '../fixtures/riverside-courier-en.txt'), 'utf8');
const { AnnotationEditor } = await import('../../ui/sidepanel/annotation-editor.js');

/** A real engine whose tag saves wait until the test lets each one through, in order, as a slow machine would. */
async function heldEngine() {
  const engine = createEngine(new PresscutDB(`annotation-editor-${process.pid}-${Math.random()}`));
  const { articleIds } = await engine.ingest({ text: RIVERSIDE, source: { via: 'paste' } });
  const held: (() => void)[] = [];
  const setTags = engine.setTags.bind(engine);
  const wrapped = Object.assign(Object.create(engine), {
    setTags: async (id: string, tags: string[]) => { await new Promise<void>((go) => held.push(go)); return setTags(id, tags); },
  }) as EngineApi;
  const releaseAll = async () => { while (held.length) await act(async () => { held.shift()!(); await new Promise((r) => setTimeout(r, 20)); }); };
  return { engine, wrapped, articleId: articleIds[0]!, held, releaseAll };
}

const root = document.createElement('div');
document.body.append(root);
const chips = () => [...root.querySelectorAll('.tag-chip')].map((c) => c.firstChild!.textContent);
const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 20)); });
async function typeTag(text: string) {
  const input = root.querySelector<HTMLInputElement>('.tag-input')!;
  await act(() => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); });
  await act(() => { input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); });
}

describe('tags in the reader', () => {
  afterEach(() => { render(null, root); });

  it('keeps every tag typed before the first one was saved', async () => {
    const { engine, wrapped, articleId, held, releaseAll } = await heldEngine();
    let version = 0;
    const show = () => act(() => { render(h(AnnotationEditor, { engine: wrapped, articleId, version, onChanged: () => { version++; void show(); }, notify: () => undefined }), root); });
    await show();
    await settle();
    await typeTag('transport, fares');
    await typeTag('council');
    expect(chips()).toEqual(['transport', 'fares', 'council']);
    expect(held.length).toBe(1); // the second save waits for the first
    await releaseAll();
    await settle();
    expect(chips()).toEqual(['transport', 'fares', 'council']);
    expect((await engine.getAnnotation(articleId))?.tags).toEqual(['transport', 'fares', 'council']);
  });

  it('shows the stored tags again when a save is refused', async () => {
    const { engine, wrapped, articleId, releaseAll } = await heldEngine();
    await engine.setTags(articleId, ['ferry']);
    const notices: string[] = [];
    await act(() => { render(h(AnnotationEditor, { engine: wrapped, articleId, version: 0, onChanged: () => undefined, notify: (_k, text) => notices.push(text) }), root); });
    await settle();
    await typeTag('x'.repeat(150));
    expect(chips()).toEqual(['ferry', 'x'.repeat(150)]);
    await releaseAll();
    await settle();
    expect(notices).toEqual([expect.stringContaining('at most')]);
    expect(chips()).toEqual(['ferry']);
    expect((await engine.getAnnotation(articleId))?.tags).toEqual(['ferry']);
  });
});
