package dk.kfgateway.referral;

import dk.kfgateway.support.Pdfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gateway counts the pages of a case document from the PDF itself, safely. */
class PdfPageCounterTest {

  private final PdfPageCounter counter = new PdfPageCounter();

  @Test
  void aPdfIsCountedPageByPage() {
    assertThat(counter.count(Pdfs.withPages(26))).isEqualTo(new PageCount.Counted(26));
  }

  @Test
  void aHeaderAfterSomeLeadingBytesIsStillAPdf() {
    byte[] pdf = Pdfs.withPages(2);
    byte[] prefixed = new byte[pdf.length + 3];
    System.arraycopy(pdf, 0, prefixed, 3, pdf.length);

    assertThat(counter.count(prefixed)).isEqualTo(new PageCount.Counted(2));
  }

  @Nested
  class Unreadable {

    @Test
    void bytesThatAreNoPdf() {
      assertThat(counter.count(Pdfs.notAPdf())).isEqualTo(new PageCount.Unreadable("is not a PDF"));
    }

    @Test
    void aTruncatedPdf() {
      assertThat(counter.count(Pdfs.damaged())).isInstanceOf(PageCount.Unreadable.class);
    }

    @Test
    void aPasswordProtectedPdf() {
      assertThat(counter.count(Pdfs.passwordProtected(1))).isEqualTo(new PageCount.Unreadable("is password-protected"));
    }

    @Test
    void aFileAboveTheByteLimitIsNotEvenParsed() {
      byte[] pdf = Pdfs.withPages(30);
      PdfPageCounter small = new PdfPageCounter(pdf.length - 1, 100, 1024 * 1024);

      assertThat(small.count(pdf)).isInstanceOfSatisfying(PageCount.Unreadable.class,
          u -> assertThat(u.reason()).contains("MB a case document may have"));
    }

    @Test
    void aPdfAboveThePageBoundStopsTheCount() {
      PdfPageCounter bounded = new PdfPageCounter(PdfPageCounter.DEFAULT_MAX_BYTES, 10, 1024 * 1024);

      assertThat(bounded.count(Pdfs.withPages(11))).isEqualTo(new PageCount.Unreadable("has more than 10 pages"));
    }

    @Test
    void aPdfWithoutPages() {
      assertThat(counter.count(Pdfs.withPages(0))).isEqualTo(new PageCount.Unreadable("has no pages"));
    }
  }
}
