package dev.mimg.render;

import java.util.List;

/** Gives fields and functions their meaning: row values, or column headers for a table's first line. */
interface ValueResolver {

  /** The value a field reference denotes; null when absent. */
  Object field(FieldPath path);

  /** The result of calling {@code function} with evaluated {@code arguments}. */
  Object call(TemplateFunction function, List<Object> arguments);
}
