import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1. It takes the focus when the page is shown, so keyboard and screen-reader users start at
 * the new page's title after a navigation instead of wherever the old page left them.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
