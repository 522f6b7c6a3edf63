package dk.kfgateway.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Every {@code static RuleRef} constant of the gateway's own classes, found by reflection, so that a rule is declared
 * once, where it is enforced, and the catalogue cannot miss it. Test classes are left out: they share the package.
 */
final class RuleConstants {

  private static final String CLASSES = "classpath*:dk/kfgateway/**/*.class";

  private RuleConstants() {}

  static List<RuleRef> all() {
    ClassLoader loader = RuleRef.class.getClassLoader();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
    MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
    List<RuleRef> constants = new ArrayList<>();
    try {
      for (Resource resource : resolver.getResources(CLASSES)) {
        Class<?> type = ClassUtils.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName(), loader);
        if (sameCodeAsRuleRef(type)) {
          constants.addAll(of(type));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return constants;
  }

  private static boolean sameCodeAsRuleRef(Class<?> type) {
    return type.getProtectionDomain().getCodeSource() != null && Objects.equals(
        type.getProtectionDomain().getCodeSource().getLocation(),
        RuleRef.class.getProtectionDomain().getCodeSource().getLocation());
  }

  private static List<RuleRef> of(Class<?> type) {
    List<RuleRef> constants = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (field.getType() == RuleRef.class && Modifier.isStatic(field.getModifiers()) && field.trySetAccessible()) {
        try {
          constants.add((RuleRef) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return constants;
  }
}
