package dk.kfgateway.referral;

import dk.kfgateway.ig.Ig;

import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContentComponent;

/**
 * One case document of a referral (sagsakt): its DocumentReference, its position among the referral's documents
 * (1-based, as a caseworker counts them) and the bytes of its first attachment, taken from the attachment itself or
 * from a Binary entry of the same Bundle. The bytes are absent when neither holds them; {@link #attachmentUrl()} then
 * says where the client pointed instead.
 */
public final class SubmittedDocument {

  private final int position;
  private final DocumentReference resource;
  private final String location;
  private final byte[] content;
  private final String contentType;

  SubmittedDocument(int position, DocumentReference resource, String location, byte[] content, String contentType) {
    this.position = position;
    this.resource = resource;
    this.location = location;
    this.content = content;
    this.contentType = contentType;
  }

  public int position() {
    return position;
  }

  public DocumentReference resource() {
    return resource;
  }

  /** Where the DocumentReference sits in the Bundle, e.g. {@code Bundle.entry[4].resource}. */
  public String location() {
    return location;
  }

  /** The document's bytes, as sent; empty when the Bundle did not carry them. */
  public Optional<byte[]> content() {
    return Optional.ofNullable(content).map(byte[]::clone);
  }

  /** The declared MIME type (attachment, else the Binary's); empty when none was declared. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /**
   * Why the document is not one PDF in one place, if it is not: more than one {@code content}, or an attachment with
   * both inline data and a url. Only the first content's inline bytes would be counted, so a second content or a url
   * next to the data would reach Klinisk Funktion unchecked (REF-010).
   */
  public Optional<String> notOnePdf() {
    int contents = resource.getContent().size();
    if (contents > 1) {
      return Optional.of("has " + contents + " content entries; a case document is one PDF");
    }
    return attachment().filter(a -> a.hasData() && a.hasUrl())
        .map(a -> "has both inline data and a url; send the PDF in one of them");
  }

  public Optional<String> attachmentUrl() {
    return attachment().filter(Attachment::hasUrl).map(Attachment::getUrl);
  }

  /** The document's name: {@code content.attachment.title}, else {@code description}. */
  public Optional<String> title() {
    Optional<String> title = attachment().filter(Attachment::hasTitle).map(Attachment::getTitle);
    if (title.filter(t -> !t.isBlank()).isPresent()) {
      return title;
    }
    return Optional.ofNullable(resource.getDescription()).filter(d -> !d.isBlank());
  }

  /** The kf-document-types code, if the document is typed with one. */
  public Optional<String> typeCode() {
    return resource.getType().getCoding().stream()
        .filter(c -> Ig.codeSystem(Ig.CS_DOCUMENT_TYPES).equals(c.getSystem()))
        .map(Coding::getCode)
        .filter(code -> code != null && !code.isBlank())
        .findFirst();
  }

  /** How messages name the document: {@code document 2 'Journaludskrift'} or {@code document 2 (untitled)}. */
  public String label() {
    return "document " + position + title().map(t -> " '" + t + "'").orElse(" (untitled)");
  }

  private Optional<Attachment> attachment() {
    return resource.getContent().stream().findFirst().map(DocumentReferenceContentComponent::getAttachment);
  }
}
