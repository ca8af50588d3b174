// Line icons of the registry and group screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** A family card: people on a card. */
export const PersonsIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2.2" />
    <path d="M5.5 16.5c.6-1.9 1.9-3 3.5-3s2.9 1.1 3.5 3M14.5 9h4M14.5 12.5h4" />
  </Icon>
);
/** People around a table: a business group. */
export const GroupsIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="12" cy="6" r="2.5" />
    <circle cx="5" cy="10" r="2" />
    <circle cx="19" cy="10" r="2" />
    <path d="M3 20v-1.5A2.5 2.5 0 015.5 16h13a2.5 2.5 0 012.5 2.5V20M8.5 13h7" />
  </Icon>
);
/** A sheet going up (import) beside one coming down (export). */
export const ImportIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
    <path d="M14 3v5h5M12 18v-6M9 14.5l3-3 3 3" />
  </Icon>
);
/** Two overlapping cards: a possible duplicate. */
export const DuplicatesIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 00-2-2H6a2 2 0 00-2 2v8a2 2 0 002 2h2" />
  </Icon>
);
export const DownloadIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </Icon>
);
export const FileIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
    <path d="M14 3v5h5" />
  </Icon>
);
