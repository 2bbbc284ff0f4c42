package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.internal.Challenge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing {@code WWW-Authenticate}. */
class ChallengeTest {
  @Test
  void parsesABearerChallengeWithQuotedCommas() {
    Challenge c =
        Challenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                    + "scope=\"repository:samalba/my-app:pull,push\",error=\"insufficient_scope\"")
            .orElseThrow();
    assertTrue(c.isBearer());
    assertEquals("https://auth.docker.io/token", c.param("realm").orElseThrow());
    assertEquals("registry.docker.io", c.param("service").orElseThrow());
    assertEquals("repository:samalba/my-app:pull,push", c.param("scope").orElseThrow());
    assertEquals("insufficient_scope", c.param("error").orElseThrow());
  }

  @Test
  void parsesBasicAndUnquotedValuesAndSkipsOtherSchemes() {
    Challenge basic = Challenge.parse("basic realm=Registry").orElseThrow();
    assertEquals("basic", basic.scheme());
    assertEquals("Registry", basic.param("realm").orElseThrow());
    assertTrue(Challenge.parse("Negotiate abc").isEmpty());
    assertEquals(
        "bearer",
        Challenge.first(List.of("Negotiate x", "Bearer realm=\"r\"")).orElseThrow().scheme());
  }

  @Test
  void unescapesQuotedPairs() {
    assertEquals(
        "a\"b",
        Challenge.parse("Bearer realm=\"a\\\"b\"").orElseThrow().param("realm").orElseThrow());
  }
}
