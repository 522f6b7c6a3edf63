package dk.kfgateway.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;

/**
 * {@code GET /fhir/metadata} announces what the gateway really takes ({@link JsonOnly}): JSON only, and JSON Patch or
 * FHIRPath Patch in JSON; HAPI would list XML and Turtle too.
 */
@Interceptor
public class JsonOnlyCapability {

  static final List<String> FORMATS = List.of(JsonOnly.JSON, "json");
  static final List<String> PATCH_FORMATS = List.of(JsonOnly.JSON, "application/json-patch+json");

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void jsonOnly(IBaseConformance generated) {
    CapabilityStatement statement = (CapabilityStatement) generated;
    statement.setFormat(FORMATS.stream().map(CodeType::new).toList());
    statement.setPatchFormat(PATCH_FORMATS.stream().map(CodeType::new).toList());
  }
}
