package dev.cortado.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Route;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouterTest {
  private static HttpTrigger trigger(String route) {
    return new HttpTrigger(
        Route.parse(route), Optional.of("c" + route), new Executor.Wagi(), Optional.empty());
  }

  private static final Router ROUTER =
      new Router(
          "/",
          List.of(
              trigger("/..."),
              trigger("/api/..."),
              trigger("/api/v1/..."),
              trigger("/api/v1/users"),
              trigger("/api/v1/users/:id"),
              trigger("/api/v1/users/me"),
              trigger("/api/:version/items/...")));

  /** Each row: a request path, the route that takes it, the path info. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/, /..., /",
    "/x/y, /..., /x/y",
    "/api, /api/..., ''",
    "/api/other, /api/..., /other",
    "/api/v1, /api/v1/..., ''",
    "/api/v1/users, /api/v1/users, ''",
    "/api/v1/users/, /api/v1/users, ''",
    "/api/v1/users/7, /api/v1/users/:id, ''",
    "/api/v1/users/me, /api/v1/users/me, ''",
    "/api/v1/users/7/x, /api/v1/..., /users/7/x",
    "/api/v2/items/a/b, /api/:version/items/..., /a/b",
    "/api/v1/items/a, /api/v1/..., /items/a",
  })
  void mostSpecificRouteWins(String path, String route, String pathInfo) {
    Router.Match m = ROUTER.match(path).orElseThrow();
    assertEquals(route, m.trigger().route().pattern());
    assertEquals(pathInfo, m.pathInfo());
  }

  @Test
  void namedSegmentsAreCaptured() {
    assertEquals(Map.of("id", "7"), ROUTER.match("/api/v1/users/7").orElseThrow().parameters());
  }

  @Test
  void basePathPrefixesEveryRoute() {
    Router r = new Router("/base", List.of(trigger("/hello"), trigger("/static/...")));
    assertTrue(r.match("/hello").isEmpty());
    assertEquals("/base/hello", r.match("/base/hello").orElseThrow().matchedRoute());
    assertEquals("/f.txt", r.match("/base/static/f.txt").orElseThrow().pathInfo());
    assertTrue(r.match("/based/hello").isEmpty());
  }

  @Test
  void privateRoutesMatchNothing() {
    Router r =
        new Router(
            "/",
            List.of(
                new HttpTrigger(
                    Route.privateRoute(),
                    Optional.of("p"),
                    new Executor.Wagi(),
                    Optional.empty())));
    assertTrue(r.match("/").isEmpty());
    assertTrue(r.publicRoutes().isEmpty());
  }
}
