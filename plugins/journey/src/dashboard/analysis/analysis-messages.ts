import { addMessages } from '@cxkit/ui'
import { analysisWords } from './analysis-words.js'

// The analysis sections' words, as `journey:<key>`.
addMessages('journey', analysisWords)
