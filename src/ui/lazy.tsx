// Loads a component's code only when it is first rendered: the popup shows the explanation first
// (its budget is time-to-explanation), sections below the fold arrive a moment later.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let alive = true;
      void load().then((c) => {
        loaded = c;
        if (alive) setComponent(() => c);
      });
      return () => {
        alive = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : null;
  };
}
