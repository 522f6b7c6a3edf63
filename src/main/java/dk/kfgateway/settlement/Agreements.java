package dk.kfgateway.settlement;

import java.util.Map;

/** The agreement of each municipality, by its Organization reference; the bekendtgørelse's defaults for the others. */
public final class Agreements {

  private final Map<String, AgreementProperties> byMunicipality;
  private final String defaultRegion;

  /** Refuses to start with a price it cannot read or a price key it does not know, rather than fail on a Task write. */
  public Agreements(Map<String, AgreementProperties> byMunicipalityId, String defaultRegion) {
    this.byMunicipality = Map.copyOf(byMunicipalityId);
    this.defaultRegion = defaultRegion;
    java.util.Set<String> keys = new java.util.TreeSet<>(java.util.List.of(Agreement.FULL_TIME_YEAR_KEY));
    for (ChargeCode code : ChargeCode.values()) {
      if (code.priceKey() != null) {
        keys.add(code.priceKey());
      }
    }
    byMunicipality.forEach((municipality, terms) -> terms.prices().forEach((key, price) -> {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("gateway.settlement.agreements." + municipality + ".prices." + key
            + " is no price the gateway knows: " + keys);
      }
      Price.parse(price);
    }));
  }

  /** @param municipality {@code Organization/<id>} */
  public Agreement of(String municipality) {
    String id = municipality.substring(municipality.indexOf('/') + 1);
    AgreementProperties terms = byMunicipality.getOrDefault(id, AgreementProperties.none());
    return new Agreement(municipality, terms.region() != null ? terms.region() : defaultRegion, terms);
  }
}
