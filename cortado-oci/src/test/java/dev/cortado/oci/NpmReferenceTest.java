package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpmReferenceTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "npm:pkg                       | pkg        | -        | -              | npm:pkg@latest",
        "npm:pkg@1.2.3                 | pkg        | 1.2.3    | -              | npm:pkg@1.2.3",
        "npm:pkg@next/x.wasm           | pkg        | next     | x.wasm         | npm:pkg@next/x.wasm",
        "npm:pkg/dist/x.wasm           | pkg        | -        | dist/x.wasm    | npm:pkg@latest/dist/x.wasm",
        "npm:@scope/name@1.2.3/d/x.wasm | @scope/name | 1.2.3  | d/x.wasm       | npm:@scope/name@1.2.3/d/x.wasm",
        "npm:@scope/name               | @scope/name | -       | -              | npm:@scope/name@latest",
        "npm:pkg@^1.2                  | pkg        | ^1.2     | -              | npm:pkg@^1.2",
      })
  void parsesPackageSpecAndPath(String text, String name, String spec, String path, String key) {
    NpmReference ref = NpmReference.parse(text);
    assertEquals(name, ref.packageName());
    assertEquals(spec, ref.spec().orElse("-"));
    assertEquals(path, ref.path().orElse("-"));
    assertEquals(key, ref.toString());
    assertEquals(ref, SourceReference.parse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "npm:                  | the package name is missing",
        "npm:Upper             | is not an npm package name",
        "npm:@scope            | a scoped package is written @scope/name",
        "npm:pkg@              | is not a version, tag or range",
        "npm:pkg@1/../x.wasm   | the path must be plain folder names inside the package",
        "npm:pkg@1/dist/       | the path after the package must name a file",
        "npm:.hidden           | is not an npm package name",
      })
  void rejectsBadReferencesWithTheReason(String text, String reason) {
    OciException e = assertThrows(OciException.class, () -> NpmReference.parse(text));
    assertEquals(OciException.Kind.INVALID_REFERENCE, e.kind());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
