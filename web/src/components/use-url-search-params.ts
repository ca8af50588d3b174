import { useCallback } from 'react';
import { type SetURLSearchParams, useSearchParams } from 'react-router-dom';

/**
 * `useSearchParams`, except that an updater function receives the address as it is now, not as
 * it was at the last render: two filters changed in quick succession (faster than the page
 * re-renders, as on a slow phone) both stay in the address. Use it wherever filters live in the URL.
 */
export function useUrlSearchParams(): [URLSearchParams, SetURLSearchParams] {
  const [params, setParams] = useSearchParams();
  const update = useCallback<SetURLSearchParams>(
    (next, options) => setParams(typeof next === 'function' ? () => next(new URLSearchParams(window.location.search)) : next, options),
    [setParams],
  );
  return [params, update];
}
