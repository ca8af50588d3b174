// Line icons of the social assistance screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** An open hand holding a coin: a social assistance programme. */
export const AidIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="14" cy="6" r="3" />
    <path d="M2 14h3l4 2h5a1.5 1.5 0 010 3H9M5 21l5-1h6l5-5a1.5 1.5 0 00-2-2l-4 3" />
  </Icon>
);
/** Bars rising to a flag: rollout progress by region. */
export const RolloutIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20V14M9 20V10M14 20V12M19 20V7M3 20h18" />
    <path d="M19 7V3l3 1.5L19 6" />
  </Icon>
);
