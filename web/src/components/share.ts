/**
 * Sharing a short text (a receipt to the family): the phone's share sheet (WhatsApp, SMS…)
 * where the browser has one, else the clipboard, so the worker can paste it into a chat.
 */
import { maskName } from '../../../src/core/mask.ts';

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/**
 * Who the receipt is for, without exposing the family in a chat: the head's name masked
 * ("S*** W***"), or the last four digits of the KK number when no head is known.
 */
export function receiptRecipient(headName: string | null | undefined, kkNumber: string | null | undefined): string {
  if (headName?.trim()) return maskName(headName);
  return kkNumber ? `KK …${kkNumber.slice(-4)}` : '';
}

/** Copies without the async clipboard API (missing on plain-http pages): a hidden textarea and execCommand. */
function copyByCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export async function shareOrCopy(title: string, text: string): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, text });
      return 'shared';
    } catch (error) {
      // The worker closed the share sheet: nothing to confirm. Otherwise fall back to copying.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Refused (no permission, page not focused): try the old way below.
  }
  return copyByCommand(text) ? 'copied' : 'failed';
}
