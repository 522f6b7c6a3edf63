package dk.kfgateway.faults;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import dk.kfgateway.bench.BenchDatabase;
import dk.kfgateway.bench.BenchReferrals;
import dk.kfgateway.bench.FhirHttp;
import dk.kfgateway.bench.GatewayProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for a while (the test cuts its own TCP proxy between gateway and database; the server itself is
 * untouched): the gateway answers 503 with a Retry-After and an OperationOutcome saying nothing was stored, and once
 * the database is back it serves again by itself, the same process, no restart.
 */
class DatabaseOutageIT {

  private static final String WORK_LIST = "Task?owner=Organization/kf-region-sjaelland&status=requested&_count=5";

  @Test
  void while_the_database_is_away_calls_get_503_and_afterwards_the_same_process_serves_again() throws Exception {
    FaultRun.assumePostgres();
    Path log = FaultRun.log("database-outage");
    try (BenchDatabase db = BenchDatabase.postgres("kf_fault_outage");
        TcpProxy proxy = new TcpProxy(BenchDatabase.POSTGRES_HOST, BenchDatabase.POSTGRES_PORT)) {
      List<String> args = new ArrayList<>(db.gatewayArgs(BenchDatabase.POSTGRES_HOST, proxy.port()));
      // wait at most 2 s for a connection before answering 503 (the pool's default is 30 s)
      args.add("--spring.datasource.hikari.connection-timeout=2000");
      try (GatewayProcess gateway = FaultRun.start(args, log)) {
        FhirHttp client = new FhirHttp(gateway.baseUrl());
        assertThat(client.send(FhirHttp.MUNICIPALITY, "POST", "", BenchReferrals.referral(0).json()).status())
            .as("intake before the outage").isEqualTo(200);

        proxy.cut();
        BenchReferrals.Referral duringOutage = BenchReferrals.referral(1);
        FhirHttp.Answer intake = client.send(FhirHttp.MUNICIPALITY, "POST", "", duringOutage.json());
        FhirHttp.Answer poll = client.send(FhirHttp.CLINIC, "GET", WORK_LIST, null);

        for (FhirHttp.Answer answer : List.of(intake, poll)) {
          assertThat(answer.status()).as(answer.body()).isEqualTo(503);
          assertThat(answer.header("Retry-After")).isNotBlank();
          OperationOutcome outcome = FhirContext.forR4Cached().newJsonParser()
              .parseResource(OperationOutcome.class, answer.body());
          assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TRANSIENT);
          assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("database cannot be reached");
        }

        proxy.restore();
        BenchReferrals.Referral afterwards = BenchReferrals.referral(2);
        FhirHttp.Answer recovered = firstAnswerOtherThan503(client, afterwards);
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        assertThat(client.send(FhirHttp.CLINIC, "GET", WORK_LIST, null).status()).isEqualTo(200);
        assertThat(gateway.isAlive()).as("the same process, not restarted").isTrue();
        try (Connection check = db.connect()) {
          assertThat(StoredReferral.of(check, duringOutage.cpr()).countsByType()).as("the refused referral").isEmpty();
          assertThat(StoredReferral.of(check, afterwards.cpr()).countsByType()).as("the referral after recovery")
              .isEqualTo(StoredReferral.WHOLE);
        }
      }
    }
  }

  /** The pool reconnects on its own; a client retrying after Retry-After gets through within a bounded number of tries. */
  private static FhirHttp.Answer firstAnswerOtherThan503(FhirHttp client, BenchReferrals.Referral referral)
      throws InterruptedException {
    FhirHttp.Answer answer = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      answer = client.send(FhirHttp.MUNICIPALITY, "POST", "", referral.json());
      if (answer.status() != 503) {
        return answer;
      }
      Thread.sleep(1000);
    }
    return answer;
  }
}
