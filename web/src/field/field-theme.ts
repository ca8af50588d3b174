import { ActionIcon, Anchor, Button, Checkbox, Chip, createTheme, Input, Modal, Radio, SegmentedControl } from '@mantine/core';

const TARGET = 44;
const centred = { display: 'inline-flex', alignItems: 'center' } as const;

/**
 * The field app is used with a thumb, outdoors (issue 15 §5): every tap target is at least 44 × 44 px
 * (WCAG 2.5.5), buttons, links, fields, choices and a dialog's close button alike. Added on top of the
 * app's theme for the field shell only; e2e/field-targets.test.ts measures every screen at 360 px.
 */
export const fieldTheme = createTheme({
  components: {
    Button: Button.extend({ styles: { root: { minHeight: TARGET, minWidth: TARGET } } }),
    ActionIcon: ActionIcon.extend({ styles: { root: { minHeight: TARGET, minWidth: TARGET } } }),
    Anchor: Anchor.extend({ styles: { root: { ...centred, minHeight: TARGET } } }),
    Input: Input.extend({ styles: { input: { minHeight: TARGET } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { size: 'xl' } } }),
    Radio: Radio.extend({ styles: { label: { ...centred, minHeight: TARGET } } }),
    Checkbox: Checkbox.extend({ styles: { label: { ...centred, minHeight: TARGET } } }),
    Chip: Chip.extend({ styles: { label: { height: 'auto', minHeight: TARGET } } }),
    SegmentedControl: SegmentedControl.extend({
      styles: { label: { display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: TARGET, minWidth: TARGET } },
    }),
  },
});
