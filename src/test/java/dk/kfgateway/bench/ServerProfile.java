package dk.kfgateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's JVM options as the build declares them: the property {@code gateway.jvm} of pom.xml. */
public final class ServerProfile {

  private static final Pattern PROPERTY = Pattern.compile("<gateway\\.jvm>([^<]+)</gateway\\.jvm>");

  private ServerProfile() {}

  public static String ofPom(Path pom) {
    try {
      Matcher m = PROPERTY.matcher(Files.readString(pom));
      if (!m.find()) {
        throw new IllegalStateException(pom + " declares no gateway.jvm");
      }
      return m.group(1).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
