import { vi } from 'vitest';
// webextension-polyfill throws outside an extension; unit tests never touch the browser.
vi.mock('webextension-polyfill', () => ({ default: {} }));
