package dk.kfgateway.fhir;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Removes HAPI's DAO and resource-provider beans of the FHIR types the gateway does not serve, before Spring creates
 * them. HAPI's generated configuration declares two eager beans for each of the 146 R4 types; creating them is a third
 * of the start-up time and a good part of the memory, for types that would answer 404 anyway.
 */
class UnservedTypesPruner implements BeanDefinitionRegistryPostProcessor {

  private static final Pattern GENERATED_BEAN = Pattern.compile("my([A-Z][A-Za-z]+)(Dao|Rp)R4");

  private final Set<String> kept;

  UnservedTypesPruner(Set<String> kept) {
    this.kept = Set.copyOf(kept);
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    for (String name : registry.getBeanDefinitionNames()) {
      Matcher generated = GENERATED_BEAN.matcher(name);
      if (generated.matches() && isResourceType(generated.group(1)) && !kept.contains(generated.group(1))) {
        registry.removeBeanDefinition(name);
      }
    }
  }

  private static boolean isResourceType(String name) {
    try {
      org.hl7.fhir.r4.model.ResourceType.fromCode(name);
      return true;
    } catch (org.hl7.fhir.exceptions.FHIRException notAType) {
      return false;
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
