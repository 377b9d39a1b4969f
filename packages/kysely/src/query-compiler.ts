// SPDX-License-Identifier: MIT
// Copyright (c) 2026 informix-db contributors
//
// Kysely's operation tree → Informix SQL. What differs from the default (PostgreSQL-flavoured) compiler:
// `?` placeholders; identifiers left bare, because IDS reads "x" as a string literal unless the session
// sets DELIMIDENT; LIMIT/OFFSET as `SELECT SKIP n FIRST m`; ADD/DROP/MODIFY without COLUMN; auto-increment
// columns as SERIAL/BIGSERIAL; booleans as 't'/'f'; and RETURNING refused (IDS has none — use insertId).

import {
  type AddColumnNode,
  type ColumnDefinitionNode,
  DataTypeNode,
  DefaultQueryCompiler,
  type DropColumnNode,
  type IdentifierNode,
  type ModifyColumnNode,
  type OperationNode,
  RawNode,
  type ReturningNode,
  SelectModifierNode,
  type SelectQueryNode,
  ValueNode,
} from "kysely";

/**
 * How identifiers are written. `"when-needed"` (the default) leaves a name bare when it is a plain
 * identifier (letter or underscore, then letters, digits, `_` or `$`) and double-quotes it otherwise,
 * which IDS accepts only when the session sets DELIMIDENT. `"always"` quotes every name, for
 * DELIMIDENT sessions that need case-sensitive or reserved names.
 */
export type IdentifierQuoting = "when-needed" | "always";

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** Kysely data type names whose Informix spelling differs. */
const DATA_TYPES: Readonly<Record<string, string>> = {
  timestamp: "datetime year to fraction(5)",
  time: "datetime hour to second",
  "double precision": "float",
  real: "smallfloat",
};

/** Integer types an auto-increment column becomes. */
const SERIAL_TYPES: Readonly<Record<string, string>> = {
  integer: "serial",
  int: "serial",
  int4: "serial",
  bigint: "bigserial",
  int8: "bigserial",
};

/** Compiles Kysely queries to Informix SQL with `?` placeholders. */
export class InformixQueryCompiler extends DefaultQueryCompiler {
  readonly #quoting: IdentifierQuoting;

  constructor(quoting: IdentifierQuoting = "when-needed") {
    super();
    this.#quoting = quoting;
  }

  protected override getCurrentParameterPlaceholder(): string {
    return "?";
  }

  protected override visitIdentifier(node: IdentifierNode): void {
    if (this.#quoting === "when-needed" && PLAIN_IDENTIFIER.test(node.name)) {
      this.append(node.name);
    } else {
      super.visitIdentifier(node);
    }
  }

  /** `select … limit m offset n` becomes `select skip n first m …`, as IDS spells it. */
  protected override visitSelectQuery(node: SelectQueryNode): void {
    if (node.limit === undefined && node.offset === undefined) {
      super.visitSelectQuery(node);
      return;
    }
    const fragments: string[] = [];
    const parameters: OperationNode[] = [];
    let text = "";
    const add = (keyword: string, value: OperationNode) => {
      const inline = integerLiteral(value);
      if (inline !== undefined) {
        text += `${text === "" ? "" : " "}${keyword} ${inline}`;
      } else {
        fragments.push(`${text}${text === "" ? "" : " "}${keyword} `);
        parameters.push(value);
        text = "";
      }
    };
    if (node.offset) add("skip", node.offset.offset);
    if (node.limit) add("first", node.limit.limit);
    fragments.push(text);
    const skipFirst = SelectModifierNode.createWithExpression(RawNode.create(fragments, parameters));
    const { limit: _limit, offset: _offset, ...rest } = node;
    super.visitSelectQuery({ ...rest, frontModifiers: [skipFirst, ...(node.frontModifiers ?? [])] });
  }

  protected override visitReturning(_node: ReturningNode): void {
    throw new Error(
      "Informix has no RETURNING clause: read the generated SERIAL from InsertResult.insertId, or select the row again",
    );
  }

  protected override appendImmediateValue(value: unknown): void {
    if (typeof value === "boolean") this.append(value ? "'t'" : "'f'");
    else super.appendImmediateValue(value);
  }

  protected override visitColumnDefinition(node: ColumnDefinitionNode): void {
    let { dataType } = node;
    if (DataTypeNode.is(dataType)) {
      const name = dataType.dataType.toLowerCase();
      const serial = node.autoIncrement ? SERIAL_TYPES[name] : undefined;
      const mapped = serial ?? DATA_TYPES[name];
      if (mapped !== undefined) dataType = RawNode.createWithSql(mapped);
    }
    super.visitColumnDefinition({ ...node, dataType, autoIncrement: false });
  }

  protected override visitAddColumn(node: AddColumnNode): void {
    this.append("add ");
    this.visitNode(node.column);
  }

  protected override visitDropColumn(node: DropColumnNode): void {
    this.append("drop ");
    this.visitNode(node.column);
  }

  protected override visitModifyColumn(node: ModifyColumnNode): void {
    this.append("modify (");
    this.visitNode(node.column);
    this.append(")");
  }
}

/** A non-negative integer value node, spelled as digits; undefined for anything else (bound as `?`). */
function integerLiteral(node: OperationNode): string | undefined {
  if (!ValueNode.is(node)) return undefined;
  const { value } = node;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "bigint" && value >= 0n) return value.toString();
  return undefined;
}
