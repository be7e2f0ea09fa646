/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the public API's bodies, generated from the
 * zod schemas of lib/server/api/contract.ts, so the document says what the services return. Plain
 * data, so the document is one object.
 */
import { z } from "zod";
import { API_SCHEMAS } from "@/lib/server/api/contract";

type Json = Record<string, unknown>;

/** A generated component: an object schema (every one in lib/server/api/contract.ts is). */
export interface ComponentSchema extends Json {
  type: "object";
  required: string[];
  properties: Record<string, Json>;
}

const SAFE_INTEGER = Number.MAX_SAFE_INTEGER;

/**
 * Drops what zod adds that says nothing to a reader: the bounds of a safe integer (every integer
 * in JSON from JavaScript has them) and the regular expressions behind formats date-time and uuid.
 */
function plain(schema: Json): void {
  if (schema.type === "integer") {
    if (schema.maximum === SAFE_INTEGER) delete schema.maximum;
    if (schema.minimum === -SAFE_INTEGER) delete schema.minimum;
  }
  if (schema.format === "date-time" || schema.format === "uuid") delete schema.pattern;
  // z.literal(1) is a number to zod; JSON Schema can say it is an integer.
  if (schema.type === "number" && Number.isInteger(schema.const)) schema.type = "integer";
}

type ComponentName = keyof typeof API_SCHEMAS;

function generate(): Record<ComponentName, ComponentSchema> {
  const components = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(API_SCHEMAS)) components.add(schema, { id });
  const { schemas } = z.toJSONSchema(components, {
    target: "draft-2020-12",
    // What a client may send and receive alike: an object lists its members and leaves
    // unknown ones unsaid, as the hand-written schemas did.
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => plain(jsonSchema as Json),
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Json;
      return [name, rest as ComponentSchema];
    }),
  ) as Record<ComponentName, ComponentSchema>;
}

export const schemas = generate();
