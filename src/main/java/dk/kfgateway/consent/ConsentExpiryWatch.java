package dk.kfgateway.consent;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.util.Date;
import org.hl7.fhir.r4.model.Consent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consent also stops holding when its period runs out, with nobody writing anything (guide pkt. 13, CONS-005): every
 * interval, each active consent whose period ended is reviewed like a withdrawal, so its open tasks go on hold. Tasks
 * already on hold are left alone, so a sweep repeats nothing; each sweep is one transaction, on whichever node runs it.
 */
class ConsentExpiryWatch {

  private static final Logger log = LoggerFactory.getLogger(ConsentExpiryWatch.class);

  private final DaoRegistry daos;
  private final ConsentWithdrawalInterceptor withdrawal;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ConsentExpiryWatch(
      DaoRegistry daos, ConsentWithdrawalInterceptor withdrawal, TransactionTemplate transaction, Clock clock) {
    this.daos = daos;
    this.withdrawal = withdrawal;
    this.transaction = transaction;
    this.clock = clock;
  }

  void sweep() {
    try {
      transaction.executeWithoutResult(status -> {
        SearchParameterMap ended = SearchParameterMap.newSynchronous()
            .add(Consent.SP_STATUS, new TokenParam("active"))
            .add(Consent.SP_PERIOD, new DateParam(ParamPrefixEnum.ENDS_BEFORE, Date.from(clock.instant())));
        daos.getResourceDao(Consent.class).searchForResources(ended, new SystemRequestDetails())
            .forEach(consent -> withdrawal.review((Consent) consent));
      });
    } catch (RuntimeException e) {
      log.warn("Sweep of expired consents failed; the next one retries: {}", e.toString());
    }
  }
}
