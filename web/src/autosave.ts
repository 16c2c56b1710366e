import type { SketchDraft, SketchSection } from '../../functions/core/sketch-full.ts';
import { ApiError, call } from './lib/api.ts';

/*
 * Autosave of a sketch draft: a PUT a moment after typing stops, at once when the tab is hidden or
 * closed (keepalive, so the request outlives the page), one request at a time. Every save carries
 * the version it was based on; when another tab saved first the server answers 409 and nothing is
 * overwritten until the person chooses. The draft is also kept in sessionStorage, so a reload after
 * an expired session or a lost connection loses nothing.
 */

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline'; message: string }
  | { kind: 'signed-out' }
  | { kind: 'conflict'; current: { version: number; updatedAt: string } }
  | { kind: 'not-editable' };

interface Conflict {
  code?: string;
  current?: { version: number; updatedAt: string };
}

/** Keepalive requests may carry at most 64 KB in Chromium; larger drafts go as ordinary requests. */
const keepaliveLimit = 60_000;
const retryDelays = [2_000, 5_000, 15_000, 30_000];

const storageKey = (id: string) => `votum:draft:${id}`;

/** What sessionStorage holds for a sketch: the content and the version it was based on. */
export function storedDraft(id: string): { version: number; draft: SketchDraft } | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(id));
    return raw ? (JSON.parse(raw) as { version: number; draft: SketchDraft }) : undefined;
  } catch {
    return undefined;
  }
}

function store(id: string, version: number, json: string | undefined): void {
  try {
    if (json === undefined) sessionStorage.removeItem(storageKey(id));
    else sessionStorage.setItem(storageKey(id), `{"version":${version},"draft":${json}}`);
  } catch {
    // Storage full or disabled: the draft is still in memory and on its way to the server.
  }
}

export class Autosaver {
  readonly id: string;
  /** The server's version the next save is based on. */
  version: number;
  state: SaveState = { kind: 'clean' };
  private json: string;
  private savedJson: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private readonly listeners = new Set<(state: SaveState) => void>();
  private readonly delay: number;
  /**
   * The form's checks once loaded (web/src/sketch-check.ts `stepsOpen`): each save then carries the
   * steps they find open in the draft it saves, which get-sketch answers on the next visit.
   */
  openSteps: ((draft: SketchDraft) => SketchSection[]) | undefined;

  constructor(id: string, version: number, savedDraft: unknown, delay = 1_200) {
    this.id = id;
    this.version = version;
    this.json = JSON.stringify(savedDraft);
    this.savedJson = this.json;
    this.delay = delay;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  get dirty(): boolean {
    return this.json !== this.savedJson;
  }

  /** Saving waits for a choice (conflict) or cannot happen (submitted). */
  get blocked(): boolean {
    return this.state.kind === 'conflict' || this.state.kind === 'not-editable';
  }

  /** The form changed: keep it safe in this tab and save it after a pause in typing. */
  change(draft: unknown): void {
    const json = JSON.stringify(draft);
    if (json === this.json) return;
    this.json = json;
    store(this.id, this.version, json);
    if (this.blocked) return;
    if (this.state.kind !== 'saving') this.set({ kind: 'pending' });
    this.schedule(this.delay);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), ms);
  }

  /** Saves now if anything is unsaved; resolves when the content at the time of the call is saved (or cannot be). */
  async flush(options: { keepalive?: boolean } = {}): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
    if (this.dirty && !this.blocked) await this.save(options);
    return !this.dirty;
  }

  private save(options: { keepalive?: boolean } = {}): Promise<void> {
    if (this.inFlight) {
      // One request at a time: the newer content goes when this one is answered.
      const after = this.inFlight.then(() => (this.dirty && !this.blocked ? this.save(options) : undefined));
      return after;
    }
    if (!this.dirty || this.blocked) return Promise.resolve();
    clearTimeout(this.timer);
    const json = this.json;
    const draft = JSON.parse(json) as SketchDraft;
    const openSteps = this.openSteps?.(draft);
    // The request's length: `{"version":…,"draft":…,"openSteps":…}` around the draft as it was serialised.
    const length =
      json.length +
      String(this.version).length +
      21 +
      (openSteps ? JSON.stringify(openSteps).length + 13 : 0);
    this.set({ kind: 'saving' });
    this.inFlight = call(
      'saveDraft',
      {
        params: { id: this.id },
        body: { version: this.version, draft, ...(openSteps ? { openSteps } : {}) },
      },
      { keepalive: options.keepalive === true && length < keepaliveLimit },
    )
      .then(
        (saved) => {
          this.failures = 0;
          this.version = saved.version;
          this.savedJson = json;
          if (this.dirty) {
            store(this.id, this.version, this.json);
            this.set({ kind: 'pending' });
            this.schedule(this.delay);
          } else {
            store(this.id, this.version, undefined);
            this.set({ kind: 'saved', at: saved.updatedAt });
          }
        },
        (error: unknown) => this.failed(error),
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 409) {
      const conflict = error.payload as Conflict | undefined;
      if (conflict?.code === 'version_conflict' && conflict.current) {
        this.set({ kind: 'conflict', current: conflict.current });
      } else {
        this.set({ kind: 'not-editable' });
      }
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      // Tried again when the window regains focus (signed in elsewhere) or on the next change.
      this.set({ kind: 'signed-out' });
      return;
    }
    const delay = retryDelays[Math.min(this.failures, retryDelays.length - 1)] ?? 30_000;
    this.failures++;
    this.set({ kind: 'offline', message: (error as Error).message });
    this.schedule(delay);
  }

  /** After a 401 or a lost connection: try again now (e.g. the window got focus back). */
  retry(): void {
    if (this.state.kind === 'signed-out' || this.state.kind === 'offline') void this.save();
  }

  /** The person chose to keep this tab's content: save it over the version the server has now. */
  overwrite(): Promise<void> {
    if (this.state.kind !== 'conflict') return Promise.resolve();
    this.version = this.state.current.version;
    this.set({ kind: 'pending' });
    return this.save();
  }

  /** The person chose the other tab's content: it becomes what this tab has saved. */
  adopt(version: number, draft: unknown): void {
    clearTimeout(this.timer);
    this.version = version;
    this.json = JSON.stringify(draft);
    this.savedJson = this.json;
    store(this.id, version, undefined);
    this.set({ kind: 'clean' });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
