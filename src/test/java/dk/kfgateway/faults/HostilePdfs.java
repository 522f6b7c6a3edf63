package dk.kfgateway.faults;

import java.nio.charset.StandardCharsets;

/** Hand-made PDFs that attack a page counter: tiny files that claim or loop through far too many pages. */
final class HostilePdfs {

  private HostilePdfs() {}

  /** One page, but a page tree that claims a hundred million. */
  static byte[] claimingAHundredMillionPages() {
    return pdf("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 100000000 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n");
  }

  /** A page tree whose node lists itself as its own kid: a naive walk never ends. */
  static byte[] withACyclicPageTree() {
    return pdf("2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n");
  }

  /** A page tree nested ten thousand levels deep. */
  static byte[] withADeepPageTree() {
    StringBuilder objects = new StringBuilder();
    int depth = 10_000;
    for (int i = 0; i < depth; i++) {
      int id = i + 2;
      String kid = i + 1 < depth ? (id + 1) + " 0 R" : (depth + 2) + " 0 R";
      objects.append(id).append(" 0 obj << /Type /Pages /Kids [").append(kid).append("] /Count 1 >> endobj\n");
    }
    objects.append(depth + 2).append(" 0 obj << /Type /Page /MediaBox [0 0 612 792] >> endobj\n");
    return pdf(objects.toString());
  }

  private static byte[] pdf(String objects) {
    return ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + objects
        + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }
}
