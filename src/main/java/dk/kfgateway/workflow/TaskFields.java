package dk.kfgateway.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * Compares two versions of a Task field by field without touching them: reads go through {@link
 * Base#getNamedProperty}, because the generated getters create empty elements on the stored resource.
 */
final class TaskFields {

  private TaskFields() {}

  /** The non-empty values of one element, e.g. {@code "owner"} or {@code "for"}; empty when absent. */
  static List<Base> values(Task task, String element) {
    Property property = task.getNamedProperty(element);
    return property == null
        ? List.of()
        : property.getValues().stream().filter(value -> value != null && !value.isEmpty()).toList();
  }

  static boolean changed(Task before, Task after, String element) {
    return !Base.compareDeep(values(before, element), values(after, element), true);
  }

  /** Names of every element (Task's own and inherited, e.g. meta, text) whose content differs. */
  static Set<String> changedElements(Task before, Task after) {
    return before.children().stream()
        .map(Property::getName)
        .filter(name -> changed(before, after, name))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * What a reference points at, ignoring display text, server base and version: "Organization/kf-holbaek", or the
   * logical identifier "system|value" when there is no literal reference; "" when empty.
   */
  static String target(Reference reference) {
    if (reference == null || reference.isEmpty()) {
      return "";
    }
    if (reference.hasReference()) {
      return reference.getReferenceElement().toUnqualifiedVersionless().getValue();
    }
    if (reference.hasIdentifier()) {
      return reference.getIdentifier().getSystem() + "|" + reference.getIdentifier().getValue();
    }
    return reference.getDisplay() == null ? "" : reference.getDisplay();
  }

  /**
   * What the references of an element name, as a set: the target and, when both are written, the identifier on it (a
   * CPR next to the Patient reference), which a receiving system may match by.
   */
  static Set<String> identities(Task task, String element) {
    return values(task, element).stream().map(value -> (Reference) value)
        .map(r -> target(r) + (r.hasReference() && r.hasIdentifier()
            ? " (" + r.getIdentifier().getSystem() + "|" + r.getIdentifier().getValue() + ")" : ""))
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toSet());
  }

  /** The targets of a reference element (single or repeating), as a set: order carries no meaning here. */
  static Set<String> targets(Task task, String element) {
    return values(task, element).stream()
        .map(value -> target((Reference) value))
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toSet());
  }
}
