import { useEffect, useRef, useState } from "react";

/** How long each progress event stays on screen at least when several arrive together. */
export const PACE_MS = 70;

/**
 * The first items of a growing list, revealed at most one per `stepMs`: a fast
 * answer's stages (often all in one read) still show one after another, while
 * items arriving slower than that show at once. Unpaced, the whole list.
 */
export function usePaced<T>(items: readonly T[], paced: boolean, stepMs = PACE_MS): readonly T[] {
  const [shown, setShown] = useState(paced ? 0 : items.length);
  const lastReveal = useRef(Number.NEGATIVE_INFINITY);
  const behind = paced && shown < items.length;

  useEffect(() => {
    if (!behind) return;
    const wait = Math.max(0, lastReveal.current + stepMs - Date.now());
    const timer = setTimeout(() => {
      lastReveal.current = Date.now();
      setShown((n) => n + 1);
    }, wait);
    return () => clearTimeout(timer);
  }, [behind, shown, stepMs]);

  return paced ? items.slice(0, shown) : items;
}
