// Line icons of the portfolio screens, drawn like those of icons.tsx.
import { Icon, type IconProps } from './icons.tsx';

/** A gauge: how much of the portfolio is at risk. */
export const GaugeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3.5 17a9 9 0 1117 0" />
    <path d="M12 14l4-5M7 17h10" />
  </Icon>
);
/** People in line with an arrow: the revolving queue. */
export const QueueIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="5" cy="7" r="2" />
    <circle cx="12" cy="7" r="2" />
    <circle cx="19" cy="7" r="2" />
    <path d="M3 14h16M16 11l3 3-3 3M3 20h7" />
  </Icon>
);
