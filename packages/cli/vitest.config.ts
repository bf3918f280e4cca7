import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.config.js'

export default mergeConfig(
  shared,
  defineConfig({
    test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 },
  }),
)
