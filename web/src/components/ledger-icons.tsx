// Line icons of the finance screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** A tree of accounts. */
export const ChartIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="3" width="7" height="5" rx="1" />
    <rect x="14" y="10" width="7" height="4" rx="1" />
    <rect x="14" y="17" width="7" height="4" rx="1" />
    <path d="M6.5 8v11h7.5M6.5 12h7.5" />
  </Icon>
);
/** Scales: debits against credits. */
export const ScaleIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 3v18M7 21h10M5 7h14M5 7l-3 7a3 3 0 006 0zM19 7l-3 7a3 3 0 006 0z" />
  </Icon>
);
/** A ledger book. */
export const BookIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 4.5A1.5 1.5 0 015.5 3H20v16H5.5A1.5 1.5 0 004 20.5z" />
    <path d="M4 20.5A1.5 1.5 0 005.5 22H20v-3M8 7h8M8 11h6" />
  </Icon>
);
/** A report with bars. */
export const ReportIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="4" y="3" width="16" height="18" rx="2" />
    <path d="M8 17v-3M12 17V9M16 17v-6" />
  </Icon>
);
/** A pen on a line: a journal typed by hand. */
export const JournalIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 20h16M14.5 4.5l3 3L9 16H6v-3z" />
  </Icon>
);
/** Stacked coins: a fund. */
export const CoinsIcon = (p: IconProps) => (
  <Icon {...p}>
    <ellipse cx="9" cy="6" rx="6" ry="2.5" />
    <path d="M3 6v4c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V6M3 10v4c0 1.4 2.7 2.5 6 2.5" />
    <ellipse cx="15" cy="15" rx="6" ry="2.5" />
    <path d="M9 15v3.5c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V15" />
  </Icon>
);
/** A cash drawer. */
export const DrawerIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="4" width="18" height="7" rx="1.5" />
    <rect x="3" y="13" width="18" height="7" rx="1.5" />
    <path d="M10 16.5h4M10 7.5h4" />
  </Icon>
);
