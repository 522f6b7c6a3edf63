package dk.kfgateway.settlement;

import static dk.kfgateway.settlement.SettlementCases.CLINIC;
import static dk.kfgateway.settlement.SettlementCases.SECRETARIAT;
import static dk.kfgateway.settlement.SettlementCases.kr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.CANCELLED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.RECEIVED;

import dk.kfgateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Invoice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One month of settlement over HTTP: February 2026 and the boundary into March (Friday 27 February to Monday 2 March,
 * no holiday between) for Holbæk (an agreement on the Midtjylland model: 1,667 kr per started case at the 2013 level,
 * the forecast in monthly instalments, 30 days to pay) and Kalundborg (the bekendtgørelse's defaults: LÆ 275 at
 * 14,000 kr at the 2011 level, the coordinator's case price from a full-time year over 202 x 3 cases, 14 days). Every
 * billable kind, a cancellation before work, a late cancellation, a no-show, a correction and a late event. The
 * expected lines are computed here by hand from the sources and the demo agreements' figures (application.yaml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthOfSettlementTest extends GatewayIntegrationTest {

  private static final ZoneId DK = ZoneId.of("Europe/Copenhagen");
  // The demo agreements' figures (application.yaml, gateway.settlement.agreements): Holbæk's index factor for 2026,
  // its point price, hourly rate and fees at the 2025 level; Kalundborg's factor, its full-time year and prices at the
  // 2026 level.
  private static final BigDecimal HOLBAEK_2026 = kr("1.02");
  private static final BigDecimal KALUNDBORG_2026 = kr("1.03");

  private static final String TEST = SettlementCases.TEST_CLIENT;

  private SettlementCases cases;
  private final Map<String, String> tasks = new TreeMap<>();
  private HttpResponse<String> refusedCompletion;
  private List<ChargeItem> chargedByTheRefusal;

  @BeforeAll
  void february() {
    cases = SettlementCases.at(baseUrl(), port);
    // Holbæk
    String le275 = cases.refer("le275-certificate", "holbaek", at("2026-02-02T09:00"));
    cases.move(le275, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    refusedCompletion = cases.complete(le275, "statement", null, at("2026-02-27T14:00"));
    chargedByTheRefusal = cases.chargesOf(le275);
    ok(cases.complete(le275, "le275", at("2026-02-20T09:00"), at("2026-02-27T14:00")));
    tasks.put("holbaek-le275", le275);

    String sparring = cases.refer("case-sparring", "holbaek", at("2026-02-02T09:00"));
    cases.move(sparring, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(sparring, "note", null, at("2026-02-26T10:20")));
    tasks.put("holbaek-sparring", sparring);

    String estimate = cases.refer("medical-estimate", "holbaek", at("2026-02-02T09:00"));
    cases.move(estimate, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(estimate, "medical-estimate", at("2026-02-25T09:00"), at("2026-02-25T10:05")));
    tasks.put("holbaek-estimate", estimate);

    String noShow = cases.refer("le275-certificate", "holbaek", at("2026-02-02T09:00"));
    cases.move(noShow, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.update(CLINIC, noShow, t -> SettlementCases.noShow(t, at("2026-02-24T10:00"))));
    tasks.put("holbaek-no-show", noShow);

    String late = cases.refer("le275-certificate", "holbaek", at("2026-02-02T09:00"));
    cases.move(late, "examination", RECEIVED, ACCEPTED);
    ok(cases.update(CLINIC, late, t -> SettlementCases.period(t, at("2026-02-27T13:00"), null)));
    ok(cases.update(SECRETARIAT, late, t -> t.setStatus(CANCELLED)));
    tasks.put("holbaek-late-cancellation", late);

    String cancelledEarly = cases.refer("rehab-team-advice", "holbaek", at("2026-02-10T09:00"));
    cases.move(cancelledEarly, null, RECEIVED);
    ok(cases.update(CLINIC, cancelledEarly, t -> t.setStatus(CANCELLED)));
    tasks.put("holbaek-cancelled-early", cancelledEarly);

    String started = cases.refer("rehab-team-advice", "holbaek", at("2026-02-16T09:00"));
    cases.move(started, null, RECEIVED);
    tasks.put("holbaek-started", started);

    String march = cases.refer("case-sparring", "holbaek", at("2026-02-23T09:00"));
    cases.move(march, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(march, "note", null, at("2026-03-02T09:30")));
    tasks.put("holbaek-march", march);

    // Kalundborg
    String kle275 = cases.refer("le275-certificate", "kalundborg", at("2026-02-02T09:00"));
    cases.move(kle275, "assessment-existing-information", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(kle275, "le275", null, at("2026-02-27T15:00")));
    tasks.put("kalundborg-le275", kle275);

    String returned = cases.refer("le275-certificate", "kalundborg", at("2026-02-02T09:00"));
    cases.move(returned, "returned-with-note", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(returned, "note", null, at("2026-02-12T11:00")));
    tasks.put("kalundborg-returned", returned);

    String right = cases.refer("right-to-coordinator", "kalundborg", at("2026-02-02T09:00"));
    cases.move(right, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(right, "statement", null, at("2026-02-27T11:00")));
    tasks.put("kalundborg-right", right);

    String conversation = cases.refer("jaf-conversation-municipality", "kalundborg", at("2026-02-02T09:00"));
    cases.move(conversation, "examination", RECEIVED, ACCEPTED, INPROGRESS);
    ok(cases.complete(conversation, "note", null, at("2026-03-02T10:00")));
    tasks.put("kalundborg-march", conversation);
  }

  @Test
  @Order(1)
  void each_billable_event_is_one_charge_item_naming_the_task_the_citizen_the_rule_and_its_source() {
    ChargeItem le275 = only(tasks.get("holbaek-le275"));
    assertThat(le275.getSupportingInformation()).extracting(r -> r.getReference())
        .contains("Task/" + tasks.get("holbaek-le275"));
    assertThat(le275.getSubject().getReference()).startsWith("Patient/");
    assertThat(rule(le275)).isEqualTo("SET-001");
    assertThat(le275.getNoteFirstRep().getText()).contains("bkg 2019 §18 stk. 2, bilag 1");
    assertThat(rule(only(tasks.get("holbaek-sparring")))).isEqualTo("SET-002");
    assertThat(rule(only(tasks.get("holbaek-estimate")))).isEqualTo("SET-003");
    assertThat(only(tasks.get("holbaek-estimate")).getQuantity().getValue()).isEqualByComparingTo("3");
    assertThat(rule(only(tasks.get("holbaek-no-show")))).isEqualTo("SET-004");
    assertThat(rule(only(tasks.get("holbaek-late-cancellation")))).isEqualTo("SET-005");
    ChargeItem started = only(tasks.get("holbaek-started"));
    assertThat(rule(started)).isEqualTo("SET-006");
    assertThat(started.getStatus()).as("paid by the instalment").isEqualTo(ChargeItem.ChargeItemStatus.NOTBILLABLE);
    assertThat(cases.chargesOf(tasks.get("kalundborg-returned"))).as("a returned referral is no assessment").isEmpty();
  }

  @Test
  @Order(1)
  void a_refused_completion_bills_nothing() {
    assertThat(refusedCompletion.statusCode()).isEqualTo(422);
    assertThat(refusedCompletion.body()).contains("ROUTE-001");
    assertThat(chargedByTheRefusal).isEmpty();
  }

  @Test
  @Order(2)
  void a_case_cancelled_before_work_is_credited_by_a_new_charge_item_never_changed() {
    List<ChargeItem> items = cases.chargesOf(tasks.get("holbaek-cancelled-early"));
    assertThat(items).hasSize(2);
    ChargeItem original = items.stream().filter(i -> !i.hasPartOf()).findFirst().orElseThrow();
    ChargeItem credit = items.stream().filter(ChargeItem::hasPartOf).findFirst().orElseThrow();
    assertThat(credit.getPartOfFirstRep().getReference()).isEqualTo("ChargeItem/" + original.getIdPart());
    assertThat(credit.getQuantity().getValue()).isEqualByComparingTo("-1");
    assertThat(rule(credit)).isEqualTo("SET-012");
    // The credit says why: the cancellation before work (guide pkt. 8), named in its note only.
    assertThat(credit.getNoteFirstRep().getText()).contains("[SET-007] the task was cancelled before work began")
        .contains("guide pkt. 8; Midtjylland aftale 7.1");
    assertThat(original.getMeta().getVersionId()).isEqualTo("1");
  }

  @Test
  @Order(3)
  void february_for_holbaek_is_one_invoice_with_every_line_computed_from_the_sources() {
    Invoice invoice = cases.settled(SECRETARIAT, "holbaek", "2026-02");
    // bkg 2019 §18 stk. 2: 14,000 kr at the 2011 level; Holbæk's only index factor is 2026's.
    BigDecimal le275 = money(kr("14000").multiply(HOLBAEK_2026));
    // guide pkt. 1: case sparring is 1 point; 650 kr per point at the 2025 level.
    BigDecimal sparring = money(kr("650").multiply(HOLBAEK_2026));
    // guide pkt. 11: 09:00-10:05 is 3 started half hours at half the hourly rate of 1,300 kr (2025 level).
    BigDecimal estimate = money(kr("3").multiply(money(kr("650").multiply(HOLBAEK_2026))));
    // guide pkt. 8: a no-show and a cancellation later than 24 hours before, 1,500 kr each (2025 level).
    BigDecimal fee = money(kr("1500").multiply(HOLBAEK_2026));
    // Midtjylland aftale 7.1, 7.3: 120 forecast cases x 1,667 kr (2013 level) in 12 instalments.
    BigDecimal instalment = money(kr("120").multiply(money(kr("1667").multiply(HOLBAEK_2026)))
        .divide(kr("12"), 10, RoundingMode.HALF_UP));
    assertThat(amounts(invoice)).containsExactlyInAnyOrder(le275, sparring, estimate, fee, fee, instalment);
    assertThat(lineText(invoice, instalment)).startsWith("[SET-008] 2026-02: 1/12 of the forecast of 120 cases");
    assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo(
        le275.add(sparring).add(estimate).add(fee).add(fee).add(instalment));
    assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("36995.40");
    assertThat(invoice.getRecipient().getReference()).isEqualTo("Organization/municipality-holbaek");
    assertThat(invoice.getRecipient().getIdentifier().getValue()).isEqualTo("5798000001015");
    assertThat(invoice.getIssuer().getReference()).isEqualTo("Organization/kf-region-sjaelland");
    // Midtjylland aftale 7.3: payment within 30 days.
    assertThat(Invoices.paymentDue(invoice)).contains(LocalDate.now(DK).plusDays(30));
    assertThat(invoice.getPaymentTerms()).contains("[SET-010] 30 dage efter fakturaen");
  }

  @Test
  @Order(4)
  void settling_february_again_issues_nothing_new() {
    Invoice first = cases.settled(SECRETARIAT, "holbaek", "2026-02");
    Invoice again = cases.settled("gateway-admin", "holbaek", "2026-02");
    assertThat(again.getIdPart()).isEqualTo(first.getIdPart());
    assertThat(again.getMeta().getVersionId()).isEqualTo("1");
    assertThat(cases.search(TEST, "Invoice?recipient=Organization/municipality-holbaek", Invoice.class)).hasSize(1);
    assertThat(cases.search(TEST, "AuditEvent?entity=Invoice/" + first.getIdPart(),
        org.hl7.fhir.r4.model.AuditEvent.class)).flatExtracting(e -> e.getAgent().stream().map(a -> a.getName())
            .toList()).contains(SECRETARIAT, "gateway-admin");
  }

  @Test
  @Order(5)
  void february_for_kalundborg_follows_the_bekendtgoerelse_defaults() {
    Invoice invoice = cases.settled(SECRETARIAT, "kalundborg", "2026-02");
    // bkg 2019 §18 stk. 2: 14,000 kr (2011 level), Kalundborg's factor for 2026.
    BigDecimal le275 = money(kr("14000").multiply(KALUNDBORG_2026));
    // guide pkt. 7: the right to a coordinator is 3 points, 700 kr per point at the 2026 level.
    BigDecimal right = money(kr("3").multiply(kr("700")));
    // bkg 2019 bilag 1: a full-time year of 1,212,000 kr over 202 working days x 3 cases; 60 forecast cases / 12.
    BigDecimal instalment = money(kr("60").multiply(kr("1212000").divide(kr("606"), 10, RoundingMode.HALF_UP))
        .divide(kr("12"), 10, RoundingMode.HALF_UP));
    assertThat(amounts(invoice)).containsExactlyInAnyOrder(le275, right, instalment);
    assertThat(lineText(invoice, instalment)).startsWith("[SET-008] 2026-02: 1/12 of the forecast of 60 cases");
    assertThat(invoice.getTotalNet().getValue()).isEqualByComparingTo("26520.00");
    // bkg 2019 §19 stk. 3: at the latest 14 days after the invoice is received.
    assertThat(Invoices.paymentDue(invoice)).contains(LocalDate.now(DK).plusDays(14));
    assertThat(invoice.getPaymentTerms()).contains("[SET-010] 14 dage efter fakturaen (source: bkg 2019 §19 stk. 3)");
  }

  @Test
  @Order(6)
  void a_correction_and_a_late_event_after_february_was_settled_go_on_the_march_invoice() {
    ChargeItem sparring = only(tasks.get("holbaek-sparring"));
    assertThat(sparring.getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.BILLED);
    HttpResponse<String> credited = cases.send(SECRETARIAT, "POST", "/ChargeItem/" + sparring.getIdPart()
        + "/$credit", SettlementCases.parameter("reason", "Sparringen blev aflyst på mødedagen"), null);
    assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
    HttpResponse<String> twice = cases.send(SECRETARIAT, "POST", "/ChargeItem/" + sparring.getIdPart()
        + "/$credit", SettlementCases.parameter("reason", "igen"), null);
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("SET-012");
    ok(cases.update(CLINIC, tasks.get("holbaek-no-show"), t -> SettlementCases.noShow(t, at("2026-02-27T08:00"))));

    Invoice march = cases.settled(SECRETARIAT, "holbaek", "2026-03");
    BigDecimal sparringPrice = money(kr("650").multiply(HOLBAEK_2026));
    BigDecimal fee = money(kr("1500").multiply(HOLBAEK_2026));
    BigDecimal instalment = money(kr("120").multiply(money(kr("1667").multiply(HOLBAEK_2026)))
        .divide(kr("12"), 10, RoundingMode.HALF_UP));
    assertThat(amounts(march)).containsExactlyInAnyOrder(sparringPrice, sparringPrice.negate(), fee, instalment);
    assertThat(march.getTotalNet().getValue()).isEqualByComparingTo("18533.40");

    Invoice kalundborg = cases.settled(SECRETARIAT, "kalundborg", "2026-03");
    assertThat(kalundborg.getTotalNet().getValue()).isEqualByComparingTo(money(kr("2").multiply(kr("700")))
        .add(kr("10000.00")));
  }

  @Test
  @Order(7)
  void the_oioubl_export_of_february_validates_against_the_ubl_schema() throws Exception {
    HttpResponse<String> exported = cases.send(SECRETARIAT, "GET", "/Invoice/settlement-municipality-holbaek-2026-02"
        + "/$oioubl", null, null);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    org.hl7.fhir.r4.model.Binary binary = SettlementCases.FHIR.newJsonParser()
        .parseResource(org.hl7.fhir.r4.model.Binary.class, exported.body());
    String xml = new String(binary.getData(), java.nio.charset.StandardCharsets.UTF_8);
    UblSchema.validate(xml);
    assertThat(xml).contains("5798000001015").contains("5790000000012").contains("OIOUBL-2.02")
        .contains(">36995.40<");
    HttpResponse<String> raw = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
        + "/Invoice/settlement-municipality-holbaek-2026-02/$oioubl")).header("Accept", "*/*")
        .header("Authorization", "Bearer " + tokens.of("holbaek-jobcenter")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
    UblSchema.validate(raw.body());
  }

  @Test
  @Order(8)
  void a_municipality_sees_only_its_own_charges_and_invoices() {
    assertThat(cases.search("kalundborg-jobcenter", "ChargeItem", ChargeItem.class))
        .isNotEmpty().allSatisfy(i -> assertThat(i.getRequestingOrganization().getReference())
            .isEqualTo("Organization/municipality-kalundborg"));
    assertThat(cases.search("kalundborg-jobcenter", "Invoice", Invoice.class)).extracting(Invoice::getIdPart)
        .containsExactlyInAnyOrder("settlement-municipality-kalundborg-2026-02",
            "settlement-municipality-kalundborg-2026-03");
    String holbaeks = "/Invoice/settlement-municipality-holbaek-2026-02";
    assertThat(cases.send("kalundborg-jobcenter", "GET", holbaeks, null, null).statusCode()).isEqualTo(404);
    assertThat(cases.send("kalundborg-jobcenter", "GET", holbaeks + "/$oioubl", null, null).statusCode())
        .isEqualTo(404);
    String charge = "/ChargeItem/" + only(tasks.get("holbaek-le275")).getIdPart();
    assertThat(cases.send("kalundborg-jobcenter", "GET", charge, null, null).statusCode()).isEqualTo(404);
    assertThat(cases.send("holbaek-jobcenter", "GET", charge, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(9)
  void other_parties_are_refused() {
    for (String client : List.of(CLINIC, "gp-nordvej", OTHER_CLINIC)) {
      assertThat(cases.send(client, "GET", "/ChargeItem", null, null).statusCode()).as(client).isEqualTo(403);
      assertThat(cases.send(client, "GET", "/Invoice", null, null).statusCode()).as(client).isEqualTo(403);
      assertThat(cases.settle(client, "holbaek", "2026-01").statusCode()).as(client).isEqualTo(403);
    }
    HttpResponse<String> ownSettlement = cases.settle("holbaek-jobcenter", "holbaek", "2026-01");
    assertThat(ownSettlement.statusCode()).isEqualTo(403);
    assertThat(ownSettlement.body()).contains("SEC-008");
    String charge = "/ChargeItem/" + only(tasks.get("holbaek-le275")).getIdPart() + "/$credit";
    assertThat(cases.send("holbaek-jobcenter", "POST", charge, SettlementCases.parameter("reason", "x"), null)
        .statusCode()).isEqualTo(403);
    assertThat(cases.send("holbaek-jobcenter", "GET", "/ChargeItem?requesting-organization="
        + "Organization/municipality-kalundborg", null, null).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(10)
  void a_month_not_over_is_not_settled() {
    String now = java.time.YearMonth.now(DK).toString();
    HttpResponse<String> early = cases.settle(SECRETARIAT, "holbaek", now);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
    assertThat(early.body()).contains("SET-011");
  }

  static String rule(ChargeItem item) {
    return ((org.hl7.fhir.r4.model.Coding) item.getExtensionByUrl(ChargeItems.PRICE_RULE).getExtensionByUrl("rule")
        .getValue()).getCode();
  }

  private ChargeItem only(String taskId) {
    List<ChargeItem> items = cases.chargesOf(taskId);
    assertThat(items).as("charges of Task/" + taskId).hasSize(1);
    return items.get(0);
  }

  private static List<BigDecimal> amounts(Invoice invoice) {
    return invoice.getLineItem().stream().map(l -> l.getPriceComponentFirstRep().getAmount().getValue()
        .setScale(2, RoundingMode.HALF_UP)).collect(Collectors.toList());
  }

  /** The text of the invoice's one line of this amount: which rule priced it and why. */
  private static String lineText(Invoice invoice, BigDecimal amount) {
    List<String> texts = invoice.getLineItem().stream().map(l -> l.getPriceComponentFirstRep())
        .filter(p -> p.getAmount().getValue().compareTo(amount) == 0).map(p -> p.getCode().getText()).toList();
    assertThat(texts).as("lines of " + amount + " kr").hasSize(1);
    return texts.get(0);
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static OffsetDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atZone(DK).toOffsetDateTime();
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
