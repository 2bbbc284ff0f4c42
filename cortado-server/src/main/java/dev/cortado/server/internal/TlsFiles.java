package dev.cortado.server.internal;

import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import dev.cortado.wasm.internal.IoReasons;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Reads a PEM certificate chain and private key into Jetty's TLS configuration. */
final class TlsFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
  private static final char[] PASSWORD = "cortado".toCharArray();

  private TlsFiles() {}

  /**
   * Returns the server's TLS context for {@code tls}.
   *
   * @throws ServeException if a file cannot be read or holds no usable certificate or key
   */
  static SslContextFactory.Server server(ServerConfig.Tls tls) {
    try {
      Certificate[] chain = certificates(tls.certificateChain());
      PrivateKey key = key(tls.privateKey());
      requireMatch(key, chain[0], tls);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, PASSWORD, chain);
      SslContextFactory.Server f = new SslContextFactory.Server();
      f.setKeyStore(store);
      f.setKeyStorePassword(new String(PASSWORD));
      f.setSniRequired(false);
      return f;
    } catch (GeneralSecurityException | IOException e) {
      throw new ServeException("TLS: " + e.getMessage(), e);
    }
  }

  private static Certificate[] certificates(Path file) throws GeneralSecurityException {
    Certificate[] chain;
    try {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(read(file)))
              .toArray(new Certificate[0]);
    } catch (CertificateException e) {
      throw new ServeException(file + ": no PEM certificate in it (" + e.getMessage() + ")", e);
    }
    if (chain.length == 0) {
      throw new ServeException(file + ": no PEM certificate in it");
    }
    return chain;
  }

  /**
   * Refuses a key that is not the certificate's: the server would start, and every handshake fail.
   * Checked by signing with the key and verifying with the certificate's public key.
   */
  private static void requireMatch(PrivateKey key, Certificate certificate, ServerConfig.Tls tls)
      throws GeneralSecurityException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null; // RSASSA-PSS needs its parameters: left to the handshake
        };
    if (algorithm == null) {
      return;
    }
    byte[] probe =
        "cortado: does this key belong to the certificate?"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      matches = false; // a key of another kind than the certificate's
    }
    if (!matches) {
      throw new ServeException(
          tls.privateKey()
              + ": not the key of the certificate in "
              + tls.certificateChain()
              + " (the first certificate of the chain must be the server's own)");
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ServeException(file + ": cannot read: " + IoReasons.of(e, file), e);
    }
  }

  private static PrivateKey key(Path file) throws GeneralSecurityException {
    String text = new String(read(file), java.nio.charset.StandardCharsets.US_ASCII);
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(der, file);
        }
        case "RSA PRIVATE KEY" -> {
          return KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(wrapRsa(der)));
        }
        case "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
            throw new ServeException(
                file
                    + ": a "
                    + m.group(1)
                    + " is not read; convert it to an unencrypted PKCS#8 key: openssl pkcs8 -topk8"
                    + " -nocrypt -in "
                    + file.getFileName()
                    + " -out key.pem");
        default -> {}
      }
    }
    throw new ServeException(file + ": no PEM private key in it");
  }

  private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new ServeException(file + ": the private key is of an algorithm that is not supported");
  }

  /** Wraps a PKCS#1 RSA key in PKCS#8's PrivateKeyInfo (version 0, rsaEncryption, the key). */
  private static byte[] wrapRsa(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    byte[] octets = concat(new byte[] {0x04}, length(pkcs1.length), pkcs1);
    byte[] body = concat(new byte[] {0x02, 0x01, 0x00}, algorithm, octets);
    return concat(new byte[] {0x30}, length(body.length), body);
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
