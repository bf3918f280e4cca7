#!/usr/bin/env node
// cxkit configs and plugins are TypeScript: register tsx's loader, then run the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/bin.ts')
