package dk.kfgateway.security;

/** The kind of party a client system acts for; taken from its token. */
public enum PartyRole {
  /** A municipality's case system (kommune / jobcenter): posts referrals, follows its own tasks. */
  MUNICIPALITY,
  /** The hospital EHR of a region's Klinisk Funktion: pulls, triages and answers the tasks it owns. */
  CLINIC,
  /** Klinisk Funktion's secretariat (sekretariat): its clinic's queue, cancellations, routing exceptions. */
  SECRETARIAT,
  /** A GP clinic's system (praktiserende læge): receives the copies addressed to it. */
  GP,
  /** Operations: audit trail and configuration, no case work. */
  ADMINISTRATOR
}
