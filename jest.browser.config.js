// Browser tests: the real app in-process, driven through Debian's Chromium (playwright-core).
// Run with `npm run test:browser` (in band: one browser at a time keeps two cores enough).
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
};
