package dev.cortado.oci.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Signs JSON Web Tokens with RS256, as a registry's token server does. */
public final class Jwt {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
      throws Exception {
    String signingInput =
        URL.encodeToString(MAPPER.writeValueAsBytes(header))
            + "."
            + URL.encodeToString(MAPPER.writeValueAsBytes(claims));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(s.sign());
  }
}
