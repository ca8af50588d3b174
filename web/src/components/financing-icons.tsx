// Line icons of the financing screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** A hand holding a coin: money lent to a member. */
export const FinancingIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="15" cy="7" r="3.5" />
    <path d="M2 14h3l4 3h6a2 2 0 000-4h-4M5 20h9l7-5a2 2 0 00-2.6-3L14 15" />
  </Icon>
);
/** A tag: a product with its terms. */
export const ProductIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 12V4a1 1 0 011-1h8l9 9-9 9z" />
    <circle cx="7.5" cy="7.5" r="1.5" />
  </Icon>
);
/** A printer: receipts and agreements. */
export const PrintIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 9V3h10v6M7 17H4a1 1 0 01-1-1v-6a1 1 0 011-1h16a1 1 0 011 1v6a1 1 0 01-1 1h-3" />
    <rect x="7" y="14" width="10" height="7" />
  </Icon>
);
/** Arrows: move an item up or down an ordered list. */
export const ArrowUpIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Icon>
);
export const ArrowDownIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Icon>
);
