package dk.kfgateway.settlement;

import java.util.Map;

/** The agreement of each municipality, by its Organization reference; the bekendtgørelse's defaults for the others. */
public final class Agreements {

  private final Map<String, AgreementProperties> byMunicipality;
  private final String defaultRegion;

  public Agreements(Map<String, AgreementProperties> byMunicipalityId, String defaultRegion) {
    this.byMunicipality = Map.copyOf(byMunicipalityId);
    this.defaultRegion = defaultRegion;
  }

  /** @param municipality {@code Organization/<id>} */
  public Agreement of(String municipality) {
    String id = municipality.substring(municipality.indexOf('/') + 1);
    AgreementProperties terms = byMunicipality.getOrDefault(id, AgreementProperties.none());
    return new Agreement(municipality, terms.region() != null ? terms.region() : defaultRegion, terms);
  }
}
