import type { ComponentChildren } from 'preact';

export type NoticeKind = 'error' | 'info' | 'success';

/** A message in the flow of the page; errors are announced to screen readers at once. */
export function Notice({ kind, children }: { kind: NoticeKind; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
