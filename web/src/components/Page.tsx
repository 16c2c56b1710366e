import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { texts } from '../texts.de.ts';

/**
 * A page's heading and the document title. The heading takes focus after each navigation
 * (main.tsx), so screen reader and keyboard users start reading where the new page begins.
 */
export function Page({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = texts.portal.documentTitle(title);
  }, [title]);
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </>
  );
}

/** Moves focus to where the new page begins: an element marked data-focus, else the heading. */
export function focusPageStart(): void {
  const main = document.getElementById('main');
  const target = main?.querySelector<HTMLElement>('[data-focus]') ?? main?.querySelector<HTMLElement>('h1');
  target?.focus();
}
