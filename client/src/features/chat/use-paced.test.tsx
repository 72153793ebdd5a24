import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PACE_MS, usePaced } from "./use-paced";

describe("usePaced", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reveals items that arrive together one per step", () => {
    const { result } = renderHook(() => usePaced([1, 2, 3, 4], true));
    expect(result.current).toEqual([]);
    act(() => void vi.advanceTimersByTime(0));
    expect(result.current).toEqual([1]);
    act(() => void vi.advanceTimersByTime(PACE_MS));
    expect(result.current).toEqual([1, 2]);
    act(() => void vi.advanceTimersByTime(PACE_MS));
    act(() => void vi.advanceTimersByTime(PACE_MS));
    expect(result.current).toEqual([1, 2, 3, 4]);
  });

  it("shows an item that arrives after a quiet step at once", () => {
    const { result, rerender } = renderHook(({ items }) => usePaced(items, true), { initialProps: { items: [1] } });
    act(() => void vi.advanceTimersByTime(0));
    expect(result.current).toEqual([1]);
    act(() => void vi.advanceTimersByTime(5 * PACE_MS));
    rerender({ items: [1, 2] });
    act(() => void vi.advanceTimersByTime(0));
    expect(result.current).toEqual([1, 2]);
  });

  it("returns the whole list unpaced", () => {
    const { result } = renderHook(() => usePaced([1, 2, 3], false));
    expect(result.current).toEqual([1, 2, 3]);
  });
});
