/**
 * The draft of one order's claim, restored from storage with `parseDraft` and saved (debounced)
 * through the worker on every change, so it survives closing the popup. The shopper's own
 * edits of the final text ride along as `edited` beside the draft's fields (the draft schema
 * strips unknown keys when parsed, so the core never sees them).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { emptyDraft, parseDraft, type ClaimDraft } from '../../domain/claim/draft';
import type { ClaimFacts } from '../../domain/claim/facts';
import type { Order } from '../../domain/order';
import { ask } from '../messaging';

export const SAVE_DELAY_MS = 300;

/** The shopper's edit of the composed English: `base` is the composed text it started from. */
export interface EditedText {
  base: string;
  text: string;
}

export interface DraftState {
  draft: ClaimDraft;
  edited: EditedText | null;
}

function parseEdited(raw: unknown): EditedText | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const e = (raw as { edited?: unknown }).edited;
  if (typeof e !== 'object' || e === null) return null;
  const { base, text } = e as { base?: unknown; text?: unknown };
  return typeof base === 'string' && typeof text === 'string' && text.length <= 5000 && base.length <= 5000 ? { base, text } : null;
}

/** The stored draft if it is one for this order, else a fresh one pre-answered from the order. */
export function restoreDraft(order: Order, stored: unknown, facts: ClaimFacts): DraftState {
  const draft = parseDraft(stored);
  if (draft && draft.orderId === order.orderId) return { draft, edited: parseEdited(stored) };
  return { draft: emptyDraft(order, facts), edited: null };
}

export function toStored(s: DraftState): unknown {
  return s.edited ? { ...s.draft, edited: s.edited } : s.draft;
}

export function useDraft(order: Order, stored: unknown, facts: ClaimFacts) {
  const [state, setState] = useState<DraftState>(() => restoreDraft(order, stored, facts));
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const first = useRef(true);
  const latest = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  latest.current = state;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setSaved('saving');
    void ask({ type: 'ui/save-draft', orderId: order.orderId, draft: toStored(latest.current) }).then((r) => setSaved(r.ok ? 'saved' : 'error'));
  };

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [state]);

  useEffect(() => {
    const onHide = () => {
      if (timer.current) flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      onHide();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const update = (fn: (d: ClaimDraft) => ClaimDraft) => setState((s) => ({ ...s, draft: fn(s.draft) }));
  const setEdited = (edited: EditedText | null) => setState((s) => ({ ...s, edited }));
  return { draft: state.draft, edited: state.edited, update, setEdited, saved };
}
