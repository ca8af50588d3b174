import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em): lists become cards. Known on the first render. */
export const useIsPhone = () => !useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
