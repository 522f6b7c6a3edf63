package dk.kfgateway.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Counts the pages of a case document from the PDF itself. The page limits (guide pkt. 2, 3, 12) must hold for what
 * Klinisk Funktion will actually read, so the client's kf-page-count extension is never trusted.
 *
 * <p>Untrusted input: the counter refuses documents above a byte limit before parsing, gives PDFBox a bounded
 * stream cache (main memory only, so nothing spills to disk), walks the page tree instead of believing its
 * {@code /Count}, and stops at a page bound. Every failure becomes {@link PageCount.Unreadable}.
 */
public final class PdfPageCounter {

  /** 32 MiB: far above a 75-page scanned case file, far below what hurts the server. */
  public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
  /** Far above any page limit of the guide, so a legitimate document never hits it. */
  public static final int DEFAULT_MAX_PAGES = 2_000;
  /** Memory PDFBox may use for decoded streams while loading. */
  public static final long DEFAULT_MAX_CACHE_BYTES = 64L * 1024 * 1024;

  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  /** The PDF spec lets a header follow some leading bytes; readers look within the first kilobyte. */
  private static final int HEADER_WINDOW = 1024;

  private final long maxBytes;
  private final int maxPages;
  private final long maxCacheBytes;

  public PdfPageCounter() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, DEFAULT_MAX_CACHE_BYTES);
  }

  public PdfPageCounter(long maxBytes, int maxPages, long maxCacheBytes) {
    this.maxBytes = maxBytes;
    this.maxPages = maxPages;
    this.maxCacheBytes = maxCacheBytes;
  }

  /** Counts a submitted document, first checking that it carries one PDF, and PDF content at all. */
  public PageCount count(SubmittedDocument document) {
    Optional<String> notOnePdf = document.notOnePdf();
    if (notOnePdf.isPresent()) {
      return new PageCount.Unreadable(notOnePdf.get());
    }
    Optional<byte[]> content = document.content();
    if (content.isEmpty()) {
      return new PageCount.Unreadable(document.attachmentUrl()
          .map(url -> "points to '" + url + "', which is not a Binary entry of this Bundle")
          .orElse("has no content"));
    }
    String type = document.contentType().orElse("application/pdf");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/pdf")) {
      return new PageCount.Unreadable("is declared as '" + type + "', not application/pdf");
    }
    return count(content.get());
  }

  /** Counts the pages of PDF bytes. */
  public PageCount count(byte[] pdf) {
    if (pdf.length > maxBytes) {
      return new PageCount.Unreadable("is " + megabytes(pdf.length) + " MB, more than the " + megabytes(maxBytes)
          + " MB a case document may have");
    }
    if (!hasPdfHeader(pdf)) {
      return new PageCount.Unreadable("is not a PDF");
    }
    try (PDDocument document = Loader.loadPDF(
        pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(maxCacheBytes).streamCache)) {
      if (document.isEncrypted()) {
        return new PageCount.Unreadable("is encrypted; Klinisk Funktion cannot file it");
      }
      return countPages(document);
    } catch (InvalidPasswordException e) {
      return new PageCount.Unreadable("is password-protected");
    } catch (IOException | RuntimeException e) {
      return new PageCount.Unreadable("is a damaged PDF that cannot be read");
    } catch (StackOverflowError e) {
      // A hostile page tree nested thousands deep: PDFBox walks it recursively. The stack is unwound here.
      return new PageCount.Unreadable("has a page tree nested too deep to read");
    }
  }

  private PageCount countPages(PDDocument document) {
    int pages = 0;
    for (PDPage ignored : document.getPages()) {
      if (++pages > maxPages) {
        return new PageCount.Unreadable("has more than " + maxPages + " pages");
      }
    }
    return pages == 0 ? new PageCount.Unreadable("has no pages") : new PageCount.Counted(pages);
  }

  private static boolean hasPdfHeader(byte[] bytes) {
    int window = Math.min(bytes.length, HEADER_WINDOW);
    for (int i = 0; i + PDF_HEADER.length <= window; i++) {
      if (Arrays.equals(bytes, i, i + PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
        return true;
      }
    }
    return false;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
