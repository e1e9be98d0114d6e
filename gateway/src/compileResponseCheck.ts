import {
  type CompositeType,
  type EnumType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  type Operation,
  type OutputType,
  type ScalarType,
  type Schema,
  type SelectionSet,
} from '@apollo/federation-internals';

/** Whether an agency's `data` is already, key for key and value for value, the answer the client gets. */
export type ResponseCheck = (data: Record<string, unknown>) => boolean;

interface CompiledField {
  kind: 'field';
  responseName: string;
  typename: boolean;
  type: OutputType;
  selections: CompiledSelection[] | undefined;
  /** The same response name comes earlier in the same object (a leaf asked for twice). */
  repeated: boolean;
}

interface CompiledFragment {
  kind: 'fragment';
  typeCondition: CompositeType | undefined;
  selections: CompiledSelection[];
}

type CompiledSelection = CompiledField | CompiledFragment;

/**
 * Compiles, once per operation, a check that Apollo Gateway's post-processing (`computeResponse`
 * in @apollo/gateway's resultShaping.ts) would give back exactly the data it is given. That
 * post-processing walks the client's operation over the data fetched: it keeps only the fields
 * the client asked for, in the client's order (the subgraph answers the planner's operation,
 * which may ask for more, such as a `__typename`), answers `__typename` from the API schema,
 * evaluates @skip and @include, runs introspection itself, nulls a value that is not valid for its
 * type in the API schema (an @inaccessible enum value), bubbles a null up from a non-null field
 * and reports each as `valueCompletion`. The check walks the same operation, built by the same
 * `operationFromDocument` over the same API schema, and says yes only when none of that would
 * change a thing: every object has exactly the client's keys in the client's order, every
 * `__typename` names an object type of the API schema, every leaf is valid, no non-null field is
 * null. It costs a walk of the answer, not a copy of it.
 *
 * Undefined when the operation asks for something the check does not follow, so the answer
 * always takes the normal path: a mutation or subscription, a directive (@skip, @include) on a
 * selection, introspection, or one response name with sub-selections reached twice in one object.
 */
export function compileResponseCheck(operation: Operation): ResponseCheck | undefined {
  if (operation.rootKind !== 'query') return undefined;
  const schema = operation.schema();
  const root = schema.schemaDefinition.rootType('query');
  const selections = compileSelectionSet(operation.selectionSet, new Map());
  if (!root || !selections) return undefined;
  return (data) => checkObject(schema, data, selections, root);
}

/** Each object's response names so far, so that a name reached twice is known when compiling. */
function compileSelectionSet(selectionSet: SelectionSet, seen: Map<string, boolean>): CompiledSelection[] | undefined {
  const compiled: CompiledSelection[] = [];
  for (const selection of selectionSet.selections()) {
    if (selection.element.appliedDirectives.length > 0) return undefined;
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      if (field.definition.isSchemaIntrospectionField()) return undefined;
      const responseName = field.responseName();
      const composite = selection.selectionSet !== undefined;
      const earlier = seen.get(responseName);
      // A name asked for twice is answered once: fine for a leaf, but two sub-selections would merge.
      if (earlier !== undefined && (earlier || composite)) return undefined;
      seen.set(responseName, composite);
      const selections = selection.selectionSet ? compileSelectionSet(selection.selectionSet, new Map()) : undefined;
      if (selection.selectionSet && !selections) return undefined;
      compiled.push({
        kind: 'field',
        responseName,
        typename: field.name === '__typename',
        type: field.definition.type!,
        selections,
        repeated: earlier !== undefined,
      });
    } else {
      const selections = compileSelectionSet(selection.selectionSet, seen);
      if (!selections) return undefined;
      compiled.push({ kind: 'fragment', typeCondition: selection.element.typeCondition, selections });
    }
  }
  return compiled;
}

/** Where the walk of one object is: its keys in order, and how many of them the operation has accounted for. */
interface ObjectWalk {
  keys: string[];
  next: number;
}

function checkObject(
  schema: Schema,
  input: Record<string, unknown>,
  selections: CompiledSelection[],
  parentType: CompositeType,
): boolean {
  const walk: ObjectWalk = { keys: Object.keys(input), next: 0 };
  return checkSelections(schema, input, selections, parentType, walk) && walk.next === walk.keys.length;
}

function checkSelections(
  schema: Schema,
  input: Record<string, unknown>,
  selections: CompiledSelection[],
  parentType: CompositeType,
  walk: ObjectWalk,
): boolean {
  for (const selection of selections) {
    if (selection.kind === 'fragment') {
      const typename = input['__typename'];
      if (typename !== undefined && typeof typename !== 'string') return false;
      if (!typeConditionApplies(schema, selection.typeCondition, typename, parentType)) continue;
      const within = selection.typeCondition ?? parentType;
      if (!checkSelections(schema, input, selection.selections, within, walk)) return false;
      continue;
    }
    // Already answered in this object: post-processing skips it, and so does the check.
    if (selection.repeated) {
      const at = walk.keys.indexOf(selection.responseName);
      if (at !== -1 && at < walk.next) continue;
    }
    if (walk.keys[walk.next] !== selection.responseName) return false;
    walk.next += 1;
    const value = input[selection.responseName];
    if (selection.typename) {
      const named = typeof value === 'string' ? schema.type(value) : undefined;
      if (!named || !isObjectType(named)) return false;
      continue;
    }
    if (!checkValue(schema, value, selection.type, selection.selections)) return false;
  }
  return true;
}

function checkValue(
  schema: Schema,
  value: unknown,
  type: OutputType,
  selections: CompiledSelection[] | undefined,
): boolean {
  if (isNonNullType(type)) return value !== null && checkValue(schema, value, type.ofType, selections);
  if (value === null) return true;
  if (isListType(type)) {
    if (!Array.isArray(value)) return false;
    for (const element of value) if (!checkValue(schema, element, type.ofType, selections)) return false;
    return true;
  }
  if (isCompositeType(type)) {
    if (typeof value !== 'object' || Array.isArray(value) || !selections) return false;
    const object = value as Record<string, unknown>;
    const typename = object['__typename'];
    let objectType: CompositeType = type;
    if (typename !== undefined) {
      const named = typeof typename === 'string' ? schema.type(typename) : undefined;
      if (!named || !isCompositeType(named)) return false;
      objectType = named;
    }
    return checkObject(schema, object, selections, objectType);
  }
  return isValidLeafValue(schema, value, type as ScalarType | EnumType);
}

/** As resultShaping.ts's: a fragment applies by the object's __typename, or else by the type of its place. */
function typeConditionApplies(
  schema: Schema,
  typeCondition: CompositeType | undefined,
  typename: string | undefined,
  parentType: CompositeType,
): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type);
  }
  return isSubtype(typeCondition, parentType);
}
