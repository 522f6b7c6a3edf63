package dk.kfgateway.referral;

/**
 * What counting a document's pages gave: a number, or the reason it could not be read. An unreadable document is a
 * finding about the referral, not an error of the gateway, so it is a value and never an exception.
 */
public sealed interface PageCount {

  /** Pages counted from the PDF itself. */
  record Counted(int pages) implements PageCount {}

  /** Why the document could not be counted, phrased to follow "document 2 'X' ..." in a message. */
  record Unreadable(String reason) implements PageCount {}

  /** The counted pages, or 0 for an unreadable document (reported by its own rule). */
  default int pagesOrZero() {
    return this instanceof Counted counted ? counted.pages() : 0;
  }
}
