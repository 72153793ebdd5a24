import { useEffect, useState } from "react";

/**
 * A ref callback and whether its element has come within `margin` of the
 * viewport (it stays true): a long conversation loads each answer's rows only
 * when it is about to be seen. Without IntersectionObserver (tests) everything
 * counts as near.
 */
export function useNearViewport(margin = "800px"): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, near, margin]);
  return [setElement, near];
}
