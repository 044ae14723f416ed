// The width of an element, kept up to date by a ResizeObserver.
import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";

export function useWidth(ref: RefObject<Element>, initial = 400): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(Math.round(element.getBoundingClientRect().width) || initial);
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined && w > 0) setWidth(Math.round(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, initial]);
  return width;
}
