package dk.kfgateway.security.attack;

/**
 * The client systems that attack and are attacked in these scenarios: the demo clients (application.yaml) and the
 * tests' second region's clinic. Their names are the client ids, so that parameterised tests read as who does what.
 */
enum Party {
  HOLBAEK("holbaek-jobcenter", "Organization/municipality-holbaek", "PractitionerRole/caseworker-holbaek"),
  KALUNDBORG("kalundborg-jobcenter", "Organization/municipality-kalundborg", "PractitionerRole/caseworker-kalundborg"),
  ROSKILDE("roskilde-jobcenter", "Organization/municipality-roskilde", "PractitionerRole/caseworker-roskilde"),
  CLINIC_SJAELLAND("kf-sjaelland-ehr", "Organization/kf-region-sjaelland", null),
  CLINIC_MIDTJYLLAND("kf-midtjylland-ehr", "Organization/kf-region-midtjylland", null),
  SECRETARIAT("kf-sjaelland-secretariat", "Organization/kf-region-sjaelland", "PractitionerRole/secretary-kf"),
  GP_NORDVEJ("gp-nordvej", "Organization/gp-clinic-nordvej", null),
  GP_STRANDVEJ("gp-strandvej", "Organization/gp-clinic-strandvej", null),
  ADMINISTRATOR("gateway-admin", "Organization/kf-gateway-operations", null);

  final String client;
  final String organization;
  /** The PractitionerRole that writes for it (a municipality's caseworker), or null. */
  final String person;

  Party(String client, String organization, String person) {
    this.client = client;
    this.organization = organization;
    this.person = person;
  }

  @Override
  public String toString() {
    return client;
  }
}
