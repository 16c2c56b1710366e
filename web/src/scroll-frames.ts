/*
 * A table's frame (`.table-wrap`) scrolls sideways when its table is wider than the page (on a
 * phone). A frame that scrolls and holds nothing focusable takes focus, so the keyboard can scroll
 * it too (WCAG 2.1.1; axe's scrollable-region-focusable), named by its table's caption; a frame
 * that fits stays out of the tab order. Frames with fields (the cost editor) are reached through them.
 */

const focusable = 'input, select, textarea, button, a[href], [tabindex]:not(.table-wrap)';

function update(root: ParentNode): void {
  for (const frame of root.querySelectorAll<HTMLElement>('.table-wrap')) {
    const scrolls = frame.scrollWidth > frame.clientWidth + 1 && !frame.querySelector(focusable);
    if (scrolls && frame.dataset.scrollFrame === undefined) {
      frame.dataset.scrollFrame = '';
      frame.tabIndex = 0;
      frame.setAttribute('role', 'region');
      const caption = frame.querySelector('caption')?.textContent?.trim();
      if (caption) frame.setAttribute('aria-label', caption);
    } else if (!scrolls && frame.dataset.scrollFrame !== undefined) {
      delete frame.dataset.scrollFrame;
      frame.removeAttribute('tabindex');
      frame.removeAttribute('role');
      frame.removeAttribute('aria-label');
    }
  }
}

/** Keeps every table frame of the document right as pages render and the window changes size. */
export function watchScrollFrames(root: HTMLElement): void {
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      update(root);
    });
  };
  new MutationObserver(schedule).observe(root, { childList: true, subtree: true });
  addEventListener('resize', schedule);
  schedule();
}
