/**
 * Makes the field app installable and available offline: the web manifest link (only on
 * /field, so the office app does not offer itself for install) and the service worker.
 */
export function installFieldApp() {
  const head = document.head;
  if (!head.querySelector('link[rel="manifest"]')) {
    const manifest = document.createElement('link');
    manifest.rel = 'manifest';
    manifest.href = '/field.webmanifest';
    head.append(manifest);
    const icon = document.createElement('link');
    icon.rel = 'apple-touch-icon';
    icon.href = '/field-icon-192.png';
    head.append(icon);
  }
  // Service workers need a secure context (https, or localhost); elsewhere the app still works online.
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    // The dev server has no /sw.js; in a build this is worth knowing but not worth stopping for.
    console.warn('field app: service worker not registered', error);
  });
}
