// JsonTree: a collapsible, lazily rendered JSON tree with copy buttons; renders text only.
import { useMemo, useState } from 'preact/hooks';
import { stringifyJsonLinear } from '../lib/format/json';
import { CopyButton } from './CopyButton';
import { VisibleText } from './UntrustedText';

/** Strings longer than this are truncated until the user asks for more. */
export const STRING_PREVIEW_CHARS = 200;
/** How many more characters each "show more" click on a long string reveals. */
const STRING_STEP_CHARS = 20_000;
/** Children of an object/array rendered at once; the rest sit behind "show N more". */
export const CHILDREN_PAGE_SIZE = 100;
/** Keys longer than this are shortened on screen (copying the path still gives the full key). */
export const KEY_PREVIEW_CHARS = 200;
/** Upper bound on automatic expansion, whatever `defaultExpandDepth` says. */
export const MAX_AUTO_EXPAND_DEPTH = 20;

/** Props of {@link JsonTree}. */
export interface JsonTreeProps {
  /** Any JSON-like value (typically a decoded JOSE header or payload). */
  value: unknown;
  /** Caption shown above the tree and used in copy tooltips, e.g. "Payload". */
  label?: string;
  /** Levels expanded initially: 0 = root collapsed, 1 = root's children visible (default). */
  defaultExpandDepth?: number;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Appends a key to a JSON path in the same notation as `findTokensInJson`:
 * `$.data.documents[0]`, `$["odd key"]`.
 */
export function appendJsonPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Text put on the clipboard for a node: strings as-is (so a token copies cleanly), everything
 * else as JSON of the same value — indented near the top and compact below, so any nesting depth
 * (100,000 levels) copies in size linear in the value. Throws for a value that is not JSON data
 * (a cycle), which the copy button reports instead of copying something else.
 */
export function stringifyForCopy(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return value.toString();
  return stringifyJsonLinear(value);
}

/** A collapsible JSON tree; children render only when their parent is expanded. */
export function JsonTree({ value, label, defaultExpandDepth = 1 }: JsonTreeProps) {
  const expandDepth = Math.max(0, Math.min(defaultExpandDepth, MAX_AUTO_EXPAND_DEPTH));
  const what = label ?? 'value';
  return (
    <div class="json-tree">
      <div class="json-tree-toolbar">
        {label !== undefined && <span class="json-tree-label">{label}</span>}
        <CopyButton
          text={() => stringifyForCopy(value)}
          label="Copy JSON"
          title={`Copy the whole ${what} as JSON`}
        />
      </div>
      <ul class="json-children json-root">
        <JsonNode value={value} path="$" depth={0} expandDepth={expandDepth} />
      </ul>
    </div>
  );
}

interface JsonNodeProps {
  name?: string;
  value: unknown;
  path: string;
  depth: number;
  expandDepth: number;
}

function JsonNode(props: JsonNodeProps) {
  return isContainer(props.value) ? (
    <ContainerNode {...props} value={props.value} />
  ) : (
    <li class="json-node json-leaf">
      <span class="json-caret-space" aria-hidden="true" />
      {props.name !== undefined && <NodeName name={props.name} />}
      <PrimitiveValue value={props.value} />
      <NodeActions path={props.path} value={props.value} />
    </li>
  );
}

function NodeName({ name }: { name: string }) {
  return (
    <>
      <span class="json-key">
        <VisibleText
          text={name.length > KEY_PREVIEW_CHARS ? `${name.slice(0, KEY_PREVIEW_CHARS)}…` : name}
        />
      </span>
      <span class="json-punct">: </span>
    </>
  );
}

function NodeActions({ path, value }: { path: string; value: unknown }) {
  return (
    <span class="json-actions">
      <CopyButton text={path} label="Copy path" title={`Copy the JSON path ${path}`} />
      <CopyButton
        text={() => stringifyForCopy(value)}
        label="Copy value"
        title={`Copy the value at ${path}`}
      />
    </span>
  );
}

function entriesOf(value: Container): Array<[string | number, unknown]> {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  // Object.entries reads own properties, so a parsed "__proto__" key shows its real value.
  return Object.entries(value);
}

function countLabel(value: Container, count: number): string {
  if (Array.isArray(value)) return count === 1 ? '1 item' : `${count} items`;
  return count === 1 ? '1 key' : `${count} keys`;
}

function ContainerNode({
  name,
  value,
  path,
  depth,
  expandDepth,
}: JsonNodeProps & { value: Container }) {
  const [expanded, setExpanded] = useState(depth < expandDepth);
  const isArray = Array.isArray(value);
  const count = isArray ? value.length : Object.keys(value).length;
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];

  if (count === 0) {
    return (
      <li class="json-node json-leaf">
        <span class="json-caret-space" aria-hidden="true" />
        {name !== undefined && <NodeName name={name} />}
        <span class="json-punct">{open + close}</span>
        <NodeActions path={path} value={value} />
      </li>
    );
  }

  return (
    <li class="json-node">
      <button
        type="button"
        class="json-toggle"
        aria-expanded={expanded}
        title={expanded ? `Collapse ${path}` : `Expand ${path}`}
        onClick={() => setExpanded(!expanded)}
      >
        <span class="json-caret" aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        {name !== undefined && <NodeName name={name} />}
        <span class="json-punct">{expanded ? open : `${open}…${close}`}</span>
        <span class="json-count"> {countLabel(value, count)}</span>
      </button>
      <NodeActions path={path} value={value} />
      {expanded && (
        <>
          <ContainerChildren value={value} path={path} depth={depth} expandDepth={expandDepth} />
          <div class="json-punct json-close">{close}</div>
        </>
      )}
    </li>
  );
}

function ContainerChildren({
  value,
  path,
  depth,
  expandDepth,
}: {
  value: Container;
  path: string;
  depth: number;
  expandDepth: number;
}) {
  const entries = useMemo(() => entriesOf(value), [value]);
  const [limit, setLimit] = useState(CHILDREN_PAGE_SIZE);
  const shown = Math.min(limit, entries.length);
  const hidden = entries.length - shown;
  const nextPage = Math.min(CHILDREN_PAGE_SIZE, hidden);
  return (
    <ul class="json-children">
      {entries.slice(0, shown).map(([key, child]) => (
        <JsonNode
          key={String(key)}
          name={String(key)}
          value={child}
          path={appendJsonPath(path, key)}
          depth={depth + 1}
          expandDepth={expandDepth}
        />
      ))}
      {hidden > 0 && (
        <li class="json-node json-more-row">
          <button type="button" class="link-button" onClick={() => setLimit(limit + nextPage)}>
            show {nextPage} more
          </button>
          <span class="json-count"> ({hidden} not shown)</span>
        </li>
      )}
    </ul>
  );
}

function PrimitiveValue({ value }: { value: unknown }) {
  if (typeof value === 'string') return <StringValue value={value} />;
  if (typeof value === 'number') return <span class="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="json-boolean">{String(value)}</span>;
  if (value === null) return <span class="json-null">null</span>;
  if (value === undefined) return <span class="json-null">undefined</span>;
  if (typeof value === 'bigint') return <span class="json-number">{`${value.toString()}n`}</span>;
  return <span class="json-other">{String(value)}</span>;
}

function StringValue({ value }: { value: string }) {
  const [limit, setLimit] = useState(STRING_PREVIEW_CHARS);
  if (value.length <= STRING_PREVIEW_CHARS) {
    return (
      <span class="json-string">
        <VisibleText text={JSON.stringify(value)} />
      </span>
    );
  }
  const shownChars = Math.min(limit, value.length);
  const remaining = value.length - shownChars;
  // Escape only the visible slice: the full string can be hundreds of KB (inline NFC photos).
  const quoted = JSON.stringify(value.slice(0, shownChars));
  return (
    <span class="json-string-long">
      <span class="json-string">
        <VisibleText text={remaining > 0 ? `${quoted.slice(0, -1)}…` : quoted} />
      </span>
      {remaining > 0 ? (
        <>
          <span class="json-count">
            {' '}
            ({remaining.toLocaleString('en-US')} more of {value.length.toLocaleString('en-US')}{' '}
            chars){' '}
          </span>
          <button
            type="button"
            class="link-button"
            onClick={() => setLimit(shownChars + STRING_STEP_CHARS)}
          >
            show more
          </button>
        </>
      ) : (
        <>
          {' '}
          <button type="button" class="link-button" onClick={() => setLimit(STRING_PREVIEW_CHARS)}>
            show less
          </button>
        </>
      )}
    </span>
  );
}
