package dk.kfgateway.referral;

/** A submitted document with the pages counted from its PDF (or why they could not be counted). */
public record DocumentPages(SubmittedDocument document, PageCount count) {

  /** {@code 'Journaludskrift' (document 2): 20 pages}, for page-limit messages. */
  String describe() {
    return document.label() + ": "
        + (count instanceof PageCount.Counted counted ? counted.pages() + " pages" : "not counted (unreadable)");
  }
}
