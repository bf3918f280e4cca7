import { readFileSync } from 'node:fs'
import ts from 'typescript'

/** How a module is brought in; only `type` leaves nothing behind at run time. */
export type ImportKind = 'static' | 'type' | 'side-effect' | 're-export' | 'dynamic' | 'require'

/** One module a source file brings in, with the line it does so on (1-based). */
export interface ImportUse {
  specifier: string
  kind: ImportKind
  line: number
}

/**
 * Every module a TypeScript file brings in, read with the TypeScript compiler's parser rather than a
 * pattern, so no form slips past: `import x from`, `import type`, `import 'side-effect'`, `export … from`,
 * `import('dynamic')`, `require('x')`, `import x = require('x')` and `typeof import('x')`.
 * A dynamic import or require of a computed name is reported as `<computed>`: a rule cannot vouch for it.
 *
 * @example
 * readImports('const pg = await import("pg")') // [{ specifier: 'pg', kind: 'dynamic', line: 1 }]
 */
export function readImports(sourceText: string, fileName = 'module.ts'): ImportUse[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const uses: ImportUse[] = []
  const add = (node: ts.Node, specifier: string, kind: ImportKind) =>
    uses.push({ specifier, kind, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 })

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      // `import { type A } from 'x'` still loads 'x' under verbatimModuleSyntax; only `import type` does not.
      add(node, node.moduleSpecifier.text, !clause ? 'side-effect' : clause.isTypeOnly ? 'type' : 'static')
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly ? 'type' : 're-export')
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, literalText(node.moduleReference.expression), node.isTypeOnly ? 'type' : 'require')
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, literalText(node.argument.literal), 'type')
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, literalText(node.arguments[0]), 'dynamic')
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        add(node, literalText(node.arguments[0]), 'require')
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return uses
}

/** Reads the imports of a file on disk. */
export function readFileImports(path: string): ImportUse[] {
  return readImports(readFileSync(path, 'utf8'), path)
}

function literalText(node: ts.Node | undefined): string {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : '<computed>'
}
