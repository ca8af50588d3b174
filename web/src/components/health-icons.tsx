// Line icons of the health screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** A house with a heart: the family health index. */
export const FamilyHealthIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 11l9-7 9 7v9H3z" />
    <path d="M12 17s-3-1.8-3-3.6a1.5 1.5 0 013-.6 1.5 1.5 0 013 .6c0 1.8-3 3.6-3 3.6z" />
  </Icon>
);
/** A calendar with a return arrow: screening recalls. */
export const RecallIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4M9 16a3 3 0 103-3h-2l1.5-1.5" />
  </Icon>
);
/** A person speaking to a group: counselling sessions. */
export const SessionIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="7" cy="7" r="2.5" />
    <path d="M3 20v-3a4 4 0 018 0v3M14 5h7v6h-4l-3 2z" />
  </Icon>
);
/** A heartbeat line with a warning mark: members at risk. */
export const AtRiskIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 12h4l2-5 4 10 2-5h6" />
  </Icon>
);
/** Two bars side by side: repayment of members under care against the others. */
export const CompareIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20h16M7 20V9M12 20V5M17 20v-8" />
  </Icon>
);
/** Two hands joined: partnerships for health promotion. */
export const PartnershipIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M2 11l4-4 4 2 3-2 3 1 4 3M2 11l6 6 2-1 2 2 2-1 2 1 4-5" />
    <path d="M10 9l-2 3 2 1 3-3" />
  </Icon>
);
