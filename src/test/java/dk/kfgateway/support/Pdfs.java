package dk.kfgateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/** Real PDFs made with PDFBox, so the tests count pages the way the gateway does. */
public final class Pdfs {

  private Pdfs() {}

  /** A blank PDF with the given number of pages. */
  public static byte[] withPages(int pages) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF that opens only with a password. */
  public static byte[] passwordProtected(int pages) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new PDPage());
      }
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Word-like file that a caseworker might attach by mistake. */
  public static byte[] notAPdf() {
    return "PK\u0003\u0004 this is a .docx, not a PDF".getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Starts like a PDF but is cut off after the header. */
  public static byte[] damaged() {
    return "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
