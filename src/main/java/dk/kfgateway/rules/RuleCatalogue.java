package dk.kfgateway.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every rule of the gateway in one list: its id, what it says, its source paragraph and how it answers. The ids and
 * sources are the {@link RuleRef} constants where the rules are enforced ({@link RuleConstants}); what each rule says is
 * in {@link RuleTexts}. The README's rule tables are printed from here ({@link #markdown}); a test compares them.
 */
public final class RuleCatalogue {

  /** One rule as the README shows it. */
  public record Entry(RuleTable table, String id, String rule, String source, String answer) {}

  private RuleCatalogue() {}

  /**
   * The rules in the README's order.
   *
   * @throws IllegalStateException when a constant's id has no text, a text no source, or one id two sources
   */
  public static List<Entry> entries() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (RuleRef constant : RuleConstants.all()) {
      String other = sources.putIfAbsent(constant.id(), constant.source());
      if (other != null && !other.equals(constant.source())) {
        throw new IllegalStateException(constant.id() + " is declared with two sources: " + other + " / " + constant.source());
      }
    }
    Set<String> texts = RuleTexts.ALL.stream().map(RuleTexts.Text::id).collect(Collectors.toSet());
    Set<String> untold = new TreeSet<>(sources.keySet());
    untold.removeAll(texts);
    if (!untold.isEmpty()) {
      throw new IllegalStateException("Rules without a text in rules.RuleTexts: " + untold);
    }
    return RuleTexts.ALL.stream().map(text -> entry(text, sources.get(text.id()))).toList();
  }

  private static Entry entry(RuleTexts.Text text, String constantSource) {
    if ((text.source() == null) == (constantSource == null)) {
      throw new IllegalStateException(text.id() + (constantSource == null
          ? " has no RuleRef constant: declare it where it is enforced, or name its varying source in rules.RuleTexts"
          : " has a RuleRef constant: its source is the constant's, not one in rules.RuleTexts"));
    }
    return new Entry(text.table(), text.id(), text.rule(), constantSource == null ? text.source() : constantSource,
        text.answer());
  }

  /** The README table of these rules between its markers; the first table points to the others. */
  public static String markdown(RuleTable table, List<Entry> entries) {
    StringBuilder markdown = new StringBuilder(table.start()).append('\n').append(table.header());
    entries.stream().filter(e -> e.table() == table).forEach(e -> markdown.append(table.row(e)));
    if (table == RuleTable.RULES) {
      for (RuleTable other : RuleTable.values()) {
        List<String> ids = entries.stream().filter(e -> e.table() == other).map(Entry::id).toList();
        if (other != table && !ids.isEmpty()) {
          markdown.append(other.pointer(ids.get(0) + " .. " + ids.get(ids.size() - 1)));
        }
      }
    }
    return markdown.append(RuleTable.end()).append('\n').toString();
  }
}
