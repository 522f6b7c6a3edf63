package dk.kfgateway.routing;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import dk.kfgateway.ig.Ig;
import dk.kfgateway.routing.ResultRouting.Copy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Communication.CommunicationStatus;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes a routing plan in the caller's transaction: one Communication per copy (all with the same {@code sent}), an
 * outbox row with its validated MedCom message for each GP copy that is pushed, and one Provenance naming who
 * completed what and where each copy went.
 */
class CopyWriter {

  /** The case a plan is about: references only, all stored. */
  record Case(String task, String referral, String result, String patient, String clinic, String municipality,
      String requester, Optional<String> gp) {}

  private static final String PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
  private static final String ACTIVITY = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

  private final DaoRegistry daos;
  private final Outbox outbox;
  private final Function<String, Optional<String>> endpoints;
  private final GpMessage messages;

  /**
   * @param endpoints the message endpoint of a GP Organization id, when its copies are pushed
   * @param messages makes each pushed copy's MedCom message, refusing one that does not conform
   */
  CopyWriter(DaoRegistry daos, Outbox outbox, Function<String, Optional<String>> endpoints, GpMessage messages) {
    this.daos = daos;
    this.outbox = outbox;
    this.endpoints = endpoints;
    this.messages = messages;
  }

  /** Writes the copies; returns their references. {@code agent} is who completed (a PractitionerRole or Organization). */
  List<String> write(Case aCase, List<Copy> copies, List<String> notes, Instant sent, String agent) {
    List<String> written = new ArrayList<>();
    for (Copy copy : copies) {
      Communication communication = communication(aCase, copy, notes, sent);
      String id = daos.getResourceDao(Communication.class).create(communication, new SystemRequestDetails())
          .getId().toUnqualifiedVersionless().getValue();
      written.add(id);
      if (communication.getStatus() == CommunicationStatus.INPROGRESS) {
        GpMessage.Written message = messages.write(aCase, copy.category(), agent, sent);
        outbox.add(message.id(), id, aCase.gp().orElseThrow(), endpoint(aCase).orElseThrow(), message.header(),
            message.json(), sent);
      }
    }
    daos.getResourceDao(Provenance.class).create(provenance(aCase, written, notes, sent, agent),
        new SystemRequestDetails());
    return written;
  }

  /** A new, validated MedCom message for a stored GP copy, made from the copy's references and today's data. */
  GpMessage.Written messageAgain(Communication copy, String agent, Instant now) {
    Case aCase = new Case(copy.getBasedOnFirstRep().getReference(), copy.getAboutFirstRep().getReference(),
        copy.getPayloadFirstRep().getContentReference().getReference(), copy.getSubject().getReference(),
        copy.getSender().getReference(), null, null, Optional.of(copy.getRecipientFirstRep().getReference()));
    CopyCategory kind = CopyCategory.fromCode(copy.getCategoryFirstRep().getCodingFirstRep().getCode());
    return messages.write(aCase, kind, agent, now);
  }

  private Communication communication(Case aCase, Copy copy, List<String> notes, Instant sent) {
    Communication c = new Communication();
    c.getMeta().addProfile(Ig.structureDefinition(Ig.COMMUNICATION));
    c.addCategory(new CodeableConcept(new Coding(CopyCategory.SYSTEM, copy.category().code(), null)));
    c.setSubject(new Reference(aCase.patient())).addAbout(new Reference(aCase.referral()))
        .addBasedOn(new Reference(aCase.task())).setSent(Date.from(sent)).setSender(new Reference(aCase.clinic()));
    c.addPayload().setContent(new Reference(aCase.result()));
    switch (copy.category().recipient()) {
      case MUNICIPALITY -> {
        c.addRecipient(new Reference(aCase.municipality()));
        if (!aCase.requester().equals(aCase.municipality())) {
          c.addRecipient(new Reference(aCase.requester()));
        }
      }
      case CITIZEN -> c.addRecipient(new Reference(aCase.patient()));
      case GP -> c.addRecipient(new Reference(aCase.gp().orElseThrow()));
      case NONE -> notes.forEach(note -> c.addNote().setText(note));
    }
    c.setStatus(status(aCase, copy.category()));
    return c;
  }

  /** Pushed GP copies are in progress until acknowledged; a routing exception waits for the secretariat. */
  private CommunicationStatus status(Case aCase, CopyCategory category) {
    if (category == CopyCategory.ROUTING_EXCEPTION) {
      return CommunicationStatus.ONHOLD;
    }
    boolean pushed = category.recipient() == CopyCategory.Recipient.GP && endpoint(aCase).isPresent();
    return pushed ? CommunicationStatus.INPROGRESS : CommunicationStatus.COMPLETED;
  }

  private Optional<String> endpoint(Case aCase) {
    return aCase.gp().flatMap(gp -> endpoints.apply(gp.substring(gp.indexOf('/') + 1)));
  }

  private static Provenance provenance(Case aCase, List<String> copies, List<String> notes, Instant sent,
      String agent) {
    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference(aCase.task()));
    copies.forEach(copy -> provenance.addTarget(new Reference(copy)));
    provenance.setRecorded(Date.from(sent)).getOccurredDateTimeType().setValue(Date.from(sent));
    provenance.setActivity(new CodeableConcept(new Coding(ACTIVITY, "CREATE", "create")).setText("routing"));
    Provenance.ProvenanceAgentComponent who = provenance.addAgent().setWho(new Reference(agent));
    who.setType(new CodeableConcept(new Coding(PARTICIPANT, "author", "Author")));
    if (!agent.equals(aCase.clinic())) {
      who.setOnBehalfOf(new Reference(aCase.clinic()));
    }
    provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(new Reference(aCase.result()));
    notes.forEach(note -> provenance.addReason().setText(note));
    return provenance;
  }
}
