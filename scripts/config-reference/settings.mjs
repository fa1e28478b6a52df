// What the environment classes say about each setting, read from their TypeScript source with
// the compiler's checker: names, what the decorators accept, defaults and doc comments.
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Each app's environment class; its settings are read down its chain of base classes. */
export const APPS = [
  {
    title: 'Orchestrator',
    file: 'apps/orchestrator/src/config/orchestrator.environment.ts',
    className: 'OrchestratorEnvironment',
  },
  {
    title: 'Checkout simulator',
    file: 'apps/checkout-simulator/src/config/simulator.environment.ts',
    className: 'SimulatorEnvironment',
  },
  {
    title: 'Adyen simulator',
    file: 'apps/adyen-simulator/src/config/adyen-simulator.environment.ts',
    className: 'AdyenSimulatorEnvironment',
  },
];

/** The heading of each class's settings: a new class needs one here, so its place is chosen. */
const SECTION_TITLES = {
  HttpServerEnvironment: 'Server',
  EffectsEnvironment: 'Durable follow-ups',
  CheckoutEnvironment: 'Checkout',
  AdyenEnvironment: 'Adyen',
  StrategyEnvironment: 'Authentication strategy and routing',
  OrchestratorEnvironment: 'Service',
  SimulatorEnvironment: 'Simulated Checkout',
  AdyenSimulatorEnvironment: 'Simulated Adyen',
};

/**
 * Every setting of every app, read from the TypeScript source with the compiler's checker (which
 * follows imports, so a constant list such as `LOG_LEVELS` is read where it is declared).
 */
export function environmentSettings(root) {
  const configFile = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram(
    APPS.map((app) => join(root, app.file)),
    { ...configFile.options, noEmit: true, types: [] },
  );
  const checker = program.getTypeChecker();
  return APPS.map((app) => ({
    title: app.title,
    file: app.file,
    sections: sectionsOf(classChain(checker, program, root, app), checker, root),
  }));
}

/** The app's class and its bases, the base first. */
function classChain(checker, program, root, app) {
  const source = program.getSourceFile(join(root, app.file));
  let declaration = source?.statements.find(
    (node) => ts.isClassDeclaration(node) && node.name?.text === app.className,
  );
  if (!declaration) throw new Error(`${app.file} declares no class ${app.className}`);
  const chain = [];
  while (declaration) {
    chain.unshift(declaration);
    const [base] = checker.getTypeAtLocation(declaration).getBaseTypes() ?? [];
    declaration = base?.getSymbol()?.declarations?.find(ts.isClassDeclaration);
  }
  return chain;
}

/** One section per class; an override stays where the setting was first declared. */
function sectionsOf(chain, checker, root) {
  const sections = [];
  const byName = new Map();
  for (const declaration of chain) {
    const className = declaration.name.text;
    const title = SECTION_TITLES[className];
    const file = relative(root, declaration.getSourceFile().fileName);
    if (!title) throw new Error(`${file}: give ${className} a heading in SECTION_TITLES`);
    const section = { title, className, file, settings: [] };
    for (const member of declaration.members) {
      if (!ts.isPropertyDeclaration(member) || isStatic(member)) continue;
      const read = readSetting(member, checker, file);
      const earlier = byName.get(read.name);
      if (earlier) {
        Object.assign(earlier, merged(earlier, read));
        continue;
      }
      if (!read.rules) throw new Error(`${file}: ${read.name} has no validation decorator`);
      byName.set(read.name, read);
      section.settings.push(read);
    }
    if (section.settings.length > 0) sections.push(section);
  }
  for (const setting of byName.values()) {
    if (!setting.doc) throw new Error(`${setting.file}: ${setting.name} needs a doc comment`);
  }
  return sections;
}

/** An override changes what it restates: its default, and its rules or doc when it has them. */
function merged(base, override) {
  return {
    rules: override.rules ?? base.rules,
    doc: override.doc ?? base.doc,
    defaultValue: override.hasInitializer ? override.defaultValue : base.defaultValue,
    hasInitializer: base.hasInitializer || override.hasInitializer,
    file: override.doc ? override.file : base.file,
  };
}

const isStatic = (member) =>
  ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);

function readSetting(member, checker, file) {
  const name = member.name.getText();
  const calls = (ts.getDecorators(member) ?? []).map((decorator) => {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) throw new Error(`${file}: ${name}: a decorator without a call`);
    return { name: call.expression.getText(), args: call.arguments };
  });
  const doc = ts
    .getJSDocCommentsAndTags(member)
    .filter(ts.isJSDoc)
    .map((jsDoc) => ts.getTextOfJSDocComment(jsDoc.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    name,
    file,
    doc: doc || undefined,
    rules: calls.length > 0 ? describeRules(name, calls, checker, file) : undefined,
    hasInitializer: member.initializer !== undefined,
    defaultValue: member.initializer ? valueOf(member.initializer, checker) : undefined,
  };
}

const DESCRIBED = ['IsOptional', 'EnvBoolean', 'IsIn', 'IsInt', 'Min', 'Max', 'IsUrl', 'Matches'];
DESCRIBED.push('MinLength', 'IsNotEmpty', 'IsString');

/** What the decorators accept, in words; a decorator it cannot describe stops the build. */
function describeRules(name, calls, checker, file) {
  const argument = (decorator, index = 0) =>
    valueOf(calls.find((call) => call.name === decorator).args[index], checker);
  const has = (decorator) => calls.some((call) => call.name === decorator);
  const unknown = calls.find((call) => !DESCRIBED.includes(call.name));
  if (unknown) {
    throw new Error(`${file}: ${name}: describe @${unknown.name} in scripts/config-reference`);
  }
  const optional = has('IsOptional');
  if (has('EnvBoolean')) return { optional, accepts: '`true` or `false`' };
  if (has('IsIn')) return { optional, accepts: oneOf(argument('IsIn')) };
  if (has('IsInt')) {
    const min = has('Min') ? argument('Min') : undefined;
    const max = has('Max') ? argument('Max') : undefined;
    return { optional, accepts: `an integer${bounds(min, max)}` };
  }
  if (has('IsUrl')) {
    const protocols = argument('IsUrl').protocols ?? ['http', 'https'];
    return { optional, accepts: `an ${protocols.join(' or ')} URL` };
  }
  if (has('Matches')) {
    const message = argument('Matches', 1)?.message;
    if (!message) throw new Error(`${file}: ${name}: @Matches needs a message to describe it`);
    return { optional, accepts: message.replace(new RegExp(`^${name} `), '') };
  }
  if (has('MinLength')) {
    return { optional, accepts: `a string of ${argument('MinLength')} or more characters` };
  }
  if (has('IsNotEmpty')) return { optional, accepts: 'a non-empty string' };
  if (has('IsString')) return { optional, accepts: 'a string' };
  throw new Error(`${file}: ${name}: no rule says what the setting accepts`);
}

const oneOf = (values) =>
  values.length === 1
    ? `\`${values[0]}\``
    : `one of ${values
        .slice(0, -1)
        .map((value) => `\`${value}\``)
        .join(', ')} or \`${values.at(-1)}\``;

function bounds(min, max) {
  const at = (value) => value.toLocaleString('en-GB');
  if (min !== undefined && max !== undefined) return ` from ${at(min)} to ${at(max)}`;
  if (min !== undefined) return `, at least ${at(min)}`;
  if (max !== undefined) return `, at most ${at(max)}`;
  return '';
}

/** The value of a literal expression, following identifiers to the constants they name. */
function valueOf(node, checker) {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
    return valueOf(node.expression, checker);
  }
  if (ts.isSatisfiesExpression(node)) return valueOf(node.expression, checker);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return -valueOf(node.operand, checker);
  }
  if (ts.isRegularExpressionLiteral(node)) return node.text;
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.map((element) => valueOf(element, checker));
  }
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node.properties
        .filter(ts.isPropertyAssignment)
        .map((property) => [property.name.getText(), valueOf(property.initializer, checker)]),
    );
  }
  if (ts.isIdentifier(node)) {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      return valueOf(declaration.initializer, checker);
    }
  }
  const where = `${node.getSourceFile().fileName}: ${node.getText()}`;
  throw new Error(`${where}: not a value scripts/config-reference can read`);
}
