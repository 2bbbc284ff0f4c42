package dev.cortado.component.internal.wasi;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.ResourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Building and reading the component values the WASI interfaces pass. */
final class Cv {
  private Cv() {}

  static final Optional<ComponentValue> NONE = Optional.empty();

  static Optional<ComponentValue> of(ComponentValue v) {
    return Optional.of(v);
  }

  static ComponentValue u64(long v) {
    return new ComponentValue.Int(PrimitiveType.U64, v);
  }

  static ComponentValue u32(long v) {
    return new ComponentValue.Int(PrimitiveType.U32, v & 0xFFFF_FFFFL);
  }

  static ComponentValue str(String s) {
    return new ComponentValue.Str(s);
  }

  static ComponentValue bool(boolean b) {
    return new ComponentValue.Bool(b);
  }

  static ComponentValue tuple(ComponentValue... es) {
    return new ComponentValue.TupleV(List.of(es));
  }

  static ComponentValue record(ComponentValue... fs) {
    return new ComponentValue.RecordV(List.of(fs));
  }

  static ComponentValue list(List<ComponentValue> es) {
    return new ComponentValue.ListV(es);
  }

  static ComponentValue bytes(byte[] b, int length) {
    return new ComponentValue.Bytes(length == b.length ? b : Arrays.copyOf(b, length));
  }

  static ComponentValue some(ComponentValue v) {
    return new ComponentValue.OptionV(Optional.of(v));
  }

  static ComponentValue none() {
    return new ComponentValue.OptionV(Optional.empty());
  }

  static ComponentValue ok() {
    return new ComponentValue.ResultV(true, Optional.empty());
  }

  static ComponentValue ok(ComponentValue v) {
    return new ComponentValue.ResultV(true, Optional.of(v));
  }

  static ComponentValue err() {
    return new ComponentValue.ResultV(false, Optional.empty());
  }

  static ComponentValue err(ComponentValue v) {
    return new ComponentValue.ResultV(false, Optional.of(v));
  }

  static ComponentValue enumCase(int index) {
    return new ComponentValue.EnumV(index);
  }

  static ComponentValue variant(int index, ComponentValue payload) {
    return new ComponentValue.VariantV(index, Optional.of(payload));
  }

  static ComponentValue variant(int index) {
    return new ComponentValue.VariantV(index, Optional.empty());
  }

  static ComponentValue resource(ResourceType type, Object rep) {
    return new ComponentValue.Resource(type, rep);
  }

  /** Returns the representation of resource argument {@code v}, of the class expected. */
  static <T> T rep(ComponentValue v, Class<T> kind) {
    return kind.cast(((ComponentValue.Resource) v).rep());
  }

  static long integer(ComponentValue v) {
    return ((ComponentValue.Int) v).value();
  }

  static String string(ComponentValue v) {
    return ((ComponentValue.Str) v).value();
  }

  static byte[] bytes(ComponentValue v) {
    if (v instanceof ComponentValue.Bytes b) {
      return b.bytes();
    }
    List<ComponentValue> es = ((ComponentValue.ListV) v).elements();
    byte[] out = new byte[es.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((ComponentValue.Int) es.get(i)).value();
    }
    return out;
  }
}
