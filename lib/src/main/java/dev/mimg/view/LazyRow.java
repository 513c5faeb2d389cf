package dev.mimg.view;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A listing row whose fields are computed when a template asks for them, once each (a table shows a few of
 * them; {@code {{json .}}} asks for all, in sorted key order as Go marshals a map).
 */
final class LazyRow extends AbstractMap<String, Object> {

  private final SortedSet<String> fields;
  private final Function<String, Object> compute;
  private final Map<String, Object> computed = new HashMap<>();

  LazyRow(SortedSet<String> fields, Function<String, Object> compute) {
    this.fields = fields;
    this.compute = compute;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String field) || !fields.contains(field)) {
      return null;
    }
    return computed.computeIfAbsent(field, compute);
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String field && fields.contains(field);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> all = new TreeMap<>();
    fields.forEach(field -> all.put(field, get(field)));
    return all.entrySet();
  }
}
